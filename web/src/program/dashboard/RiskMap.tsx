// The 34 provinces coloured by the share of their rated tasks at Amber/Red or
// Red. Same map registration as the statistics page (features matched on code).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart';
import { echarts, type ChartOption } from '../../charts/echarts';
import { formatPct } from '../../common/format';
import type { GeoJSON } from '../../types';
import type { RiskMap as RiskMapData } from '../types';
import { escapeHtml } from './SectionHeatmap';

const MAP_NAME = 'vn-provinces-34';
type Datum = { name: string; value: number; tip: string };

export function RiskMap({ geo, data, onOpen }: { geo: GeoJSON; data: RiskMapData; onOpen?: (unitId: number) => void }) {
  const { t, i18n } = useTranslation();
  const [rendered, setRendered] = useState(false);
  useMemo(() => echarts.registerMap(MAP_NAME, geo as never), [geo]);

  const option = useMemo<ChartOption>(() => {
    const names = new Map(
      geo.features.map((f) => [String(f.properties.code), String(f.properties.name ?? f.properties.code)]),
    );
    const rows: Datum[] = data.provinces
      .filter((p) => p.total > 0)
      .map((p) => ({
        name: p.code,
        value: Math.round(p.atRiskShare * 1000) / 10,
        tip: `<b>${escapeHtml(p.name)}</b><br/>${escapeHtml(t('program.riskTooltip', { atRisk: p.atRisk, rated: p.rated, pct: formatPct(p.atRiskShare * 100) }))}`,
      }));
    const narrow = window.innerWidth < 768;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const d = p as { data?: Datum; name?: string };
          return d.data?.tip ?? `<b>${escapeHtml(names.get(d.name ?? '') ?? d.name ?? '')}</b><br/>—`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: Math.max(10, ...rows.map((r) => Math.ceil(r.value / 10) * 10)),
        orient: 'horizontal',
        right: 0,
        top: 0,
        itemWidth: 12,
        itemHeight: narrow ? 110 : 160,
        text: [t('program.legendHigh'), t('program.legendLow')],
        calculable: true,
        formatter: (v: unknown) => formatPct(Number(v)),
        inRange: { color: ['#e8f5e9', '#fbc02d', '#f57c00', '#c62828'] },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          nameProperty: 'code',
          aspectScale: 0.96,
          roam: !narrow,
          layoutCenter: ['55%', '50%'],
          layoutSize: '95%',
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 0.6, areaColor: '#eeeeee' },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#90caf9' } },
          select: { disabled: true },
          data: rows,
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels and numbers are formatted by helpers that read the current language, so the chart is rebuilt when it changes
  }, [geo, data, t, i18n.language]);

  const onEvents = useMemo(
    () => ({
      finished: () => setRendered(true),
      click: (p: unknown) => {
        const code = (p as { name?: string }).name;
        const unit = data.provinces.find((x) => x.code === code);
        if (unit && onOpen) onOpen(unit.unitId);
      },
    }),
    [data, onOpen],
  );

  return (
    <EChart
      option={option}
      onEvents={onEvents}
      style={{ height: 'min(620px, 120vw)' }}
      data-testid="risk-map"
      data-rendered={rendered ? 'true' : undefined}
      role="img"
      aria-label={t('program.riskMap')}
    />
  );
}
