import { useMemo } from 'react';
import type { DemandView } from '@profmonitor/domain';
import { EChart } from '@/components/echart/EChart';
import { formatChange } from '@/lib/indicators';
import { gapAreas, gapChartHeight, gapChartOption, IN_DEMAND_MARK } from '@profmonitor/charts';

/** The gap per area, surplus to the right and deficit to the left. */
export function GapChart({ demand }: { demand: DemandView }) {
  const rows = useMemo(() => gapAreas(demand.areas), [demand.areas]);
  const option = useMemo(() => gapChartOption(rows), [rows]);
  const description = rows
    .map((a) => `${a.name}${a.inDemand ? ' (востребована)' : ''}: ${formatChange(a.gap, 'percent')}`)
    .join('; ');
  return (
    <figure className="card">
      <figcaption>
        <h2>Расхождение по областям</h2>
        <span className="muted">
          Доля области в выборе выпускников минус её доля в вакансиях, в процентных пунктах.{' '}
          <span className="gap-key gap-key--surplus">Вправо</span> — доля в выборе выпускников больше доли в
          вакансиях; <span className="gap-key gap-key--deficit">влево</span> — меньше («в дефиците»).
          Сравниваются доли, а не числа: область может быть в дефиците, даже если выпускников больше, чем
          вакансий. {IN_DEMAND_MARK} — востребованная область.
        </span>
      </figcaption>
      <EChart
        option={option}
        height={gapChartHeight(rows.length)}
        ariaLabel={`Расхождение выбора выпускников и вакансий по областям. ${description}`}
      />
    </figure>
  );
}
