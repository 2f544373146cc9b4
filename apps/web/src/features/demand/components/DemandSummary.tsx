import { useMemo } from 'react';
import type { DemandView, IndicatorId, IndicatorValueView, Target } from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { EChart } from '@/components/echart/EChart';
import { sparklineOption, sparklineValues } from '@/components/echart/sparkline-chart';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { ChangeBadge } from '@/components/indicator/Badges';
import { formatDate, formatIndex, formatNumber } from '@/lib/format';
import { formatValue, scaleOf, type Scale } from '@/lib/indicators';
import { TERRITORY_GENITIVE } from '../model';

type DemandSummaryProps = {
  demand: DemandView;
  periods: string[];
  /** A municipality chosen on the page: its values over the years (else the account's own level). */
  municipality?: string;
};

/**
 * The two numbers to remember: how far choices are from the demand (the index, 0 — they
 * mirror it, 1 — no overlap) and how many graduates stay in the city, each with its trend.
 */
export function DemandSummary({ demand, periods, municipality }: DemandSummaryProps) {
  const org = demand.org ?? 'municipal';
  const against =
    demand.vacancies === null
      ? `вакансий${demand.territory ? ` ${TERRITORY_GENITIVE[demand.territory]}` : ''} за этот период нет`
      : `против вакансий ${demand.territory ? TERRITORY_GENITIVE[demand.territory] : ''}${demand.date ? ` на ${formatDate(demand.date)}` : ''}`;
  return (
    <div className="card demand-summary">
      <section className="demand-summary__item" aria-labelledby="mismatch-title">
        <h2 id="mismatch-title">Индекс несоответствия</h2>
        <p className="summary__value" data-testid="mismatch">
          {formatIndex(demand.mismatch)}
        </p>
        <p className="muted small">
          {demand.period}, {against}. 0 — выбор выпускников повторяет потребность, 1 — не совпадает совсем.
        </p>
        <IndicatorTrend
          id="demand_mismatch"
          org={org}
          municipality={municipality}
          periods={periods}
          selected={demand.period}
          caption="По годам — против вакансий города (где их нет — региона), как в показателях."
        />
      </section>
      <section className="demand-summary__item" aria-labelledby="stay-local-title">
        <h2 id="stay-local-title">Остаются в своём городе</h2>
        <IndicatorTrend
          id="stay_local"
          org={org}
          municipality={municipality}
          periods={periods}
          selected={demand.period}
          caption="Доля продолжающих обучение или работающих выпускников, оставшихся в городе."
          headline
        />
      </section>
    </div>
  );
}

/** A stable stand-in while the values load: a new object each render would redraw the chart. */
const NO_TARGET: Target = { kind: 'none' };

type IndicatorTrendProps = {
  id: IndicatorId;
  /** An organization's code, or 'municipal'. */
  org: string;
  /** With 'municipal': that municipality's values (else the account's own level). */
  municipality?: string;
  periods: string[];
  selected: string;
  caption: string;
  /** Show the selected period's value large (the index has its own, per territory). */
  headline?: boolean;
};

/** An indicator's change to the previous year and its values over the periods. */
function IndicatorTrend({
  id,
  org,
  municipality,
  periods,
  selected,
  caption,
  headline = false,
}: IndicatorTrendProps) {
  const values = useIndicatorValues({
    indicator: id,
    org,
    municipality: org === 'municipal' ? municipality : undefined,
  });
  const scale = scaleOf(id);
  const own = useMemo(
    () => (values.data ?? []).filter((v) => v.org === (org === 'municipal' ? null : org) && v.sheet === null),
    [values.data, org],
  );
  const points = useMemo(() => sparklineValues(own, periods), [own, periods]);
  const target = own.find((v) => v.period === selected)?.target ?? NO_TARGET;
  const option = useMemo(
    () => sparklineOption({ periods, values: points, scale, target, selected, labelled: true }),
    [periods, points, scale, target, selected],
  );
  if (values.isPending) return <Loading height={140} />;
  if (values.isError)
    return <ErrorMessage error={values.error} what="значения по годам" retry={() => void values.refetch()} />;
  const current: IndicatorValueView | undefined = own.find((v) => v.period === selected);
  const description = periods.map((p, i) => `${p} — ${formatValue(points[i], scale)}`).join('; ');
  return (
    <>
      {headline && (
        <>
          <p className="summary__value" data-testid={id}>
            {formatValue(current?.value ?? null, scale)}
          </p>
          {current?.numerator != null && current.denominator != null && (
            <p className="muted small">
              {formatNumber(current.numerator)} из {formatNumber(current.denominator)}
            </p>
          )}
        </>
      )}
      {headline && <Change value={current} scale={scale} />}
      <EChart option={option} height={140} ariaLabel={`${caption} ${description}`} />
      <p className="muted small">{caption}</p>
      {/* Under the trend it belongs to: the index above may be another territory's. */}
      {!headline && <Change value={current} scale={scale} />}
    </>
  );
}

function Change({ value, scale }: { value: IndicatorValueView | undefined; scale: Scale }) {
  if (!value) return null;
  return (
    <p className="small">
      К прошлому году: <ChangeBadge change={value.change} scale={scale} target={value.target} />
    </p>
  );
}
