import type { ReportState } from '@profmonitor/domain';
import { STATE_TONES } from '@/lib/campaign';
import './campaign.css';

/** A report's state as a coloured word: «не сдан», «сдан частично», «сдан», «принят», «возвращён». */
export function ReportStateBadge({ state }: { state: ReportState }) {
  return <span className={`badge badge--${STATE_TONES[state]}`}>{state}</span>;
}
