// The ECharts part of a chart, loaded on demand (see chart.tsx) so pages without charts, and
// phones answering a survey, never download it. SVG renderer: crisp and printable.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from './chart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// デジタル庁デザインシステム: blues from dark to light, then neutrals, so ordered scales (best
// first) read from strong to weak and every colour keeps 3:1 against white.
const PALETTE = ['#0031d8', '#3460fb', '#7096f8', '#9db7f9', '#c5d7fb', '#767676', '#595959', '#333333', '#008b3b', '#b78f00', '#ec0000'];

function toOption(spec: ChartSpec): echarts.EChartsCoreOption {
  const horizontal = spec.horizontal ?? true;
  const valueAxis = { type: 'value', max: spec.percent ? 100 : undefined, axisLabel: { formatter: spec.percent ? '{value}%' : '{value}' }, minInterval: spec.percent ? undefined : 1 };
  const categoryAxis = { type: 'category', data: spec.categories, inverse: horizontal, axisLabel: { width: 160, overflow: 'break', interval: 0 } };
  return {
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: 'Noto Sans JP, sans-serif' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: spec.series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    grid: { left: 8, right: 24, top: spec.series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      name: s.name,
      type: s.type ?? 'bar',
      stack: spec.stacked && (s.type ?? 'bar') === 'bar' ? 'total' : undefined,
      data: s.data,
      barMaxWidth: 36,
      connectNulls: s.type === 'line' ? true : undefined,
      label: (spec.valueLabels ?? !spec.stacked) ? { show: true, position: horizontal ? 'right' : 'top', formatter: spec.percent ? '{c}%' : '{c}' } : undefined,
    })),
  };
}

export default function ChartCanvas({ spec, height }: { spec: ChartSpec; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption(toOption(spec));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [spec]);
  return <div ref={ref} className="chart__canvas" style={{ height }} />;
}
