import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { IndicatorDefinition, IndicatorValueView } from '@profmonitor/domain';
import { EChart } from '@/components/echart/EChart';
import { useOrganizations } from '@/api/organizations';
import { EmptyState } from '@/components/feedback/Feedback';
import { StatusBadge } from '@/components/indicator/Badges';
import { DataTable, type Column } from '@/components/table/DataTable';
import { organizationColumn, organizationTypeFacet } from '@/components/table/organization-columns';
import { usePeriodLink, useSearchParam } from '@/hooks/use-search-param';
import { formatTarget, formatValue, higherIsBetter, scaleOf, statusLabel } from '@/lib/indicators';
import {
  barsChartHeight,
  lagging,
  organizationBars,
  organizationBarsOption,
  sortBars,
  type OrganizationBar,
} from '../charts/organization-bars';

type OrganizationsSectionProps = {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
  period: string;
  names: ReadonlyMap<string, string>;
};

/** Every organization compared in the period, and the ones below the target named first. */
export function OrganizationsSection({ definition, values, period, names }: OrganizationsSectionProps) {
  const linkTo = usePeriodLink();
  const [, setOrg] = useSearchParam('org');
  const scale = scaleOf(definition.id);
  const target = values.find((v) => v.period === period)?.target ?? definition.defaultTarget;
  const bars = useMemo(() => organizationBars(values, period, names), [values, period, names]);
  const sorted = useMemo(() => sortBars(bars, target), [bars, target]);
  const option = useMemo(() => organizationBarsOption({ bars, target, scale }), [bars, target, scale]);
  const behind = lagging(bars, target);
  const withoutData = bars.filter((bar) => bar.value === null);
  const organizations = useOrganizations();
  const columns = useMemo((): Column<OrganizationBar>[] => {
    const name = organizationColumn((bar: OrganizationBar) => bar.code, organizations.data, { narrow: true });
    return [
      {
        ...name,
        rowHeader: true,
        render: (bar) => (
          <Link to={linkTo(`/organizations/${encodeURIComponent(bar.code)}`)}>{name.render!(bar)}</Link>
        ),
      },
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
    ];
  }, [organizations.data, linkTo, definition.name, scale]);

  return (
    <figure className="card">
      <figcaption>
        <h2>Организации</h2>
        <span className="muted">
          {target.kind === 'atLeast'
            ? `Пунктир — цель ${formatTarget(target)}; красным — ниже цели. `
            : target.kind === 'none'
              ? 'Показатель справочный, без цели. '
              : `Цель — ${formatTarget(target)} к прошлому году; красным — не достигли. `}
          Нажмите на столбец, чтобы расшифровать значение организации.
        </span>
      </figcaption>
      {sorted.length === 0 ? (
        <EmptyState>
          <p>Ни одна организация не сдала данные для этого показателя за {period}.</p>
        </EmptyState>
      ) : (
        <>
          {behind.length > 0 && (
            <p className="lagging">
              <strong>Не достигли цели ({behind.length}):</strong>{' '}
              {behind.map((bar, index) => (
                <span key={bar.code}>
                  {index > 0 && ', '}
                  <Link to={linkTo(`/organizations/${encodeURIComponent(bar.code)}`)}>{bar.name}</Link> —{' '}
                  {formatValue(bar.value, scale)}
                </span>
              ))}
            </p>
          )}
          <EChart
            option={option}
            height={barsChartHeight(sorted.length)}
            ariaLabel={`Сравнение организаций за ${period}: ${sorted
              .map((bar) => `${bar.name} — ${formatValue(bar.value, scale)}`)
              .join('; ')}`}
            onClick={({ dataIndex }) => {
              const bar = sorted[dataIndex];
              if (!bar) return;
              setOrg(bar.code);
              document.getElementById('explanation')?.scrollIntoView({ behavior: 'smooth' });
            }}
          />
        </>
      )}
      {withoutData.length > 0 && (
        <p className="muted small">Нет данных: {withoutData.map((bar) => bar.name).join(', ')}.</p>
      )}
      {bars.length > 0 && (
        <DataTable
          label={`Значения по организациям за ${period}`}
          fileName={`${definition.name} ${period}`}
          columns={columns}
          rows={bars}
          rowKey={(bar) => bar.code}
          initialSort={{ column: 'value', direction: higherIsBetter(target) ? 'desc' : 'asc' }}
          facet={organizationTypeFacet((bar: OrganizationBar) => bar.code, organizations.data)}
          searchText={(bar) => bar.code}
        />
      )}
    </figure>
  );
}
