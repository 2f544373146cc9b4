import type { PastPeriodChangeView } from '@profmonitor/domain';
import { ApiError } from '@/lib/api-client';

/**
 * The periods of a 409 `registry_changes_past`: a registry change (an edit or an upload) that
 * alters who reports in years whose reports are loaded. Null for any other error.
 */
export function pastPeriodChanges(error: unknown): PastPeriodChangeView[] | null {
  if (!(error instanceof ApiError) || error.code !== 'registry_changes_past') return null;
  const { periods } = (error.body ?? {}) as { periods?: unknown };
  return Array.isArray(periods) ? (periods as PastPeriodChangeView[]) : [];
}

type PastPeriodChangesProps = {
  periods: PastPeriodChangeView[];
  /** The button that sends the same change again, confirmed. */
  confirmLabel: string;
  onConfirm: () => void;
  /** Given, a «Отменить» button beside it that drops the change. */
  onCancel?: () => void;
  pending: boolean;
};

/** What a registry change would rewrite in loaded years, the button that stores it anyway and, given `onCancel`, one that drops it. */
export function PastPeriodChanges({
  periods,
  confirmLabel,
  onConfirm,
  onCancel,
  pending,
}: PastPeriodChangesProps) {
  return (
    <div className="alert" role="alert">
      <p className="alert__title">
        Изменение затронет годы, отчёты за которые уже загружены. Ничего не сохранено.
      </p>
      <ul>
        {periods.map((p) => (
          <li key={p.period}>{p.message}</li>
        ))}
      </ul>
      <p>Если так и должно быть, подтвердите: полнота этих лет будет пересчитана.</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
            Отменить
          </button>
        )}
      </div>
    </div>
  );
}
