import { useId } from 'react';
import { formatDate } from '@/lib/format';

/** 2024-05-31T14:30 → «31.05.2024, 14:30», as typed: the municipality's time, no zone to shift it. */
export const receivedAtText = (value: string): string => {
  const [date, time = ''] = value.split('T');
  return `${formatDate(date)}, ${time.slice(0, 5)}`;
};

/** Now as a datetime-local input writes it, on this computer's clock: the latest time to pick. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

type ReceivedAtOptionProps = {
  /** The datetime-local value (2024-05-31T14:30), '' for none: received when uploaded. */
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
};

/**
 * The committee's «Архивный файл»: when a file of past years was originally received (on time is
 * judged by it). Folded away, since most uploads are today's; the summary says the date while
 * one is set, so that it is not forgotten for the next file.
 */
export function ReceivedAtOption({ value, onChange, disabled }: ReceivedAtOptionProps) {
  const fieldId = useId();
  const hintId = useId();
  return (
    <details className="archive-option">
      <summary>Архивный файл{value && <strong>: получен {receivedAtText(value)}</strong>}</summary>
      <div className="archive-option__body">
        <div className="field">
          <label htmlFor={fieldId}>Дата получения</label>
          <input
            id={fieldId}
            type="datetime-local"
            value={value}
            max={localNow()}
            onChange={(event) => onChange(event.target.value)}
            aria-describedby={hintId}
            disabled={disabled}
          />
        </div>
        {value && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange('')}
            disabled={disabled}
          >
            Очистить дату
          </button>
        )}
        <p id={hintId} className="muted small">
          Для файлов прошлых лет: когда файл был получен на самом деле, по времени муниципалитета. По нему
          судят, сдан ли отчёт в срок. Без даты файл считается полученным при загрузке.
        </p>
      </div>
    </details>
  );
}
