// The national quota and present of the chosen period split by block (central
// Party and mass organisations, central State, local), then what lies outside
// the blocks (the country's reserve and what it has not given out), then the
// national figure, so the column adds up on screen.
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { formatNumber } from '../common/format';
import { formatShare } from '../common/percent';
import { IllustrativeTag, Present, Quota } from './Figure';
import type { BlocksAnswer } from './reportTypes';

interface Row {
  key: string;
  name: string;
  members: number | null;
  quota: number | null;
  reserve: number | null;
  present: number | null;
  illustrative?: boolean;
  note?: string;
  strong?: boolean;
}

export function BlocksTable({ period, category }: { period: string; category: string }) {
  const { t, i18n } = useTranslation();
  const r = useApiGet<BlocksAnswer>(withQuery('/api/staffing/blocks', { period }));
  if (r.error) return <Alert type="info" showIcon title={t('staffing.report.noNational')} description={r.error} />;
  const d = r.data;
  const en = i18n.language === 'en';
  const pick = <T,>(g: { byCategory: Record<string, T>; total: T }) =>
    category === 'all' ? g.total : g.byCategory[category];
  const rows: Row[] = [];
  if (d) {
    for (const b of d.blocks) {
      const f = pick(b);
      rows.push({
        key: b.block,
        name: en ? b.nameEn : b.nameVi,
        members: b.members.length,
        quota: f?.quota ?? null,
        reserve: f?.reserve ?? 0,
        present: f?.present ?? null,
        illustrative: f?.illustrative,
        note:
          b.block === 'unclassified'
            ? t('staffing.report.unclassified', { names: b.members.map((m) => m.name).join(', ') })
            : undefined,
      });
    }
    const o = pick(d.outside);
    if (o)
      rows.push({
        key: 'outside',
        name: t('staffing.report.outside'),
        members: null,
        quota: o.quota,
        reserve: o.reserve,
        present: o.present,
        note: `${t('staffing.reserve')} ${formatNumber(o.reserve)} · ${t('staffing.report.unallocated')} ${formatNumber(o.unallocated)} · ${t('staffing.report.presentOutside')} ${formatNumber(o.present)}`,
      });
    const n = pick(d.national);
    rows.push({
      key: 'national',
      name: t('staffing.report.national'),
      members: null,
      quota: n?.quota ?? null,
      reserve: n?.reserve ?? 0,
      present: n?.present ?? null,
      illustrative: n?.illustrative,
      strong: true,
    });
  }
  const mismatch = d ? (pick(d.outside)?.mismatch ?? 0) : 0;
  return (
    <>
      {mismatch !== 0 && (
        <Alert
          type="error"
          showIcon
          title={t('staffing.report.mismatch', { n: formatNumber(mismatch) })}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={r.loading}
        dataSource={rows}
        pagination={false}
        data-testid="staffing-blocks"
        columns={[
          {
            title: t('staffing.report.block'),
            dataIndex: 'name',
            render: (v: string, row) => (
              <>
                {row.strong ? <b>{v}</b> : v}
                <IllustrativeTag show={row.illustrative} />
                {row.note && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {row.note}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('staffing.report.members'),
            dataIndex: 'members',
            align: 'right',
            render: (v: number | null) => formatNumber(v),
          },
          {
            title: t('staffing.assigned'),
            dataIndex: 'quota',
            align: 'right',
            render: (v: number | null, row) => (row.key === 'outside' ? formatNumber(v) : <Quota value={v} />),
          },
          {
            title: t('staffing.report.present'),
            dataIndex: 'present',
            align: 'right',
            render: (v: number | null, row) => (row.key === 'outside' ? formatNumber(v) : <Present value={v} />),
          },
          {
            title: t('staffing.usedShare'),
            key: 'share',
            align: 'right',
            render: (_, row) => (row.quota && row.key !== 'outside' ? formatShare(row.present, row.quota) : '—'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('staffing.report.blocksNote')}
      </Typography.Paragraph>
    </>
  );
}
