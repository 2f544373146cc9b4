import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  indicatorById,
  type IndicatorDefinition,
  type IndicatorValueView,
  type PeriodView,
} from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { useCurrentUser } from '@/api/session';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { ChangeBadge, StatusBadge } from '@/components/indicator/Badges';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { canUse } from '@/lib/access';
import { formatDate, formatNumber } from '@/lib/format';
import { formatTarget, formatValue, scaleOf, withRegionLevel } from '@/lib/indicators';
import { CompletenessSection } from './CompletenessSection';
import { ExplanationSection } from './ExplanationSection';
import { HeatmapSection } from './HeatmapSection';
import { OrganizationsSection } from './OrganizationsSection';
import { TargetSection } from './TargetSection';
import { TrendSection } from './TrendSection';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

export function IndicatorPage() {
  const { id = '' } = useParams();
  const definition = indicatorById(id);
  usePageTitle(definition?.name ?? 'Показатель не найден', usePeriodCode());
  if (!definition) {
    return (
      <section className="page">
        <h1>Показатель не найден</h1>
        <p>
          Показателя «{id}» нет. Выберите его из <Link to="/indicators">списка показателей</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="page">
      <PeriodGate>
        {(period, periods) => <Indicator definition={definition} period={period} periods={periods} />}
      </PeriodGate>
    </section>
  );
}

type IndicatorProps = { definition: IndicatorDefinition; period: PeriodView; periods: PeriodView[] };

function Indicator({ definition, period, periods }: IndicatorProps) {
  const user = useCurrentUser();
  // Every period and organization at once: the trend, the bars and the heatmap share one answer.
  // One pooled level beside them: an account bound to a municipality asks for its own; the
  // ministry's answer holds every level, of which the region's is kept.
  const values = useIndicatorValues({
    indicator: definition.id,
    municipality: user.municipality ?? undefined,
  });
  const data = useMemo(() => (values.data ? withRegionLevel(values.data) : []), [values.data]);
  const organizations = useOrganizations();
  const names = useMemo(() => namesByCode(organizations.data), [organizations.data]);
  const periodCodes = useMemo(() => periods.map((p) => p.code), [periods]);

  return (
    <>
      <header className="page__header">
        <div>
          <p className="eyebrow">
            <Link to={{ pathname: '/indicators', search: `?period=${encodeURIComponent(period.code)}` }}>
              Показатели
            </Link>{' '}
            · {period.code}
          </p>
          <h1>{definition.name}</h1>
          <p className="muted small">
            Источник методики: {definition.source}. Данные на {formatDate(period.endsOn)}.
          </p>
        </div>
      </header>
      {values.isPending ? (
        <Loading height={420} label="Загрузка значений…" />
      ) : values.isError ? (
        <ErrorMessage error={values.error} what="значения показателя" retry={() => void values.refetch()} />
      ) : data.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <MunicipalSummary definition={definition} values={data} period={period.code} />
          <TrendSection definition={definition} values={data} periods={periodCodes} period={period.code} />
          {definition.kind !== 'completeness' && (
            <OrganizationsSection definition={definition} values={data} period={period.code} names={names} />
          )}
          <HeatmapSection
            definition={definition}
            values={data}
            periods={periodCodes}
            period={period.code}
            names={names}
          />
        </>
      )}
      <TargetSection definition={definition} period={period.code} />
      {definition.kind === 'completeness' ? (
        canUse(user, 'completeness') && <CompletenessSection period={period.code} values={data} />
      ) : (
        <ExplanationSection definition={definition} period={period.code} />
      )}
    </>
  );
}

/** The city's value in the period, large, with what it is measured against. */
function MunicipalSummary({
  definition,
  values,
  period,
}: {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
  period: string;
}) {
  const scale = scaleOf(definition.id);
  const municipal = values.filter((v) => v.org === null && v.period === period);
  if (definition.kind === 'completeness' || municipal.length !== 1) return null;
  const [value] = municipal;
  return (
    <div className="card summary">
      <div>
        {/* A pooled value without a municipality is the region's (only with several). */}
        <p className="summary__label">
          {value.municipality === null ? 'Регион' : 'Город'}, {period}
        </p>
        <p className="summary__value">{formatValue(value.value, scale)}</p>
        {value.numerator !== null && value.denominator !== null && (
          <p className="muted">
            {formatNumber(value.numerator)} из {formatNumber(value.denominator)}
          </p>
        )}
      </div>
      <dl className="facts">
        <dt>Цель</dt>
        <dd>{formatTarget(value.target)}</dd>
        <dt>Статус</dt>
        <dd>
          <StatusBadge status={value.status} />
        </dd>
        <dt>К прошлому году</dt>
        <dd>
          <ChangeBadge change={value.change} scale={scale} target={value.target} />
          {value.previous !== null && (
            <span className="muted"> (было {formatValue(value.previous, scale)})</span>
          )}
        </dd>
      </dl>
    </div>
  );
}
