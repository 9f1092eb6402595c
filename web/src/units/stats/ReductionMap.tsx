// Choropleth of the 34 provinces coloured by how much the number of
// commune-level units fell. Features are matched on the official code.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart';
import { echarts, type ChartOption } from '../../charts/echarts';
import { formatNumber } from '../../common/format';
import { formatRatio, percentValue } from '../../common/percent';
import type { GeoJSON, ProvinceRestructuring } from '../../types';

const MAP_NAME = 'vn-provinces-34';

interface MapDatum {
  name: string; // the province code, matched against properties.code
  value: number;
  province: ProvinceRestructuring;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function ReductionMap({ geo, provinces }: { geo: GeoJSON; provinces: ProvinceRestructuring[] }) {
  const { t, i18n } = useTranslation();
  const [rendered, setRendered] = useState(false);

  // registerMap is global and cheap to repeat; doing it here keeps it next to its only user.
  useMemo(() => echarts.registerMap(MAP_NAME, geo as never), [geo]);

  const option = useMemo<ChartOption>(() => {
    // The colour scale needs a number; the text always comes from the exact counts (formatRatio).
    const data: MapDatum[] = provinces.map((p) => ({
      name: p.code,
      value: percentValue(p.reduction.numerator, p.reduction.denominator) ?? 0,
      province: p,
    }));
    const values = data.map((d) => d.value);
    const narrow = window.innerWidth < 768;
    return {
      tooltip: {
        trigger: 'item',
        // The tooltip is HTML; names come from data, so they are escaped.
        formatter: (params: unknown) => {
          const d = (params as { data?: MapDatum }).data;
          if (!d) return t('stats.noData');
          const p = d.province;
          const formed = p.formedFromCount > 1 ? p.formedFrom.map((f) => f.name).join(', ') : t('stats.keptWhole');
          return [
            `<b>${escapeHtml(p.fullName)}</b>`,
            escapeHtml(t('stats.tooltipFormed', { names: formed })),
            escapeHtml(
              t('stats.tooltipCommunes', {
                before: formatNumber(p.communesBefore),
                after: formatNumber(p.communesAfter),
              }),
            ),
            escapeHtml(t('stats.tooltipReduction', { pct: formatRatio(p.reduction) })),
          ].join('<br/>');
        },
      },
      visualMap: {
        type: 'continuous',
        // Cuts range from ~55 % to ~80 %: scaling from the smallest one keeps provinces apart.
        min: values.length ? Math.floor(Math.min(...values) / 5) * 5 : 0,
        max: values.length ? Math.ceil(Math.max(...values) / 5) * 5 : 100,
        // Top right is open sea and land outside Vietnam on every screen width.
        orient: 'horizontal',
        right: 0,
        top: 0,
        itemWidth: 12,
        itemHeight: narrow ? 110 : 160,
        text: [t('stats.legendHigh'), t('stats.legendLow')],
        calculable: true,
        formatter: (v: unknown) => `${formatNumber(Number(v), 2)}%`,
        inRange: { color: ['#fff3e0', '#ffb74d', '#f4511e', '#b71c1c'] },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          nameProperty: 'code',
          // Degrees of longitude are ~4% shorter than degrees of latitude at 16°N.
          aspectScale: 0.96,
          roam: !narrow, // on a phone, dragging should scroll the page, not the map
          layoutCenter: ['55%', '50%'],
          layoutSize: '95%',
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 0.6, areaColor: '#eeeeee' },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd54f' } },
          select: { disabled: true },
          data,
        },
      ],
    };
    // i18n.language: tooltip and legend texts follow the chosen language.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels and numbers are formatted by helpers that read the current language, so the chart is rebuilt when it changes
  }, [provinces, t, i18n.language]);

  const onEvents = useMemo(() => ({ finished: () => setRendered(true) }), []);

  return (
    <EChart
      option={option}
      onEvents={onEvents}
      style={{ height: 'min(680px, 120vw)' }}
      data-testid="stats-map"
      data-rendered={rendered ? 'true' : undefined}
      role="img"
      aria-label={t('stats.mapTitle')}
    />
  );
}
