import { useMemo } from 'react';
import { plural, type IndicatorDefinition, type IndicatorValueView } from '@profmonitor/domain';
import { EChart } from '@/components/echart/EChart';
import { scaleOf } from '@/lib/indicators';
import { heatmapChartHeight, heatmapChartOption, heatmapRows } from '@profmonitor/charts';

type HeatmapSectionProps = {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
  periods: string[];
  period: string;
  names: ReadonlyMap<string, string>;
  /** What the rows are, when not organizations (or sheets): «Муниципалитеты по годам». */
  title?: string;
};

/** Organizations (or sheets, for completeness) × periods: who improves, who stays behind. */
export function HeatmapSection({ definition, values, periods, period, names, title }: HeatmapSectionProps) {
  const scale = scaleOf(definition.id);
  const target = values.find((v) => v.period === period)?.target ?? definition.defaultTarget;
  const rows = useMemo(
    () => heatmapRows(values, periods, period, names, target),
    [values, periods, period, names, target],
  );
  const option = useMemo(
    () => heatmapChartOption({ periods, rows, target, scale }),
    [periods, rows, target, scale],
  );
  if (rows.length === 0) return null;
  const bySheet = definition.kind === 'completeness';

  return (
    <figure className="card">
      <figcaption>
        <h2>{bySheet ? 'Листы отчёта по годам' : (title ?? 'Организации по годам')}</h2>
        <span className="muted">Порядок строк — по значению за {period}; пустая клетка — нет данных.</span>
      </figcaption>
      <EChart
        option={option}
        height={heatmapChartHeight(rows.length)}
        ariaLabel={`Тепловая карта: ${rows.length} ${plural(rows.length, 'строка', 'строки', 'строк')} × ${periods.length} ${plural(periods.length, 'период', 'периода', 'периодов')}`}
      />
    </figure>
  );
}
