// Charts of the referral statistics, loaded on demand (ECharts is large): acceptances with the
// median days to acceptance, and decline reasons stacked per month. The numbers are also in the
// tables next to the chart, which is the accessible alternative; the chart itself is one image
// with a summary as its name.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Stats } from '../api/types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface StatsChartProps {
  stats: Stats;
  kind: 'acceptance' | 'declines';
  label: string;
  labels: { accepted: string; medianDays: string };
}

export default function StatsChart({ stats, kind, label, labels }: StatsChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const months = stats.months.map((m) => m.replace(/^(\d{4})-0?(\d{1,2})$/, '$1/$2'));
    const option: echarts.EChartsCoreOption =
      kind === 'acceptance'
        ? {
            aria: { enabled: false },
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 40, top: 40, bottom: 30 },
            xAxis: { type: 'category', data: months },
            yAxis: [
              { type: 'value', name: labels.accepted, minInterval: 1 },
              { type: 'value', name: labels.medianDays },
            ],
            series: [
              { name: labels.accepted, type: 'bar', data: stats.timeToAcceptance.map((r) => r.accepted), itemStyle: { color: '#0017C1' } },
              { name: labels.medianDays, type: 'line', yAxisIndex: 1, data: stats.timeToAcceptance.map((r) => r.medianDays), itemStyle: { color: '#C74700' }, symbol: 'triangle', symbolSize: 10 },
            ],
          }
        : {
            tooltip: { trigger: 'axis' },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 40, right: 20, top: 50, bottom: 30 },
            xAxis: { type: 'category', data: months },
            yAxis: { type: 'value', minInterval: 1 },
            series: Object.entries(stats.declineReasonLabels).map(([code, name]) => ({
              name,
              type: 'bar',
              stack: 'declines',
              data: stats.declineReasons.map((r) => r.counts[code] ?? 0),
            })),
          };
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [stats, kind, labels.accepted, labels.medianDays]);
  return <div ref={ref} className="stats-chart" role="img" aria-label={label} />;
}
