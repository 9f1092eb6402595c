// Section × province heat map: each cell is coloured by the cell's rollup
// rating (the same five colours as everywhere else).
import { useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart';
import type { ChartOption } from '../../charts/echarts';
import { formatPct } from '../../common/format';
import { RATING_COLORS, pick } from '../ratings';
import { RATINGS, type Heatmap } from '../types';

type Cell = [number, number, number, string]; // x (province), y (section), rating index, tooltip

export function SectionHeatmap({ data }: { data: Heatmap }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const px = new Map(data.provinces.map((p, i) => [p.unitId, i]));
    const sy = new Map(data.sections.map((s, i) => [s.sectionId, i]));
    const cells: Cell[] = [];
    for (const c of data.cells) {
      const x = px.get(c.unitId),
        y = sy.get(c.sectionId);
      if (x === undefined || y === undefined || c.total === 0) continue;
      const section = data.sections[y],
        province = data.provinces[x];
      cells.push([
        x,
        y,
        RATINGS.indexOf(c.rating),
        t('program.heatmapTooltip', {
          section: `${section.code} ${pick(section.title)}`.slice(0, 80),
          province: province.name,
          rating: t(`program.rating.${c.rating}`),
          atRisk: c.atRisk,
          rated: c.rated,
        }) + ` (${formatPct(c.atRiskShare * 100)})`,
      ]);
    }
    return {
      tooltip: { formatter: (p: unknown) => escapeHtml((p as { data?: Cell }).data?.[3] ?? '') },
      grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.provinces.map((p) => p.name),
        axisLabel: { rotate: 60, fontSize: 10, interval: 0 },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        data: data.sections.map((s) => s.code),
        inverse: true,
        axisLabel: { fontSize: 11 },
        splitArea: { show: true },
      },
      visualMap: {
        type: 'piecewise',
        dimension: 2,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 14,
        itemHeight: 10,
        pieces: RATINGS.map((r, i) => ({ value: i, label: t(`program.rating.${r}`), color: RATING_COLORS[r] })),
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#333' } },
        },
      ],
    };
    // i18n.language: labels follow the chosen language.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels and numbers are formatted by helpers that read the current language, so the chart is rebuilt when it changes
  }, [data, t, i18n.language]);

  if (data.provinces.length === 0) return <Empty description={t('program.heatmapEmpty')} data-testid="heatmap" />;
  const height = Math.max(240, data.sections.length * 28 + 150);
  return (
    <EChart option={option} style={{ height }} data-testid="heatmap" role="img" aria-label={t('program.heatmap')} />
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
