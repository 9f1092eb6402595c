// Quota against present for the units under the current node: one row per
// province (or commune/agency), the used share coloured against the tolerance.
import { Button, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../common/format';
import type { Rollup, RollupItem } from './types';

export function RollupTable({ rollup, category, onOpen }: { rollup: Rollup; category: string | 'all'; onOpen: (item: RollupItem) => void }) {
  const { t } = useTranslation();
  const fig = (i: RollupItem) => (category === 'all' ? i.total : i.byCategory[category] ?? { quota: 0, reserve: 0, allocatedBelow: 0, present: 0 });
  return (
    <Table<RollupItem> size="small" rowKey="nodeId" dataSource={rollup.items} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="staffing-rollup"
      columns={[
        { title: t('staffing.unit'), key: 'name', render: (_, i) => (i.level < 3 && !i.agencyId ? <Button type="link" size="small" onClick={() => onOpen(i)}>{i.name}</Button> : i.name) },
        { title: t('staffing.assigned'), key: 'quota', align: 'right', sorter: (a, b) => fig(a).quota - fig(b).quota, render: (_, i) => formatNumber(fig(i).quota) },
        { title: t('staffing.allocatedBelow'), key: 'below', align: 'right', render: (_, i) => formatNumber(fig(i).allocatedBelow) },
        { title: t('staffing.reserve'), key: 'reserve', align: 'right', render: (_, i) => formatNumber(fig(i).reserve) },
        { title: t('staffing.present'), key: 'present', align: 'right', render: (_, i) => formatNumber(fig(i).present) },
        { title: t('staffing.usedShare'), key: 'share', width: 180, render: (_, i) => {
          const f = fig(i);
          if (!f.quota) return '—';
          const pct = Math.round((f.present / f.quota) * 1000) / 10;
          return <Progress percent={Math.min(100, pct)} format={() => `${pct}%`} size="small"
            status={pct > 100 ? 'exception' : pct >= rollup.toleranceShare * 100 ? 'active' : 'normal'} />;
        } },
      ]} />
  );
}
