import { Link } from 'react-router-dom';
import {
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorValueView,
  type PeriodView,
} from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { useCurrentUser } from '@/api/session';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { ChangeBadge, StatusBadge } from '@/components/indicator/Badges';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { TableWrap } from '@/components/layout/Table';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatTarget, formatValue, pooledCompleteness, scaleOf } from '@/lib/indicators';
import { isOfLevel, levelOf, REGION_LEVEL } from '@/lib/levels';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

/** Every indicator with its definition and the city's value: the index of the indicator pages. */
export function IndicatorsListPage() {
  usePageTitle('Показатели', usePeriodCode());
  return (
    <section className="page">
      <h1>Показатели</h1>
      <PeriodGate>{(period) => <IndicatorsTable period={period} />}</PeriodGate>
    </section>
  );
}

function IndicatorsTable({ period }: { period: PeriodView }) {
  const linkTo = usePeriodLink();
  // The account's own level: its municipality, or the region for the ministry.
  const level = levelOf(useCurrentUser());
  const values = useIndicatorValues({ period: period.code, org: 'municipal' });
  // A municipality of several is compared with the region: its answer holds both (and no other).
  const compared = level.kind === 'municipality';
  const levels = useIndicatorValues({ period: period.code, org: 'municipalities' }, { enabled: compared });
  const region = compared ? (levels.data ?? []).filter((v) => isOfLevel(REGION_LEVEL, v)) : null;
  if (values.isPending) return <Loading height={400} />;
  if (values.isError)
    return <ErrorMessage error={values.error} what="показатели" retry={() => void values.refetch()} />;

  return (
    <TableWrap label={`Показатели за ${period.code}`}>
      <table className="table">
        <caption>
          Значения {level.by} за {period.code}
        </caption>
        <thead>
          <tr>
            <th scope="col">Показатель</th>
            <th scope="col" className="num">
              Значение
            </th>
            <th scope="col">Цель</th>
            <th scope="col">Статус</th>
            <th scope="col">К прошлому году</th>
          </tr>
        </thead>
        <tbody>
          {INDICATORS.map((definition) => {
            const { value, pooled } = pooledValue(values.data, definition);
            const beside = region && pooledValue(region, definition).value;
            const scale = scaleOf(definition.id);
            const target = value?.target ?? definition.defaultTarget;
            return (
              <tr key={definition.id}>
                <th scope="row">
                  <Link to={linkTo(`/indicators/${definition.id}`)}>{definition.name}</Link>
                  {/* How it is computed, under its name: the table keeps to a tablet's width. */}
                  <div className="muted small indicator-formula">
                    <span className="visually-hidden">Как считается: </span>
                    {definition.numeratorText}
                    {definition.denominatorText !== '—' && <> / {definition.denominatorText}</>}
                  </div>
                </th>
                <td className="num">
                  {value ? formatValue(value.value, scale) : '—'}
                  {pooled?.note && <div className="muted small">{pooled.note}</div>}
                  {beside && (
                    <div className="muted small">
                      {REGION_LEVEL.name.toLowerCase()}: {formatValue(beside.value, scale)}
                    </div>
                  )}
                </td>
                <td>{formatTarget(target)}</td>
                <td>{value && <StatusBadge status={value.status} />}</td>
                <td>
                  <ChangeBadge change={value?.change ?? null} scale={scale} target={target} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * An indicator's value among a level's pooled values; completeness, which is per sheet, pooled
 * into one figure as on the overview (`pooled`, with what it is made of).
 */
function pooledValue(values: readonly IndicatorValueView[], definition: IndicatorDefinition) {
  const pooled =
    definition.kind === 'completeness' ? pooledCompleteness(values.filter((v) => v.org === null)) : null;
  const value = pooled
    ? { ...pooled, change: null }
    : values.find((v) => v.id === definition.id && v.org === null);
  return { value, pooled };
}
