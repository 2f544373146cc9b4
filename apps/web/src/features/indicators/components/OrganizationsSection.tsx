import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { IndicatorDefinition, IndicatorValueView } from '@profmonitor/domain';
import { EChart } from '@/components/echart/EChart';
import { EmptyState } from '@/components/feedback/Feedback';
import { usePeriodLink, useSearchParam } from '@/hooks/use-search-param';
import { formatTarget, formatValue, scaleOf } from '@/lib/indicators';
import {
  barsChartHeight,
  lagging,
  organizationBars,
  organizationBarsOption,
  sortBars,
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
    </figure>
  );
}
