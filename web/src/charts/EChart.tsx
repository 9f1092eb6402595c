// A tiny React wrapper around an ECharts instance: created on mount, updated
// when the option changes, resized with its container, disposed on unmount.
import { useEffect, useRef, type CSSProperties, type HTMLAttributes } from 'react';
import { echarts, type ChartOption } from './echarts';

type ChartHandler = (params: unknown) => void;

export interface EChartProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  option: ChartOption;
  style?: CSSProperties;
  /** ECharts events, e.g. { finished: () => …, click: (p) => … }. */
  onEvents?: Record<string, ChartHandler>;
}

export function EChart({ option, style, onEvents, ...divProps }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  // Handlers live in a ref so a new function identity does not rebind events.
  const handlersRef = useRef(onEvents);
  handlersRef.current = onEvents;

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const names = Object.keys(handlersRef.current ?? {});
    for (const name of names) chart.on(name, (p: unknown) => handlersRef.current?.[name]?.(p));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a new option replaces the old one, so removed series disappear.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={containerRef} style={{ width: '100%', height: 400, ...style }} {...divProps} />;
}
