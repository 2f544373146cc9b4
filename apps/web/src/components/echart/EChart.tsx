import { useEffect, useRef, useState } from 'react';
// Types only: ECharts' runtime (~210 kB gzip) is loaded on demand from ./echarts-runtime, so a
// page without a chart, the overview among them, does not download it.
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';

type Runtime = typeof import('./echarts-runtime');
let runtime: Promise<Runtime> | null = null;

/** ECharts with the app's modules registered, fetched once; a failed fetch is tried again next time. */
function loadRuntime(): Promise<Runtime> {
  runtime ??= import('./echarts-runtime').catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
}

/** An option built from the registered modules only: chart builders (@profmonitor/charts) return this type. */
export type { ChartOption } from '@profmonitor/charts';

/** What a click on a bar, a cell or a node tells: its series, name, data index and data item. */
export type ChartClick = Pick<ECElementEvent, 'seriesIndex' | 'name' | 'dataIndex' | 'data'>;

type EChartProps = {
  option: EChartsCoreOption;
  /** CSS height; the width follows the container. */
  height?: number | string;
  /** What the chart shows, for screen readers: the canvas itself says nothing. */
  ariaLabel: string;
  onClick?: (event: ChartClick) => void;
};

/**
 * The one ECharts wrapper: every chart in the app renders through it. Its box takes its height at
 * once, so the page does not move when ECharts arrives and draws into it.
 */
export function EChart({ option, height = 320, ariaLabel, onClick }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  // The latest handler and option, for the chart created once ECharts has arrived.
  const clickRef = useRef(onClick);
  const optionRef = useRef(option);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadRuntime().then(
      ({ init }) => {
        if (cancelled) return;
        const chart = init(container);
        chartRef.current = chart;
        chart.on('click', (event) => clickRef.current?.(event as ECElementEvent));
        chart.setOption(optionRef.current, { notMerge: true });
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(container);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  // Declared after the init effect; before ECharts has arrived it only keeps the option.
  useEffect(() => {
    optionRef.current = option;
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  // A changed height resizes the canvas too (the observer catches it, but only on the next frame).
  useEffect(() => {
    chartRef.current?.resize();
  }, [height]);

  if (failed) {
    return (
      <div className="echart echart--failed" style={{ height }} role="alert">
        <p>График не загрузился: проверьте соединение с сервером и обновите страницу.</p>
        {/* What the chart would have shown, in words. */}
        <p className="muted">{ariaLabel}</p>
      </div>
    );
  }
  return (
    <div
      ref={containerRef}
      className={onClick ? 'echart echart--clickable' : 'echart'}
      style={{ height }}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
