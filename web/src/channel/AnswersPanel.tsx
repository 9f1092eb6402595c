// The drafting body's published answers, one per group of comments, with the published (redacted) comments of
// each section: what the public was told in return.
import { Card, Collapse, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import type { ConsultationFull } from './types';

export function AnswersPanel({ consultation }: { consultation: ConsultationFull }) {
  const { t } = useTranslation();
  const position = new Map(consultation.sections.map((s) => [s.id, s.position]));
  const answered = consultation.groups.filter((g) => g.answer);
  return (
    <section data-testid="answers">
      <h2>{t('channel.answers.title')}</h2>
      {answered.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channel.answers.none')} />}
      {answered.map((g) => (
        <Card key={g.id} size="small" className="channel-card" data-testid="answer">
          <div className="channel-tags">
            <Tag>
              {g.sectionId ? t('channel.detail.section', { n: position.get(g.sectionId) }) : t('channel.answers.whole')}
            </Tag>
            <Tag>{t('channel.answers.comments', { n: g.comments })}</Tag>
          </div>
          <Typography.Title level={5} className="channel-title">
            {g.title}
          </Typography.Title>
          <Typography.Paragraph className="channel-body">{g.answer}</Typography.Paragraph>
          {g.answeredAt && <Typography.Text type="secondary">{formatDate(g.answeredAt)}</Typography.Text>}
        </Card>
      ))}
      {consultation.comments.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'comments',
              label: t('channel.detail.publishedComments', { n: consultation.comments.length }),
              children: consultation.comments.map((c) => (
                <Typography.Paragraph key={c.id} className="channel-body">
                  <Tag>{t('channel.detail.section', { n: position.get(c.sectionId) })}</Tag>
                  {c.text} <Typography.Text type="secondary">— {c.residence}</Typography.Text>
                </Typography.Paragraph>
              )),
            },
          ]}
        />
      )}
    </section>
  );
}
