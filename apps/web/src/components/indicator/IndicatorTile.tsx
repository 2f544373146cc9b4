import { Link } from 'react-router-dom';
import { ChangeBadge, StatusBadge } from '@/components/indicator/Badges';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatNumber } from '@/lib/format';
import { formatTarget, formatValue, statusTone } from '@/lib/indicators';
import type { Tile } from '@/lib/tiles';

type IndicatorTileProps = {
  tile: Tile;
  /** Another level's value for comparison (the region's beside a municipality's): its name and tile. */
  comparison?: { name: string; tile: Tile };
};

/** One indicator at a glance: value, target, status by colour and word, change; opens the indicator. */
export function IndicatorTile({ tile, comparison }: IndicatorTileProps) {
  const linkTo = usePeriodLink();
  const ratio =
    tile.note ??
    (tile.numerator !== null && tile.denominator !== null
      ? `${formatNumber(tile.numerator)} из ${formatNumber(tile.denominator)}`
      : null);
  return (
    <Link to={linkTo(`/indicators/${tile.id}`)} className={`tile tile--${statusTone(tile.status)}`}>
      <h3 className="tile__name">{tile.name}</h3>
      <p className="tile__value">{formatValue(tile.value, tile.scale)}</p>
      {ratio && <p className="tile__ratio">{ratio}</p>}
      {comparison && (
        <p className="tile__ratio">
          {comparison.name.toLowerCase()}: {formatValue(comparison.tile.value, comparison.tile.scale)}
        </p>
      )}
      <dl className="tile__facts">
        <div>
          <dt>Цель</dt>
          <dd>{formatTarget(tile.target)}</dd>
        </div>
        <div>
          <dt>Статус</dt>
          <dd>
            <StatusBadge status={tile.status} />
          </dd>
        </div>
        <div>
          <dt>К прошлому году</dt>
          <dd>
            <ChangeBadge change={tile.change} scale={tile.scale} target={tile.target} />
          </dd>
        </div>
      </dl>
    </Link>
  );
}
