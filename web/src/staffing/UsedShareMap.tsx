// The 34 provinces coloured by the share of their quota already used (given
// out below plus kept in reserve), the figure the tolerance warning watches.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/EChart';
import { echarts, type ChartOption } from '../charts/echarts';
import { formatNumber } from '../common/format';
import { formatShare, percentValue } from '../common/percent';
import type { GeoJSON } from '../types';
import { figuresFor, type Rollup } from './types';

const MAP_NAME = 'vn-provinces-34';
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function UsedShareMap({ geo, rollup, category }: { geo: GeoJSON; rollup: Rollup; category: string }) {
  const { t, i18n } = useTranslation();
  useMemo(() => echarts.registerMap(MAP_NAME, geo as never), [geo]);
  const option = useMemo<ChartOption>(() => {
    const data = rollup.items
      .filter((i) => i.level === 1 && figuresFor(i, category).quota)
      .map((i) => {
        const f = figuresFor(i, category);
        // The colour needs a number; the tooltip's text comes from the exact parts.
        return {
          name: i.code,
          value: percentValue(f.allocatedBelow + f.reserve, f.quota!) ?? 0,
          text: formatShare(f.allocatedBelow + f.reserve, f.quota),
          unitName: i.name,
          f,
        };
      });
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const d = (params as { data?: (typeof data)[number] }).data;
          if (!d) return t('staffing.noQuota');
          return `<b>${escapeHtml(d.unitName)}</b><br/>${escapeHtml(t('staffing.assigned'))} ${formatNumber(d.f.quota)}<br/>${escapeHtml(t('staffing.usedLabel'))} ${d.text}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: 100,
        orient: 'horizontal',
        right: 0,
        top: 0,
        itemWidth: 12,
        itemHeight: 140,
        calculable: true,
        text: ['100%', '0%'],
        inRange: { color: ['#e8f5e9', '#fff176', '#ff9800', '#b71c1c'] },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          nameProperty: 'code',
          aspectScale: 0.96,
          layoutCenter: ['55%', '50%'],
          layoutSize: '95%',
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 0.6, areaColor: '#eeeeee' },
          select: { disabled: true },
          data,
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels and numbers are formatted by helpers that read the current language, so the chart is rebuilt when it changes
  }, [rollup, category, t, i18n.language]);
  return (
    <EChart
      option={option}
      style={{ height: 'min(620px, 110vw)' }}
      data-testid="staffing-map"
      role="img"
      aria-label={t('staffing.mapTitle')}
    />
  );
}
