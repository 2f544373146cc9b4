import { useMemo, type ReactNode } from 'react';
import { Link, type To } from 'react-router-dom';
import type { IndicatorDefinition, IndicatorValueView, Target } from '@profmonitor/domain';
import { EChart } from '@/components/echart/EChart';
import { EmptyState } from '@/components/feedback/Feedback';
import { StatusBadge } from '@/components/indicator/Badges';
import { DataTable, type Column, type Facet } from '@/components/table/DataTable';
import { formatTarget, formatValue, higherIsBetter, scaleOf, statusLabel } from '@/lib/indicators';
import {
  barsChartHeight,
  lagging,
  organizationBars,
  organizationBarsOption,
  sortBars,
  type OrganizationBar,
} from '@profmonitor/charts';

/** How the bars read against the target: the first words under a comparison's heading. */
export const targetNote = (target: Target): string =>
  target.kind === 'atLeast'
    ? `Пунктир — цель ${formatTarget(target)}; красным — ниже цели. `
    : target.kind === 'none'
      ? 'Показатель справочный, без цели. '
      : `Цель — ${formatTarget(target)} к прошлому году; красным — не достигли. `;

type BarsComparisonProps = {
  definition: IndicatorDefinition;
  /** Values keyed by `org`: the organizations', or the municipalities' (see municipalityRows). */
  values: IndicatorValueView[];
  period: string;
  names: ReadonlyMap<string, string>;
  /** «Организации», «Муниципалитеты». */
  title: string;
  /** After the target's words: what a click on a bar does. */
  note: string;
  /** Said when nobody has a value in the period. */
  empty: string;
  /** «организаций», «муниципалитетов»: «Сравнение организаций за …», «Значения по …». */
  whose: { compared: string; by: string };
  /** The table's first column: the name, linked. */
  nameColumn: Column<OrganizationBar>;
  /** Where a name below the target opens. */
  linkOf: (bar: OrganizationBar) => To;
  onBar: (bar: OrganizationBar) => void;
  facet?: Facet<OrganizationBar>;
  searchText?: (bar: OrganizationBar) => string;
  fileName: string;
};

/**
 * Organizations (or municipalities) compared in a period: the ones below the target named first,
 * sorted bars with the target, and a table sorted by value, exported as shown.
 */
export function BarsComparison({
  definition,
  values,
  period,
  names,
  title,
  note,
  empty,
  whose,
  nameColumn,
  linkOf,
  onBar,
  facet,
  searchText,
  fileName,
}: BarsComparisonProps) {
  const scale = scaleOf(definition.id);
  const target = values.find((v) => v.period === period)?.target ?? definition.defaultTarget;
  const bars = useMemo(() => organizationBars(values, period, names), [values, period, names]);
  const sorted = useMemo(() => sortBars(bars, target), [bars, target]);
  const option = useMemo(() => organizationBarsOption({ bars, target, scale }), [bars, target, scale]);
  const behind = lagging(bars, target);
  const withoutData = bars.filter((bar) => bar.value === null);
  const columns = useMemo(
    (): Column<OrganizationBar>[] => [
      nameColumn,
      {
        id: 'value',
        header: definition.name.length > 40 ? 'Значение' : definition.name,
        kind: scale === 'percent' ? 'percent' : 'number',
        value: (bar) => bar.value,
        render: (bar) => formatValue(bar.value, scale),
      },
      { id: 'numerator', header: 'Числитель', kind: 'number', value: (bar) => bar.numerator },
      { id: 'denominator', header: 'Знаменатель', kind: 'number', value: (bar) => bar.denominator },
      {
        id: 'status',
        header: 'Статус',
        kind: 'text',
        value: (bar) => statusLabel(bar.status),
        render: (bar) => <StatusBadge status={bar.status} />,
      },
    ],
    [nameColumn, definition.name, scale],
  );
  let lagged: ReactNode = null;
  if (behind.length > 0) {
    lagged = (
      <p className="lagging">
        <strong>Не достигли цели ({behind.length}):</strong>{' '}
        {behind.map((bar, index) => (
          <span key={bar.code}>
            {index > 0 && ', '}
            <Link to={linkOf(bar)}>{bar.name}</Link> — {formatValue(bar.value, scale)}
          </span>
        ))}
      </p>
    );
  }

  return (
    <figure className="card">
      <figcaption>
        <h2>{title}</h2>
        <span className="muted">
          {targetNote(target)}
          {note}
        </span>
      </figcaption>
      {sorted.length === 0 ? (
        <EmptyState>
          <p>
            {empty} за {period}.
          </p>
        </EmptyState>
      ) : (
        <>
          {lagged}
          <EChart
            option={option}
            height={barsChartHeight(sorted.length)}
            ariaLabel={`Сравнение ${whose.compared} за ${period}: ${sorted
              .map((bar) => `${bar.name} — ${formatValue(bar.value, scale)}`)
              .join('; ')}`}
            onClick={({ dataIndex }) => {
              const bar = sorted[dataIndex];
              if (bar) onBar(bar);
            }}
          />
        </>
      )}
      {withoutData.length > 0 && (
        <p className="muted small">Нет данных: {withoutData.map((bar) => bar.name).join(', ')}.</p>
      )}
      {bars.length > 0 && (
        <DataTable
          label={`Значения по ${whose.by} за ${period}`}
          fileName={fileName}
          columns={columns}
          rows={bars}
          rowKey={(bar) => bar.code}
          initialSort={{ column: 'value', direction: higherIsBetter(target) ? 'desc' : 'asc' }}
          facet={facet}
          searchText={searchText}
        />
      )}
    </figure>
  );
}
