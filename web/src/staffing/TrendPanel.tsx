// One unit (the current one, or the country) across every period: quota,
// reserve and present side by side, the change from the period before, and a
// bar chart of quota against present. A period before a merger reads the
// predecessors' figures, and says so.
import { useMemo } from 'react';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { formatNumber } from '../common/format';
import { formatShare } from '../common/percent';
import { IllustrativeTag, Present } from './Figure';
import type { Change, TrendAnswer, TrendItem } from './reportTypes';

const changeText = (c: Change | null | undefined) =>
  c ? `${c.abs > 0 ? '+' : ''}${formatNumber(c.abs)} (${formatShare(c.abs, c.from)})` : '—';

export function TrendPanel({ unitId, category }: { unitId?: number; category: string }) {
  const { t, i18n } = useTranslation();
  const r = useApiGet<TrendAnswer>(
    withQuery('/api/staffing/trend', { unitId, category: category === 'all' ? undefined : category }),
  );
  const items = r.data?.items ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('staffing.assigned'), t('staffing.report.present')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatNumber(v === null || v === undefined ? null : Number(v)),
      },
      xAxis: { type: 'category', data: items.map((i) => i.period) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        { name: t('staffing.assigned'), type: 'bar', data: items.map((i) => i.quota), itemStyle: { color: '#bdbdbd' } },
        {
          name: t('staffing.report.present'),
          type: 'bar',
          data: items.map((i) => i.present),
          itemStyle: { color: '#b71c1c' },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels and numbers are formatted by helpers that read the current language, so the chart is rebuilt when it changes
    [items, t, i18n.language],
  );
  if (r.error) return <Alert type="warning" showIcon title={r.error} />;
  const orNot = (v: number | null, i: TrendItem) =>
    v === null
      ? i.source === null
        ? t('staffing.report.noFigures')
        : t('staffing.report.notAssigned')
      : formatNumber(v);
  return (
    <>
      {r.data && (
        <Typography.Paragraph>
          <b>{t('staffing.report.trendOf', { name: r.data.unit.name })}</b>
        </Typography.Paragraph>
      )}
      <Table<TrendItem>
        size="small"
        rowKey="period"
        loading={r.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="staffing-trend"
        columns={[
          {
            title: t('staffing.report.period'),
            dataIndex: 'name',
            render: (v: string, i) => (
              <>
                {v}
                <IllustrativeTag show={i.illustrative} />
                {i.source === 'predecessors' && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('staffing.report.fromPredecessors', { names: i.sources.join(', ') })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: t('staffing.assigned'), key: 'q', align: 'right', render: (_, i) => orNot(i.quota, i) },
          { title: t('staffing.reserve'), key: 'r', align: 'right', render: (_, i) => orNot(i.reserve, i) },
          {
            title: t('staffing.report.present'),
            key: 'p',
            align: 'right',
            render: (_, i) => <Present value={i.present} />,
          },
          {
            title: t('staffing.report.change'),
            key: 'change',
            children: [
              {
                title: t('staffing.assigned'),
                key: 'cq',
                align: 'right',
                render: (_, i) => changeText(i.change?.quota),
              },
              {
                title: t('staffing.reserve'),
                key: 'cr',
                align: 'right',
                render: (_, i) => changeText(i.change?.reserve),
              },
              {
                title: t('staffing.report.present'),
                key: 'cp',
                align: 'right',
                render: (_, i) => changeText(i.change?.present),
              },
            ],
          },
        ]}
      />
      {items.length > 0 && (
        <EChart
          option={option}
          style={{ height: 280, marginTop: 16 }}
          data-testid="staffing-trend-chart"
          role="img"
          aria-label={t('staffing.report.trendOf', { name: r.data?.unit.name ?? '' })}
        />
      )}
    </>
  );
}
