// Quota against present for the units under the current node: one row per
// province (or commune/agency), the share present coloured against the tolerance.
// Every figure is the server's (src/staffing/quotas/quotas.figures.ts); the share is written from
// its two parts with the State's two decimals.
import { Button, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../common/format';
import { formatShare, percentValue } from '../common/percent';
import { IllustrativeTag, Present, Quota } from './Figure';
import { figuresFor, type Rollup, type RollupItem } from './types';

export function RollupTable({
  rollup,
  category,
  onOpen,
}: {
  rollup: Rollup;
  category: string | 'all';
  onOpen: (item: RollupItem) => void;
}) {
  const { t } = useTranslation();
  const fig = (i: RollupItem) => figuresFor(i, category);
  return (
    <Table<RollupItem>
      size="small"
      rowKey="nodeId"
      dataSource={rollup.items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="staffing-rollup"
      columns={[
        {
          title: t('staffing.unit'),
          key: 'name',
          fixed: 'left',
          render: (_, i) => (
            <>
              {i.level < 3 && !i.agencyId ? (
                <Button type="link" size="small" onClick={() => onOpen(i)}>
                  {i.name}
                </Button>
              ) : (
                i.name
              )}
              <IllustrativeTag show={fig(i).illustrative} />
            </>
          ),
        },
        {
          title: t('staffing.assigned'),
          key: 'quota',
          align: 'right',
          sorter: (a, b) => (fig(a).quota ?? -1) - (fig(b).quota ?? -1),
          render: (_, i) => <Quota value={fig(i).quota} />,
        },
        {
          title: t('staffing.allocatedBelow'),
          key: 'below',
          align: 'right',
          render: (_, i) => formatNumber(fig(i).allocatedBelow),
        },
        {
          title: t('staffing.reserve'),
          key: 'reserve',
          align: 'right',
          render: (_, i) => formatNumber(fig(i).reserve),
        },
        {
          title: t('staffing.present'),
          key: 'present',
          align: 'right',
          render: (_, i) => <Present value={fig(i).present} />,
        },
        {
          title: t('staffing.usedShare'),
          key: 'share',
          width: 180,
          render: (_, i) => {
            const f = fig(i);
            const pct = f.present === null || !f.quota ? null : percentValue(f.present, f.quota);
            if (pct === null) return '—';
            return (
              <Progress
                percent={Math.min(100, pct)}
                format={() => formatShare(f.present, f.quota)}
                size="small"
                status={pct > 100 ? 'exception' : pct >= rollup.toleranceShare * 100 ? 'active' : 'normal'}
              />
            );
          },
        },
      ]}
    />
  );
}
