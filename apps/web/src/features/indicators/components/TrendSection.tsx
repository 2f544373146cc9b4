import { useMemo } from 'react';
import type { IndicatorDefinition, IndicatorValueView } from '@profmonitor/domain';
import { EChart } from '@/components/echart/EChart';
import { formatTarget, formatValue, scaleOf } from '@/lib/indicators';
import { REGION_LEVEL, type Level } from '@/lib/levels';
import { municipalTrendLines, trendChartOption } from '@profmonitor/charts';

type TrendSectionProps = {
  definition: IndicatorDefinition;
  /** The level's values over the periods (an organization's are left out). */
  values: IndicatorValueView[];
  periods: string[];
  period: string;
  level: Level;
  /** The region's values, drawn beside a municipality's (completeness, per sheet, aside). */
  region?: IndicatorValueView[];
};

export function TrendSection({ definition, values, periods, period, level, region }: TrendSectionProps) {
  const scale = scaleOf(definition.id);
  const target = values.find((v) => v.period === period)?.target ?? definition.defaultTarget;
  const lines = useMemo(
    () => [
      ...municipalTrendLines(values, periods, level.name),
      ...(region && definition.kind !== 'completeness'
        ? municipalTrendLines(region, periods, REGION_LEVEL.name)
        : []),
    ],
    [values, periods, level.name, region, definition.kind],
  );
  const option = useMemo(
    () => trendChartOption({ periods, lines, target, scale }),
    [periods, lines, target, scale],
  );
  const description = lines
    .map(
      (line) =>
        `${line.name}: ${line.values.map((v, i) => `${periods[i]} — ${formatValue(v, scale)}`).join('; ')}`,
    )
    .join('. ');

  return (
    <figure className="card">
      <figcaption>
        <h2>Динамика {level.by}</h2>
        <span className="muted">Цель: {formatTarget(target)}</span>
      </figcaption>
      <EChart option={option} height={280} ariaLabel={`Динамика по годам. ${description}`} />
    </figure>
  );
}
