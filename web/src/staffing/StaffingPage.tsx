// Staffing quotas: quota against present by province (then by commune and
// agency inside a province), the allocation form, and the 2026–2031 reductions;
// then the streamlining targets, the national total by block and the trend over periods.
import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { formatNumber } from '../common/format';
import { RollupTable } from './RollupTable';
import { AllocateForm } from './AllocateForm';
import { ReductionsTable } from './ReductionsTable';
import { NormsScenario } from './NormsScenario';
import { UsedShareMap } from './UsedShareMap';
import { TargetsPanel } from './TargetsPanel';
import { BlocksTable } from './BlocksTable';
import { TrendPanel } from './TrendPanel';
import type { GeoJSON } from '../types';
import { IllustrativeTag, Present, Quota } from './Figure';
import { CATEGORIES, figuresFor, type Period, type Rollup } from './types';

export default function StaffingPage() {
  const { t } = useTranslation();
  const periods = useApiGet<{ items: Period[] }>('/api/staffing/periods');
  const [periodChoice, setPeriod] = useState<string | null>(null);
  const period = periodChoice ?? periods.data?.items[0]?.code ?? null;
  const periodRow = periods.data?.items.find((p) => p.code === period);
  const [trail, setTrail] = useState<{ unitId: number; name: string }[]>([]);
  const [category, setCategory] = useState<string>('all');
  const current = trail.at(-1);
  const geo = useApiGet<GeoJSON>('/api/geo/provinces');
  const rollup = useApiGet<Rollup>(
    period ? withQuery('/api/staffing/rollup', { period, unitId: current?.unitId }) : null,
  );
  // Without a unit the server starts at the caller's own: the country for national grants, else their province or commune.
  const [root, setRoot] = useState<{ name: string; national: boolean } | null>(null);
  const top = !current && rollup.data ? { name: rollup.data.node.name, national: rollup.data.node.level === 0 } : root;
  if (top && (top.name !== root?.name || top.national !== root?.national)) setRoot(top);
  const rootName = top && !top.national ? top.name : t('staffing.national');

  if (periods.data && periods.data.items.length === 0)
    return <Alert type="info" showIcon title={t('staffing.noPeriods')} />;
  const node = rollup.data?.node;
  const nodeFig = node ? figuresFor(node, category) : undefined;

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('staffing.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 160 }}
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setTrail([]);
          }}
          data-testid="staffing-period"
          options={(periods.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
        />
        <Select
          style={{ minWidth: 260 }}
          value={category}
          onChange={setCategory}
          data-testid="staffing-category"
          options={[
            { value: 'all', label: t('staffing.allCategories') },
            ...CATEGORIES.map((c) => ({ value: c, label: t(`staffing.category.${c}`) })),
          ]}
        />
      </Space>
      {periodRow?.data_note && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="staffing-data-note"
          title={t('staffing.report.dataNote', { period: periodRow.name })}
          description={periodRow.data_note}
        />
      )}
      <Tabs
        items={[
          {
            key: 'quota',
            label: t('staffing.quotaVsPresent'),
            children: (
              <>
                <Breadcrumb
                  items={[
                    {
                      title: (
                        <Button type="link" size="small" onClick={() => setTrail([])}>
                          {rootName}
                        </Button>
                      ),
                    },
                    ...trail.map((s, i) => ({
                      title: (
                        <Button type="link" size="small" onClick={() => setTrail(trail.slice(0, i + 1))}>
                          {s.name}
                        </Button>
                      ),
                    })),
                  ]}
                />
                {rollup.error && <Alert type="warning" showIcon title={rollup.error} />}
                {node && nodeFig && (
                  <Typography.Paragraph data-testid="staffing-node-summary">
                    <b>{node.name}</b>: {t('staffing.assigned')} <Quota value={nodeFig.quota} />
                    <IllustrativeTag show={nodeFig.illustrative} /> · {t('staffing.allocatedBelow')}{' '}
                    <span data-figure="allocatedBelow">{formatNumber(nodeFig.allocatedBelow)}</span> ·{' '}
                    {t('staffing.reserve')} <span data-figure="reserve">{formatNumber(nodeFig.reserve)}</span> ·{' '}
                    {t('staffing.available')} <span data-figure="available">{formatNumber(nodeFig.available)}</span> ·{' '}
                    {t('staffing.present')} <Present value={nodeFig.present} />
                  </Typography.Paragraph>
                )}
                {rollup.data && (
                  <RollupTable
                    rollup={rollup.data}
                    category={category}
                    onOpen={(i) => setTrail([...trail, { unitId: i.unitId, name: i.name }])}
                  />
                )}
                {period && node && (
                  <Card size="small" title={t('staffing.allocateTitle', { name: node.name })} style={{ marginTop: 16 }}>
                    <AllocateForm period={period} parentUnitId={node.unitId} onDone={rollup.reload} />
                  </Card>
                )}
              </>
            ),
          },
          // The provinces' map is the national view: shown to those who may read every province.
          ...(top?.national
            ? [
                {
                  key: 'map',
                  label: t('staffing.mapTitle'),
                  children:
                    rollup.data && geo.data && !current ? (
                      <UsedShareMap geo={geo.data} rollup={rollup.data} category={category} />
                    ) : (
                      <Typography.Paragraph type="secondary">{t('staffing.national')}</Typography.Paragraph>
                    ),
                },
              ]
            : []),
          { key: 'reductions', label: t('staffing.reductionsTitle'), children: <ReductionsTable /> },
          { key: 'norms', label: t('staffing.normsTitle'), children: <NormsScenario period={period} /> },
          {
            key: 'targets',
            label: t('staffing.report.targetsTab'),
            children: period ? (
              <TargetsPanel
                period={period}
                unitId={current?.unitId}
                unitName={current?.name ?? rootName}
                category={category}
              />
            ) : null,
          },
          {
            key: 'blocks',
            label: t('staffing.report.blocksTab'),
            children: period ? <BlocksTable period={period} category={category} /> : null,
          },
          {
            key: 'trend',
            label: t('staffing.report.trendTab'),
            children: <TrendPanel unitId={current?.unitId} category={category} />,
          },
        ]}
      />
    </>
  );
}
