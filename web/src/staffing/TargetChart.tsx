// One target's recorded headcounts against the straight line from baseline to
// target. "Recorded dates" narrows the time axis to the records (the line is
// cut at the last one), since a six-year path would squeeze a year of records.
// The line's values are the server's (each record's planned value), never
// recomputed here, so the chart and the table below it cannot disagree.
import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import dayjs from 'dayjs';
import { formatDate, formatNumber } from '../common/format';
import type { TargetItem } from './reportTypes';

export function TargetChart({ item }: { item: TargetItem }) {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<'records' | 'period'>('records');
  const option = useMemo<ChartOption>(() => {
    const last = item.points.at(-1);
    const cut =
      range === 'records' &&
      last &&
      last.planned !== null &&
      last.asOf > item.baselineDate &&
      last.asOf < item.targetDate;
    const end = cut ? last.asOf : item.targetDate;
    const from = item.points[0] && item.points[0].asOf < item.baselineDate ? item.points[0].asOf : item.baselineDate;
    const present = item.points.filter((p) => p.asOf <= end).map((p) => [p.asOf, p.present]);
    const planned = [
      [item.baselineDate, item.baselineHeadcount],
      [end, cut ? last.planned! : item.targetHeadcount],
    ];
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('staffing.report.present'), t('staffing.report.planned')] },
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), 1) },
      // ECharts reads 'YYYY-MM-DD' as the browser's local midnight: format in local time too (toISOString() shows the day before east of UTC).
      xAxis: {
        type: 'time',
        min: from,
        max: end,
        axisLabel: { formatter: (v: number) => formatDate(dayjs(v).format('YYYY-MM-DD')) },
      },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          name: t('staffing.report.present'),
          type: 'line',
          data: present,
          symbolSize: 8,
          itemStyle: { color: '#b71c1c' },
        },
        {
          name: t('staffing.report.planned'),
          type: 'line',
          data: planned,
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#1677ff' },
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels and numbers are formatted by helpers that read the current language, so the chart is rebuilt when it changes
  }, [item, range, t, i18n.language]);
  return (
    <>
      <Segmented
        size="small"
        value={range}
        onChange={(v) => setRange(v as 'records' | 'period')}
        options={[
          { value: 'records', label: t('staffing.report.rangeRecords') },
          { value: 'period', label: t('staffing.report.rangePeriod') },
        ]}
      />
      <EChart
        option={option}
        style={{ height: 320 }}
        data-testid="staffing-target-chart"
        role="img"
        aria-label={t('staffing.report.chartTitle', { name: item.name })}
      />
    </>
  );
}
