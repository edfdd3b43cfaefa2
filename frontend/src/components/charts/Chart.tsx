import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

/**
 * One ECharts chart (SVG), as wide as its container and redrawn when that changes. `label` names it for screen
 * readers (the figures it draws are also on the screen as numbers or in a table).
 */
export function Chart({ option, label, height = 300 }: { option: ChartOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    // jsdom (tests) has no ResizeObserver; browsers all do.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element.current!);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div className="chart" role="img" aria-label={label}>
      <div ref={element} style={{ height }} />
    </div>
  );
}
