// The 2026–2031 cut per province, with how many provinces it was formed from
// (lineage). The base column names its period and category (the rule cuts the
// civil servants' quota), so it is not read as the all-categories quota of the first tab.
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiGet } from '../common/useApiGet';
import { formatNumber } from '../common/format';
import { IllustrativeTag } from './Figure';
import type { ReductionItem, Reductions } from './types';

export function ReductionsTable() {
  const { t, i18n } = useTranslation();
  const r = useApiGet<Reductions>('/api/staffing/reductions?period=2026-2031');
  if (r.error) return <Alert type="error" showIcon title={r.error} />;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const first = r.data?.items[0];
  const baseTitle = first
    ? t('staffing.report.baseOf', {
        period: first.basePeriod.replace('-', '–'),
        category: t(`staffing.category.${first.baseCategory}`),
      })
    : t('staffing.base');
  return (
    <>
      {r.data && (
        <Typography.Paragraph type="secondary">
          {r.data.ruleSet.title[lang]} — {r.data.ruleSet.legalBasis.join('; ')}
        </Typography.Paragraph>
      )}
      <Table<ReductionItem>
        size="small"
        rowKey="code"
        loading={r.loading}
        dataSource={r.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="staffing-reductions"
        columns={[
          { title: t('staffing.province'), dataIndex: 'name' },
          {
            title: t('staffing.formedFrom'),
            key: 'from',
            render: (_, i) => `${i.formedFrom.length}: ${i.formedFrom.join(', ')}`,
          },
          {
            title: t('staffing.cutPct'),
            dataIndex: 'percent',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : `${formatNumber(v, 2)}%`),
          },
          {
            title: baseTitle,
            dataIndex: 'base',
            align: 'right',
            render: (v: number | null, i) => (
              <>
                {v === null ? t('staffing.report.notAssigned') : formatNumber(v)}
                <IllustrativeTag show={v !== null && i.baseIllustrative} />
              </>
            ),
          },
          { title: t('staffing.cut'), dataIndex: 'cut', align: 'right', render: (v: number | null) => formatNumber(v) },
          {
            title: t('staffing.proposed'),
            dataIndex: 'proposed',
            align: 'right',
            render: (v: number | null) => formatNumber(v),
          },
        ]}
      />
    </>
  );
}
