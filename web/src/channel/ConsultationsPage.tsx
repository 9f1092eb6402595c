// Public list of drafts put to consultation, newest first: open ones to take part in, closed ones to see results.
// No sign-in, built for a phone first (cards, not a table).
import { Alert, Button, Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../common/format';
import { PageSpinner } from '../common/PageSpinner';
import { useApiGet } from '../common/useApiGet';
import type { Consultations } from './types';

export default function ConsultationsPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useApiGet<Consultations>('/api/consultations');
  // Open drafts first: they are what a visitor can still act on.
  const items = [...(data?.items ?? [])].sort((a, b) => Number(b.open) - Number(a.open));
  return (
    <div className="channel-page" data-testid="consultations-page">
      <h1>{t('channel.list.title')}</h1>
      <Typography.Paragraph type="secondary">{t('channel.list.subtitle')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <PageSpinner />}
      {data && items.length === 0 && <Empty description={t('channel.list.empty')} />}
      {items.map((c) => (
        <Card key={c.id} className="channel-card" data-testid="consultation-card" size="small">
          <div className="channel-tags">
            <Tag color={c.open ? 'green' : 'default'}>{c.open ? t('channel.list.open') : t('channel.list.closed')}</Tag>
            <Tag>{t(`channel.kind.${c.kind}`)}</Tag>
          </div>
          <Typography.Title level={4} className="channel-title">
            <Link to={`/consultations/${c.id}`}>{c.title}</Link>
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('channel.list.dates', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('channel.list.by', { unit: c.unit.name })}</Typography.Paragraph>
          {c.summary && <Typography.Paragraph ellipsis={{ rows: 3 }}>{c.summary}</Typography.Paragraph>}
          <Link to={`/consultations/${c.id}`}>
            <Button type={c.open ? 'primary' : 'default'} size="large" block>
              {c.open ? t('channel.list.take') : t('channel.list.results')}
            </Button>
          </Link>
        </Card>
      ))}
    </div>
  );
}
