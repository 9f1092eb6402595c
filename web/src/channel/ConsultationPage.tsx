// One consultation, public: the draft and (while open) the form to take part, then the code step, the results
// and the drafting body's answers. No sign-in; phone first.
import { useState } from 'react';
import { Alert, Button, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '../common/format';
import { PageSpinner } from '../common/PageSpinner';
import { useApiGet } from '../common/useApiGet';
import { AnswersPanel } from './AnswersPanel';
import { ConfirmStep, ParticipateForm } from './ParticipateForm';
import { ResultsPanel } from './ResultsPanel';
import type { ConsultationFull, Participated, Results } from './types';

export default function ConsultationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useApiGet<ConsultationFull>(`/api/consultations/${Number(id)}`);
  const results = useApiGet<Results>(`/api/consultations/${Number(id)}/results`);
  const [sent, setSent] = useState<Participated | null>(null);
  const c = detail.data;
  return (
    <div className="channel-page" data-testid="consultation-page">
      <Link to="/consultations">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('channel.detail.back')}
        </Button>
      </Link>
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {detail.loading && !c && <PageSpinner />}
      {c && (
        <>
          <div className="channel-tags">
            <Tag color={c.open ? 'green' : 'default'}>{c.open ? t('channel.list.open') : t('channel.list.closed')}</Tag>
            <Tag>{t(`channel.kind.${c.kind}`)}</Tag>
          </div>
          <h1 data-testid="consultation-title">{c.title}</h1>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('channel.list.dates', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('channel.list.by', { unit: c.unit.name })}</Typography.Paragraph>
          {c.summary && <Typography.Paragraph className="channel-body">{c.summary}</Typography.Paragraph>}
          {!c.open && (
            <Alert type="info" showIcon title={t('channel.detail.closedNote')} style={{ marginBottom: 16 }} />
          )}
          {c.open && !sent && <ParticipateForm consultation={c} onSent={setSent} />}
          {sent && <ConfirmStep sent={sent} onConfirmed={results.reload} />}
          {results.error && <Alert type="error" showIcon title={results.error} />}
          {results.data && <ResultsPanel results={results.data} />}
          <a href={`/api/consultations/${c.id}/report.docx`} download>
            <Button icon={<DownloadOutlined />} block style={{ margin: '8px 0 16px' }}>
              {t('channel.results.report')}
            </Button>
          </a>
          <AnswersPanel consultation={c} />
        </>
      )}
    </div>
  );
}
