// One target's recorded headcounts against the straight line from baseline to
// target. "Recorded dates" narrows the time axis to the records (the line is
// cut at the last one), since a six-year path would squeeze a year of records.
import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import dayjs from 'dayjs';
import { formatDate, formatNumber } from '../common/format';
import type { TargetItem } from './reportTypes';

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;

/** The planned value on `date`, as the server computes it (straight line, clamped to the target dates). */
function plannedOn(x: TargetItem, date: string) {
  const share = Math.min(1, Math.max(0, days(x.baselineDate, date) / days(x.baselineDate, x.targetDate)));
  return x.baselineHeadcount - (x.baselineHeadcount - x.targetHeadcount) * share;
}

export function TargetChart({ item }: { item: TargetItem }) {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<'records' | 'period'>('records');
  const lastRecord = item.points.at(-1)?.asOf ?? null;
  const option = useMemo<ChartOption>(() => {
    const end = range === 'records' && lastRecord && lastRecord > item.baselineDate && lastRecord < item.targetDate ? lastRecord : item.targetDate;
    const from = item.points[0] && item.points[0].asOf < item.baselineDate ? item.points[0].asOf : item.baselineDate;
    const present = item.points.filter((p) => p.asOf <= end).map((p) => [p.asOf, p.present]);
    const planned = [[item.baselineDate, item.baselineHeadcount], [end, Math.round(plannedOn(item, end) * 10) / 10]];
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('staffing.report.present'), t('staffing.report.planned')] },
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), 1) },
      // ECharts reads 'YYYY-MM-DD' as the browser's local midnight: format in local time too (toISOString() shows the day before east of UTC).
      xAxis: { type: 'time', min: from, max: end, axisLabel: { formatter: (v: number) => formatDate(dayjs(v).format('YYYY-MM-DD')) } },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        { name: t('staffing.report.present'), type: 'line', data: present, symbolSize: 8, itemStyle: { color: '#b71c1c' } },
        { name: t('staffing.report.planned'), type: 'line', data: planned, symbol: 'none', lineStyle: { type: 'dashed' }, itemStyle: { color: '#1677ff' } },
      ],
    };
  }, [item, range, lastRecord, t, i18n.language]);
  return (
    <>
      <Segmented size="small" value={range} onChange={(v) => setRange(v as 'records' | 'period')}
        options={[{ value: 'records', label: t('staffing.report.rangeRecords') }, { value: 'period', label: t('staffing.report.rangePeriod') }]} />
      <EChart option={option} style={{ height: 320 }} data-testid="staffing-target-chart" role="img" aria-label={t('staffing.report.chartTitle', { name: item.name })} />
    </>
  );
}
