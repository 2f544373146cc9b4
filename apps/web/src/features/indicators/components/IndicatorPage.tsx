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
import { formatTarget, formatValue, scaleOf } from '@/lib/indicators';
import { choosesMunicipality, isOfLevel, REGION_LEVEL, type Level } from '@/lib/levels';
import { MunicipalitySelect } from '@/components/layout/MunicipalitySelect';
import { IndicatorComments } from '@/components/cycle/IndicatorComments';
import { useChosenMunicipality, useLevel } from '@/hooks/use-level';
import { MunicipalitiesSection, municipalityNames, municipalityRows } from './MunicipalitiesSection';
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
  const level = useLevel();
  const chosen = useChosenMunicipality();
  // One answer for the trend, the comparison and the heatmap: the region's pooled levels over
  // the periods (a read that grows with the municipalities, not with every organization of the
  // region); else the level's organizations × periods with its own values and the region's.
  const values = useIndicatorValues(
    level.kind === 'region'
      ? { indicator: definition.id, org: 'municipalities' }
      : { indicator: definition.id, municipality: level.municipality ?? user.municipality ?? undefined },
  );
  const periodCodes = useMemo(() => periods.map((p) => p.code), [periods]);
  const shown = { definition, values: values.data ?? [], period: period.code, periods: periodCodes };

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
        {choosesMunicipality(user) && <MunicipalitySelect allLabel="Весь регион" />}
      </header>
      {values.isPending ? (
        <Loading height={420} label="Загрузка значений…" />
      ) : values.isError ? (
        <ErrorMessage error={values.error} what="значения показателя" retry={() => void values.refetch()} />
      ) : values.data.length === 0 ? (
        <EmptyState />
      ) : level.kind === 'region' ? (
        <RegionValues {...shown} />
      ) : (
        <LevelValues {...shown} level={level} />
      )}
      <IndicatorComments period={period.code} indicator={definition.id} level={level} municipality={chosen} />
      <TargetSection definition={definition} period={period.code} municipality={chosen} />
      {definition.kind === 'completeness' ? (
        canUse(user, 'completeness') && <CompletenessSection period={period.code} municipality={chosen} />
      ) : (
        <ExplanationSection definition={definition} period={period.code} />
      )}
    </>
  );
}

type ValuesProps = {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
  period: string;
  periods: string[];
};

/**
 * A municipality's (or the city's) values: its trend, its organizations compared and over the
 * years; a municipality of several beside the region.
 */
function LevelValues({ definition, values, period, periods, level }: ValuesProps & { level: Level }) {
  const { data, region } = useMemo(
    () => ({
      data: values.filter((v) => v.org !== null || isOfLevel(level, v)),
      region: level.kind === 'municipality' ? values.filter((v) => isOfLevel(REGION_LEVEL, v)) : undefined,
    }),
    [values, level],
  );
  const organizations = useOrganizations();
  const names = useMemo(() => namesByCode(organizations.data), [organizations.data]);
  return (
    <>
      <MunicipalSummary definition={definition} values={data} period={period} level={level} region={region} />
      <TrendSection
        definition={definition}
        values={data}
        periods={periods}
        period={period}
        level={level}
        region={region}
      />
      {/* Completeness and timeliness have no value of one organization to compare. */}
      {definition.kind !== 'completeness' && definition.kind !== 'timeliness' && (
        <OrganizationsSection definition={definition} values={data} period={period} names={names} />
      )}
      <HeatmapSection definition={definition} values={data} periods={periods} period={period} names={names} />
    </>
  );
}

/** The region's values beside its municipalities'. */
function RegionValues({ definition, values, period, periods }: ValuesProps) {
  const { region, rows, names } = useMemo(() => {
    const municipalities = municipalityRows(values);
    return {
      region: values.filter((v) => isOfLevel(REGION_LEVEL, v)),
      rows: municipalities,
      names: municipalityNames(municipalities),
    };
  }, [values]);
  const completeness = definition.kind === 'completeness';
  return (
    <>
      <MunicipalSummary definition={definition} values={region} period={period} level={REGION_LEVEL} />
      <TrendSection
        definition={definition}
        values={region}
        periods={periods}
        period={period}
        level={REGION_LEVEL}
      />
      {!completeness && <MunicipalitiesSection definition={definition} rows={rows} period={period} />}
      <HeatmapSection
        definition={definition}
        // Completeness is the region's per sheet; any other indicator, each municipality's.
        values={completeness ? region : rows}
        periods={periods}
        period={period}
        names={names}
        title="Муниципалитеты по годам"
      />
    </>
  );
}

/** The level's value in the period, large, with what it is measured against (and the region's). */
function MunicipalSummary({
  definition,
  values,
  period,
  level,
  region,
}: {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
  period: string;
  level: Level;
  /** The region's values beside a municipality's. */
  region?: IndicatorValueView[];
}) {
  const scale = scaleOf(definition.id);
  const municipal = values.filter((v) => v.org === null && v.period === period);
  if (definition.kind === 'completeness' || municipal.length !== 1) return null;
  const [value] = municipal;
  const beside = region?.find((v) => v.period === period && v.sheet === null);
  return (
    <div className="card summary">
      <div>
        <p className="summary__label">
          {level.name}, {period}
        </p>
        <p className="summary__value">{formatValue(value.value, scale)}</p>
        {value.numerator !== null && value.denominator !== null && (
          <p className="muted">
            {formatNumber(value.numerator)} из {formatNumber(value.denominator)}
          </p>
        )}
        {beside && (
          <p className="muted summary__region">
            {REGION_LEVEL.name.toLowerCase()}: {formatValue(beside.value, scale)}
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
