// Streamlining targets of the chosen period: the current unit's target and
// those of the units right under it (all of them at national level), how far
// each has come, and for the chosen one its headcounts against the plan.
import { useState } from 'react';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { formatDate, formatNumber } from '../common/format';
import { formatShare } from '../common/percent';
import { IllustrativeTag } from './Figure';
import { TargetChart } from './TargetChart';
import { TargetForm } from './TargetForm';
import type { TargetItem, TargetPoint, TargetsAnswer } from './reportTypes';

const STATUS_COLOR: Record<string, string> = {
  reached: 'green',
  on_track: 'blue',
  behind: 'red',
  no_data: 'default',
  before_baseline: 'default',
};

export function TargetsPanel({
  period,
  unitId,
  unitName,
  category,
}: {
  period: string;
  unitId?: number;
  unitName: string;
  category: string;
}) {
  const { t } = useTranslation();
  const r = useApiGet<TargetsAnswer>(
    withQuery('/api/staffing/targets', { period, unitId, category: category === 'all' ? undefined : category }),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const key = (i: TargetItem) => `${i.nodeId}:${i.category}`;
  const items = r.data?.items ?? [];
  const chosen = items.find((i) => key(i) === picked) ?? (items.length === 1 ? items[0] : undefined);
  const status = (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`staffing.report.status.${s}`)}</Tag>;
  return (
    <>
      {r.error && <Alert type="warning" showIcon title={r.error} />}
      <Table<TargetItem>
        size="small"
        rowKey={key}
        loading={r.loading}
        dataSource={items}
        pagination={{ pageSize: 40, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="staffing-targets"
        locale={{ emptyText: t('staffing.report.noTargets') }}
        onRow={(i) => ({ onClick: () => setPicked(key(i)), style: { cursor: 'pointer' } })}
        rowClassName={(i) => (chosen && key(i) === key(chosen) ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('staffing.unit'),
            dataIndex: 'name',
            render: (v: string, i) => (
              <>
                {v}
                <IllustrativeTag show={i.illustrative} />
              </>
            ),
          },
          {
            title: t('staffing.report.category'),
            dataIndex: 'category',
            render: (c: string) => t(`staffing.category.${c}`),
          },
          {
            title: t('staffing.report.baseline'),
            key: 'b',
            align: 'right',
            render: (_, i) => formatNumber(i.baselineHeadcount),
          },
          {
            title: t('staffing.report.target'),
            key: 't',
            align: 'right',
            render: (_, i) => `${formatNumber(i.targetHeadcount)} (${formatDate(i.targetDate)})`,
          },
          {
            title: t('staffing.report.requiredCut'),
            key: 'c',
            align: 'right',
            render: (_, i) => `${formatNumber(i.requiredCut)} (${formatShare(i.requiredCut, i.baselineHeadcount)})`,
          },
          {
            title: t('staffing.report.latest'),
            key: 'l',
            align: 'right',
            render: (_, i) => (i.latest ? `${formatNumber(i.latest.present)} (${formatDate(i.latest.asOf)})` : '—'),
          },
          {
            title: t('staffing.report.ofCut'),
            key: 'a',
            align: 'right',
            render: (_, i) => formatShare(i.latest?.achieved, i.requiredCut),
          },
          {
            title: t('staffing.report.plannedNow'),
            dataIndex: 'plannedNow',
            align: 'right',
            render: (v: number) => formatNumber(v, 1),
          },
          { title: t('staffing.report.progress'), dataIndex: 'status', render: status },
        ]}
      />
      {chosen ? (
        <Card size="small" style={{ marginTop: 16 }} title={t('staffing.report.chartTitle', { name: chosen.name })}>
          <Typography.Paragraph type="secondary">
            {t('staffing.report.basis')}: {chosen.basis} · {t('staffing.report.setBy')}: {chosen.setBy}
          </Typography.Paragraph>
          {chosen.recordedBelow && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('staffing.report.recordedBelow', { n: formatNumber(chosen.subtreePresent) })}
            />
          )}
          <TargetChart item={chosen} />
          <Table<TargetPoint>
            size="small"
            rowKey="asOf"
            dataSource={chosen.points}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="staffing-target-points"
            columns={[
              { title: t('staffing.report.date'), dataIndex: 'asOf', render: formatDate },
              {
                title: t('staffing.report.present'),
                dataIndex: 'present',
                align: 'right',
                render: (v: number) => formatNumber(v),
              },
              {
                title: t('staffing.report.planned'),
                dataIndex: 'planned',
                align: 'right',
                render: (v: number | null) => formatNumber(v, 1),
              },
              {
                title: t('staffing.report.achieved'),
                dataIndex: 'achieved',
                align: 'right',
                render: (v: number | null) => formatNumber(v),
              },
              {
                title: t('staffing.report.ofCut'),
                key: 'ofCut',
                align: 'right',
                render: (_, p) => formatShare(p.achieved, chosen.requiredCut),
              },
              {
                title: t('staffing.report.gap'),
                dataIndex: 'gap',
                align: 'right',
                render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatNumber(v, 1)}`),
              },
              { title: t('staffing.report.progress'), dataIndex: 'status', render: status },
            ]}
          />
        </Card>
      ) : (
        items.length > 1 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('staffing.report.pickTarget')}
          </Typography.Paragraph>
        )
      )}
      <Card size="small" style={{ marginTop: 16 }} title={t('staffing.report.setTitle', { name: unitName })}>
        <TargetForm
          period={period}
          unitId={unitId}
          category={category === 'all' ? 'cadre_civil_servant' : category}
          onDone={r.reload}
        />
      </Card>
    </>
  );
}
