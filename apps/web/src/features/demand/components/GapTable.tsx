import type { DemandView } from '@profmonitor/domain';
import { AreaGapTable } from '@/components/indicator/AreaGapTable';

/** The chart's numbers: every area on either side, the largest gap first (the API's order). */
export function GapTable({ demand }: { demand: DemandView }) {
  return (
    <section className="card" aria-labelledby="gap-table-title">
      <h2 id="gap-table-title">Области: выбор выпускников и вакансии</h2>
      <AreaGapTable
        areas={demand.areas}
        totals={demand}
        fileName={`Выбор выпускников и вакансии ${demand.period}${demand.territory ? ` ${demand.territory}` : ''}`}
      />
    </section>
  );
}
