import {
  describeTarget,
  formatPercent,
  indicatorById,
  type IndicatorId,
  type IndicatorValueView,
  type Status,
  type Target,
} from '@profmonitor/domain';
import { formatIndex, formatSigned } from './format';

/** How a value reads: a share (`78,4 %`) or the mismatch index (`0,51`). */
export type Scale = 'percent' | 'index';

export const scaleOf = (id: IndicatorId): Scale =>
  indicatorById(id)?.kind === 'mismatch' ? 'index' : 'percent';

/** 0.784 → «78,4 %», or «0,78» on the index scale; null → «нет данных». */
export const formatValue = (value: number | null, scale: Scale): string =>
  scale === 'index' ? formatIndex(value) : formatPercent(value);

/** A compact axis label: 0.8 → «80 %», or «0,8» on the index scale. */
export const formatAxisValue = (value: number, scale: Scale): string =>
  scale === 'index'
    ? String(Math.round(value * 100) / 100).replace('.', ',')
    : `${Math.round(value * 100)} %`;

/** `≥ 80,0 %`, `рост`, `снижение`, `—` (the domain's words, for every scale). */
export const formatTarget = (target: Target): string => describeTarget(target);

export type Direction = 'up' | 'down' | 'flat';

/** The change as shown, rounded as printed: percentage points for shares, index units otherwise. */
function roundedChange(change: number, scale: Scale): number {
  return scale === 'index' ? Math.round(change * 100) / 100 : Math.round(change * 1000) / 10;
}

/** 0.062 → «+6,2 п.п.»; on the index scale −0.04 → «−0,04»; null → null (nothing to compare). */
export function formatChange(change: number | null, scale: Scale): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  return scale === 'index'
    ? formatSigned(roundedChange(change, scale), 2)
    : `${formatSigned(roundedChange(change, scale), 1)} п.п.`;
}

/** Up, down or flat as printed, so that «0,0 п.п.» never gets an arrow. */
export function changeDirection(change: number | null, scale: Scale): Direction | null {
  if (change === null || !Number.isFinite(change)) return null;
  const shown = roundedChange(change, scale);
  return shown > 0 ? 'up' : shown < 0 ? 'down' : 'flat';
}

export const DIRECTION_ARROW: Record<Direction, string> = { up: '↑', down: '↓', flat: '→' };

/** Whether a move is good news: up for `≥` and growth targets, down for decrease ones. */
export function changeTone(direction: Direction | null, target: Target): 'good' | 'bad' | 'neutral' {
  if (direction === null || direction === 'flat' || target.kind === 'none') return 'neutral';
  const better = target.kind === 'decrease' ? 'down' : 'up';
  return direction === better ? 'good' : 'bad';
}

/** The colour family of a status; informational indicators have no status. */
export type StatusTone = 'ok' | 'fail' | 'nodata' | 'info';

export function statusTone(status: Status | null): StatusTone {
  switch (status) {
    case 'достигнуто':
      return 'ok';
    case 'не достигнуто':
      return 'fail';
    case 'нет данных':
      return 'nodata';
    case null:
      return 'info';
  }
}

/** The words under a value: the status, or «справочно» for informational indicators. */
export const statusLabel = (status: Status | null): string => status ?? 'справочно';

/** Chart colours of the statuses, the same as the CSS variables of styles.css. */
export const STATUS_COLORS: Record<StatusTone, string> = {
  ok: '#1e7b4a',
  fail: '#c0362c',
  nodata: '#9aa5b1',
  info: '#1d4f91',
};

/** The sheets' names as the workbooks spell them (libs/domain's table). */
export { SHEET_NAMES } from '@profmonitor/domain';

/** Best first: lower is better only for decrease targets (the mismatch index). */
export const higherIsBetter = (target: Target): boolean => target.kind !== 'decrease';

/** The status of several values together: any miss is a miss; met only when all are met. */
export function combinedStatus(statuses: readonly (Status | null)[]): Status | null {
  if (statuses.length === 0) return 'нет данных';
  if (statuses.includes('не достигнуто')) return 'не достигнуто';
  if (statuses.every((status) => status === 'достигнуто')) return 'достигнуто';
  return 'нет данных';
}

/** Completeness as one figure: what the overview and the indicator list both show. */
export interface PooledCompleteness {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: Target;
  status: Status | null;
  /** What the share is made of: «сдано листов: 72 из 82». */
  note: string | null;
}

/**
 * Completeness, which the API gives per sheet, pooled into one figure: all sheets sent over
 * all sheets expected, missed when any sheet misses its target.
 */
export function pooledCompleteness(values: readonly IndicatorValueView[]): PooledCompleteness {
  const sheets = values.filter((v) => v.id === 'completeness' && v.sheet !== null);
  const numerator = sheets.reduce((sum, v) => sum + (v.numerator ?? 0), 0);
  const denominator = sheets.reduce((sum, v) => sum + (v.denominator ?? 0), 0);
  return {
    value: denominator > 0 ? numerator / denominator : null,
    numerator: denominator > 0 ? numerator : null,
    denominator: denominator > 0 ? denominator : null,
    target: sheets[0]?.target ?? indicatorById('completeness')!.defaultTarget,
    status: combinedStatus(sheets.map((v) => v.status)),
    note: denominator > 0 ? `сдано листов: ${numerator} из ${denominator}` : null,
  };
}
