import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart';
import type { ChartOption } from '../../charts/echarts';
import { formatNumber } from '../../common/format';
import type { ProvinceRestructuring } from '../../types';

/** Horizontal bars: 34 Vietnamese names read far better down than across. */
export function CommunesBarChart({ provinces }: { provinces: ProvinceRestructuring[] }) {
  const { t, i18n } = useTranslation();
  const sorted = useMemo(() => [...provinces].sort((a, b) => b.communesBefore - a.communesBefore), [provinces]);

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('stats.before'), t('stats.after')] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatNumber(Number(v)) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: { type: 'category', inverse: true, data: sorted.map((p) => p.name), axisLabel: { fontSize: 11 } },
      series: [
        {
          name: t('stats.before'),
          type: 'bar',
          data: sorted.map((p) => p.communesBefore),
          itemStyle: { color: '#bdbdbd' },
          barGap: '0%',
        },
        {
          name: t('stats.after'),
          type: 'bar',
          data: sorted.map((p) => p.communesAfter),
          itemStyle: { color: '#b71c1c' },
        },
      ],
    }),
    // i18n.language: the legend and number format follow the chosen language.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the formatters read the language from i18n
    [sorted, t, i18n.language],
  );

  return <EChart option={option} style={{ height: sorted.length * 26 + 60 }} data-testid="stats-bar" />;
}
