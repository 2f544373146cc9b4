import { Link } from 'react-router-dom';
import { useIndicatorValues } from '@/api/indicator-values';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { usePeriodLink } from '@/hooks/use-search-param';
import { plural } from '@/lib/format';
import { formatTarget, formatValue } from '@/lib/indicators';
import { laggards, type Tile } from '../model';

const SHOWN = 5;

/**
 * The committee's first question in one sentence: did the city reach its coverage target,
 * and which schools hold it back (worst first, linked). A school reads of its own coverage
 * against the target, the city's beside it.
 */
export function CoverageHeadline({ tile, period }: { tile: Tile; period: string }) {
  const linkTo = usePeriodLink();
  const user = useCurrentUser();
  const values = useIndicatorValues({ period, indicator: tile.id });
  const organizations = useOrganizations();
  const names = namesByCode(organizations.data);
  const behind = values.data ? laggards(values.data, period) : [];
  const schools = values.data?.filter((v) => v.org !== null && v.value !== null).length ?? 0;
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
          цели {formatTarget(tile.target)} — <strong>{verdict}</strong>. По городу —{' '}
          {formatValue(tile.value, 'percent')}.
        </p>
      ) : (
        <p className="headline__main">
          Охват 8–11 классов по городу: <strong>{formatValue(tile.value, 'percent')}</strong> при цели{' '}
          {formatTarget(tile.target)} — <strong>{verdict}</strong>.
        </p>
      )}
      {!own && behind.length > 0 && (
        <p>
          Ниже цели {behind.length} из {schools} {plural(schools, 'школы', 'школ', 'школ')}:{' '}
          {behind.slice(0, SHOWN).map((org, index) => (
            <span key={org.code}>
              {index > 0 && ', '}
              <Link to={linkTo(`/organizations/${encodeURIComponent(org.code)}`)}>
                {names.get(org.code) ?? org.code}
              </Link>{' '}
              ({formatValue(org.value, 'percent')})
            </span>
          ))}
          {behind.length > SHOWN && ` и ещё ${behind.length - SHOWN}`}.{' '}
          <Link to={linkTo(`/indicators/${tile.id}`)}>Все школы по охвату →</Link>
        </p>
      )}
    </section>
  );
}
