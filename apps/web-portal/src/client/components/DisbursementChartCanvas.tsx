import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DisbursementCurve } from '../api/views';
import { useI18n } from '../i18n/i18n';

// Only the parts the curve needs are bundled.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** Planned against actual cumulative disbursement by quarter, in USD. */
export function DisbursementChartCanvas({ curve, label }: { curve: DisbursementCurve; label: string }) {
  const { t, money, language } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const quarters = curve.items.map((q) => q.quarter);
    const series = (name: string, pick: (q: DisbursementCurve['items'][number]) => string | null) => ({
      name,
      type: 'line' as const,
      smooth: false,
      showSymbol: true,
      data: curve.items.map((q) => {
        const value = pick(q);
        return value === null ? null : Number(value);
      }),
    });
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => money(value === null || value === undefined ? null : String(value)) },
      legend: { top: 0 },
      grid: { left: 90, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: quarters },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (value: number) =>
            new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { notation: 'compact', maximumFractionDigits: 1 }).format(value),
        },
      },
      series: [series(t('dashboard.curvePlanned'), (q) => q.usd.plannedCumulative), series(t('dashboard.curveActual'), (q) => q.usd.actualCumulative)],
      color: ['#8a94a6', '#0b6e4f'],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [curve, t, money, language]);
  if (curve.items.length === 0) return <p>{t('dashboard.curveEmpty')}</p>;
  const last = curve.items[curve.items.length - 1]!;
  return (
    <figure className="chart">
      <div
        ref={element}
        className="chart-canvas"
        role="img"
        aria-label={`${label}: ${t('dashboard.curveActual')} ${money(last.usd.actualCumulative)}, ${t('dashboard.curvePlanned')} ${money(last.usd.plannedCumulative)} (${last.quarter})`}
        data-testid="curve"
        data-actual={last.usd.actualCumulative ?? ''}
      />
    </figure>
  );
}
