import { useCallback, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { IndicatorDefinition, IndicatorValueView } from '@profmonitor/domain';
import type { Column } from '@/components/table/DataTable';
import { useChooseMunicipality } from '@/hooks/use-level';
import { usePeriodLink } from '@/hooks/use-search-param';
import type { OrganizationBar } from '@profmonitor/charts';
import { BarsComparison } from './BarsComparison';

/**
 * The municipalities' pooled values (`GET /api/indicators?org=municipalities`) as the rows of a
 * comparison: each keyed by its name where an organization's value has its code, so that the
 * organizations' bars and heatmap draw them. The region's own value is left out.
 */
export function municipalityRows(values: readonly IndicatorValueView[]): IndicatorValueView[] {
  return values
    .filter((v) => v.org === null && v.municipality !== null)
    .map((v) => ({ ...v, org: v.municipality }));
}

/** Names by key for the charts: a municipality's row is keyed by its name. */
export const municipalityNames = (rows: readonly IndicatorValueView[]): Map<string, string> =>
  new Map(rows.map((v) => [v.org!, v.org!]));

type MunicipalitiesSectionProps = {
  definition: IndicatorDefinition;
  /** The municipalities' values (see municipalityRows), every period. */
  rows: IndicatorValueView[];
  period: string;
};

/**
 * The region's municipalities compared in the period — what the region's indicator page shows
 * instead of every organization of the region: bars, the ones below the target named, a table;
 * a municipality opens its own page of the indicator (its organizations).
 */
export function MunicipalitiesSection({ definition, rows, period }: MunicipalitiesSectionProps) {
  const linkTo = usePeriodLink();
  const choose = useChooseMunicipality();
  const names = useMemo(() => municipalityNames(rows), [rows]);
  const pageOf = useCallback(
    (bar: OrganizationBar) => linkTo(`/indicators/${definition.id}`, { municipality: bar.code }),
    [linkTo, definition.id],
  );
  const nameColumn = useMemo(
    (): Column<OrganizationBar> => ({
      id: 'municipality',
      header: 'Муниципалитет',
      kind: 'text',
      rowHeader: true,
      value: (bar) => bar.name,
      render: (bar) => <Link to={pageOf(bar)}>{bar.name}</Link>,
    }),
    [pageOf],
  );

  return (
    <BarsComparison
      definition={definition}
      values={rows}
      period={period}
      names={names}
      title="Муниципалитеты"
      note="Каждое значение — все организации муниципалитета вместе. Нажмите на столбец, чтобы открыть организации муниципалитета."
      empty="Ни один муниципалитет не сдал данные для этого показателя"
      whose={{ compared: 'муниципалитетов', by: 'муниципалитетам' }}
      nameColumn={nameColumn}
      linkOf={pageOf}
      onBar={(bar) => choose(bar.code)}
      fileName={`${definition.name} ${period} по муниципалитетам`}
    />
  );
}
