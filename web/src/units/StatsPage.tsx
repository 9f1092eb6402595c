// Restructuring statistics: before (30/06/2025) against after (01/07/2025),
// nationally and per new province, as cards, a map, a bar chart and a table.
import { Alert, Button, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { PageSpinner } from '../common/PageSpinner';
import { formatDate } from '../common/format';
import type { GeoJSON, RestructuringStats } from '../types';
import { NationalSummary } from './stats/NationalSummary';
import { ProvinceTable } from './stats/ProvinceTable';
import { CommunesBarChart } from './stats/CommunesBarChart';
import { ReductionMap } from './stats/ReductionMap';

const FROM = '2025-06-30';
const TO = '2025-07-01';

export default function StatsPage() {
  const { t } = useTranslation();
  const stats = useApiGet<RestructuringStats>(withQuery('/api/stats/restructuring', { from: FROM, to: TO }));
  const geo = useApiGet<GeoJSON>('/api/geo/provinces');

  if (stats.loading && !stats.data) return <PageSpinner />;
  if (stats.error || !stats.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={stats.error ?? t('errors.unknown')}
        action={<Button onClick={stats.reload}>{t('common.retry')}</Button>}
      />
    );
  }
  const data = stats.data;

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('stats.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('stats.subtitle', { from: formatDate(data.from), to: formatDate(data.to) })}
      </Typography.Paragraph>
      <NationalSummary national={data.national} />

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={11}>
          <Card title={t('stats.mapTitle')} size="small">
            {geo.error && <Alert type="warning" showIcon title={geo.error} />}
            {geo.loading && !geo.data && <PageSpinner />}
            {geo.data && <ReductionMap geo={geo.data} provinces={data.provinces} />}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card title={t('stats.barTitle')} size="small">
            <CommunesBarChart provinces={data.provinces} />
          </Card>
        </Col>
      </Row>

      <Card title={t('stats.tableTitle')} size="small" style={{ marginTop: 16 }}>
        <ProvinceTable provinces={data.provinces} />
      </Card>
    </>
  );
}
