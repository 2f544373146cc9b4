import { Link } from 'react-router-dom';
import { useIndicatorValues, type IndicatorValuesFilter } from '@/api/indicator-values';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { usePeriodLink } from '@/hooks/use-search-param';
import { plural } from '@/lib/format';
import { formatTarget, formatValue } from '@/lib/indicators';
import { capitalized, type Level } from '@/lib/levels';
import { compared, laggards, type ComparedBy, type Tile } from '../model';

const SHOWN = 5;

/** The indicator the headline above the tiles speaks of. */
export const HEADLINE_INDICATOR = 'coverage_8_11';

/**
 * What the headline compares: the level's organizations (a municipality's committee asks for its
 * own), or for the region its municipalities — a read that grows with them, not with the schools.
 */
export const headlineFilter = (period: string, level: Level): IndicatorValuesFilter =>
  level.kind === 'region'
    ? { period, indicator: HEADLINE_INDICATOR, org: 'municipalities' }
    : { period, indicator: HEADLINE_INDICATOR };

type CoverageHeadlineProps = {
  tile: Tile;
  period: string;
  level: Level;
  /** The region's tile beside a municipality's (a bound committee's overview). */
  region: Tile | undefined;
};

/**
 * The committee's first question in one sentence: did the city reach its coverage target,
 * and which schools hold it back (worst first, linked); for the region, which municipalities. A
 * school reads of its own coverage against the target, the city's beside it.
 */
export function CoverageHeadline({ tile, period, level, region }: CoverageHeadlineProps) {
  const linkTo = usePeriodLink();
  const user = useCurrentUser();
  const values = useIndicatorValues(headlineFilter(period, level));
  const organizations = useOrganizations();
  const by: ComparedBy = level.kind === 'region' ? 'municipality' : 'organization';
  const names = namesByCode(organizations.data);
  const behind = values.data ? laggards(values.data, period, by) : [];
  const count = values.data ? compared(values.data, period, by) : 0;
  const own =
    user.role === 'school'
      ? (values.data?.find((v) => v.org === user.organization && v.period === period && v.sheet === null) ?? {
          value: null,
          status: 'нет данных' as const,
        })
      : null;
  const status = own ? own.status : tile.status;
  const verdict =
    status === 'достигнуто'
      ? 'цель достигнута'
      : status === 'не достигнуто'
        ? 'цель не достигнута'
        : 'нет данных';

  // A school's own value comes with the values: nothing to say of it until they have.
  if (own && values.isPending) return null;
  return (
    <section
      className={`headline headline--${status === 'достигнуто' ? 'ok' : status === 'не достигнуто' ? 'fail' : 'nodata'}`}
    >
      {own ? (
        <p className="headline__main">
          Охват 8–11 классов в вашей организации: <strong>{formatValue(own.value, 'percent')}</strong> при
          цели {formatTarget(tile.target)} — <strong>{verdict}</strong>. {capitalized(level.by)} —{' '}
          {formatValue(tile.value, 'percent')}.
        </p>
      ) : (
        <p className="headline__main">
          Охват 8–11 классов {level.by}: <strong>{formatValue(tile.value, 'percent')}</strong> при цели{' '}
          {formatTarget(tile.target)} — <strong>{verdict}</strong>.
          {region && <> По региону — {formatValue(region.value, 'percent')}.</>}
        </p>
      )}
      {!own && behind.length > 0 && (
        <p>
          Ниже цели {behind.length} из {count}{' '}
          {by === 'municipality'
            ? plural(count, 'муниципалитета', 'муниципалитетов', 'муниципалитетов')
            : plural(count, 'школы', 'школ', 'школ')}
          :{' '}
          {behind.slice(0, SHOWN).map((laggard, index) => (
            <span key={laggard.code}>
              {index > 0 && ', '}
              <Link to={laggardLink(linkTo, by, laggard.code)}>
                {by === 'municipality' ? laggard.code : (names.get(laggard.code) ?? laggard.code)}
              </Link>{' '}
              ({formatValue(laggard.value, 'percent')})
            </span>
          ))}
          {behind.length > SHOWN && ` и ещё ${behind.length - SHOWN}`}.{' '}
          <Link to={linkTo(`/indicators/${tile.id}`)}>
            {by === 'municipality' ? 'Все муниципалитеты по охвату →' : 'Все школы по охвату →'}
          </Link>
        </p>
      )}
    </section>
  );
}

/** A school below the target opens its page; a municipality, its schools' coverage. */
const laggardLink = (
  linkTo: ReturnType<typeof usePeriodLink>,
  by: ComparedBy,
  code: string,
): ReturnType<ReturnType<typeof usePeriodLink>> =>
  by === 'municipality'
    ? linkTo(`/indicators/${HEADLINE_INDICATOR}`, { municipality: code })
    : linkTo(`/organizations/${encodeURIComponent(code)}`);
