// Tasks falling due per month, with how many of them are at risk or done.
import { useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart';
import type { ChartOption } from '../../charts/echarts';
import { RATING_COLORS } from '../ratings';
import type { Timeline } from '../types';

/** '2026-12' → '12/2026', the way officials write a month. */
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

export function DueTimeline({ data }: { data: Timeline }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => monthLabel(m.month)), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('program.timelineDue'),
          data: data.months.map((m) => m.due),
          itemStyle: { color: '#5c6bc0' },
        },
        {
          type: 'bar',
          name: t('program.timelineAtRisk'),
          data: data.months.map((m) => m.atRisk),
          itemStyle: { color: RATING_COLORS.red },
        },
        {
          type: 'bar',
          name: t('program.timelineDone'),
          data: data.months.map((m) => m.done),
          itemStyle: { color: RATING_COLORS.green },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels and numbers are formatted by helpers that read the current language, so the chart is rebuilt when it changes
    [data, t, i18n.language],
  );
  if (data.months.length === 0) return <Empty description={t('program.emptyList')} />;
  return (
    <EChart
      option={option}
      style={{ height: 280 }}
      data-testid="due-timeline"
      role="img"
      aria-label={t('program.timeline')}
    />
  );
}
