import { Link } from 'react-router-dom';
import { useIndicatorValues } from '@/api/indicator-values';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatTarget, formatValue } from '@/lib/indicators';
import { laggards, type Tile } from '../model';

const SHOWN = 5;

/**
 * The committee's first question in one sentence: did the city reach its coverage target,
 * and which schools hold it back (worst first, linked).
 */
export function CoverageHeadline({ tile, period }: { tile: Tile; period: string }) {
  const linkTo = usePeriodLink();
  const values = useIndicatorValues({ period, indicator: tile.id });
  const organizations = useOrganizations();
  const names = namesByCode(organizations.data);
  const behind = values.data ? laggards(values.data, period) : [];
  const schools = values.data?.filter((v) => v.org !== null && v.value !== null).length ?? 0;
  const verdict =
    tile.status === 'достигнуто'
      ? 'цель достигнута'
      : tile.status === 'не достигнуто'
        ? 'цель не достигнута'
        : 'нет данных';

  return (
    <section
      className={`headline headline--${tile.status === 'достигнуто' ? 'ok' : tile.status === 'не достигнуто' ? 'fail' : 'nodata'}`}
    >
      <p className="headline__main">
        Охват 8–11 классов по городу: <strong>{formatValue(tile.value, 'percent')}</strong> при цели{' '}
        {formatTarget(tile.target)} — <strong>{verdict}</strong>.
      </p>
      {behind.length > 0 && (
        <p>
          Ниже цели {behind.length} из {schools} школ:{' '}
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
