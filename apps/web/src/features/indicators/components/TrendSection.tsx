import { useMemo } from 'react';
import type { IndicatorDefinition, IndicatorValueView } from '@profmonitor/domain';
import { EChart } from '@/components/echart/EChart';
import { formatTarget, formatValue, scaleOf } from '@/lib/indicators';
import { municipalTrendLines, trendChartOption } from '../charts/trend-chart';

type TrendSectionProps = {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
  periods: string[];
  period: string;
};

export function TrendSection({ definition, values, periods, period }: TrendSectionProps) {
  const scale = scaleOf(definition.id);
  const target = values.find((v) => v.period === period)?.target ?? definition.defaultTarget;
  const lines = useMemo(() => municipalTrendLines(values, periods), [values, periods]);
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
        <h2>Динамика по городу</h2>
        <span className="muted">Цель: {formatTarget(target)}</span>
      </figcaption>
      <EChart option={option} height={280} ariaLabel={`Динамика по годам. ${description}`} />
    </figure>
  );
}
