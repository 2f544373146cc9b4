import type { ChartOption } from './chart-option';
import { formatPercent, type IndicatorValueView, type SheetId } from '@profmonitor/domain';
import { SHEET_NAMES } from './indicators';

/** Per sheet, its reporting completeness in each period (null: nothing known for that period). */
export function completenessBySheet(
  periods: readonly string[],
  values: readonly IndicatorValueView[],
): { sheet: SheetId; name: string; data: (number | null)[] }[] {
  const sheets = (Object.keys(SHEET_NAMES) as SheetId[]).filter((sheet) =>
    values.some((v) => v.id === 'completeness' && v.sheet === sheet && v.org === null),
  );
  return sheets.map((sheet) => ({
    sheet,
    name: SHEET_NAMES[sheet],
    data: periods.map(
      (period) =>
        values.find(
          (v) => v.id === 'completeness' && v.sheet === sheet && v.org === null && v.period === period,
        )?.value ?? null,
    ),
  }));
}

/** The same figures in words, for screen readers and a chart that failed to load. */
export function periodsChartLabel(periods: readonly string[], values: readonly IndicatorValueView[]): string {
  const sheets = completenessBySheet(periods, values).map(
    ({ name, data }) =>
      `${name}: ${data.map((value, i) => `${periods[i]} — ${formatPercent(value)}`).join('; ')}.`,
  );
  return ['Полнота отчётности по периодам.', ...sheets].join(' ');
}

/** What has been loaded, period by period: the share of reporting organizations per sheet. */
export function periodsChartOption(
  periods: readonly string[],
  values: readonly IndicatorValueView[],
): ChartOption {
  return {
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => formatPercent(typeof value === 'number' ? value : null),
    },
    xAxis: { type: 'category', data: [...periods] },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => formatPercent(value) },
    },
    series: completenessBySheet(periods, values).map(({ name, data }) => ({ type: 'bar', name, data })),
  };
}
