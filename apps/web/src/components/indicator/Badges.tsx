import type { Status, Target } from '@profmonitor/domain';
import {
  changeDirection,
  changeTone,
  DIRECTION_ARROW,
  formatChange,
  statusLabel,
  statusTone,
  type Scale,
} from '@/lib/indicators';

/** The status as a coloured word: colour alone would not reach every reader. */
export function StatusBadge({ status }: { status: Status | null }) {
  return <span className={`badge badge--${statusTone(status)}`}>{statusLabel(status)}</span>;
}

type ChangeBadgeProps = { change: number | null; scale: Scale; target: Target };

/** «↑ +6,2 п.п.», green when the move is good news for the target, red when it is not. */
export function ChangeBadge({ change, scale, target }: ChangeBadgeProps) {
  const text = formatChange(change, scale);
  const direction = changeDirection(change, scale);
  if (text === null || direction === null) return <span className="change change--none">—</span>;
  const tone = changeTone(direction, target);
  return (
    <span className={`change change--${tone}`} title="Изменение к предыдущему периоду">
      <span aria-hidden="true">{DIRECTION_ARROW[direction]}</span> {text}
    </span>
  );
}
