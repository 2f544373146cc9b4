import { useId, useState, type FormEvent } from 'react';

/** The API's limit on a reason (apps/api reports/upload-options.ts). */
export const MAX_REASON_LENGTH = 1000;

// Characters the API refuses in a reason: control characters other than tab and line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why a reason cannot be sent, in the words the API would use; null: it can. */
export function reasonProblem(reason: string): string | null {
  const text = reason.trim();
  if (text === '')
    return 'Напишите причину загрузки: без неё файл в принятый отчёт или закрытый сбор не загружается.';
  if (text.length > MAX_REASON_LENGTH)
    return `Причина загрузки — не длиннее ${MAX_REASON_LENGTH} символов (сейчас ${text.length}): сократите её.`;
  if (CONTROL_CHARACTERS.test(text))
    return 'В причине загрузки есть управляющие символы: оставьте в ней только текст.';
  return null;
}

const WHAT_IS_CLOSED = {
  locked: 'Отчёт уже принят',
  closed: 'Сбор отчётов за этот год закрыт',
} as const;

type UploadReasonFormProps = {
  /** Why the upload was refused: an accepted report, or a closed campaign. */
  refused: 'locked' | 'closed';
  /** Sends the same file again with the reason (trimmed). */
  onSubmit: (reason: string) => void;
};

/**
 * After the committee's upload into an accepted report or a closed campaign was refused: the
 * reason it is uploaded all the same (required; kept with the upload and in the audit log),
 * and the button that sends the same file again with it.
 */
export function UploadReasonForm({ refused, onSubmit }: UploadReasonFormProps) {
  const titleId = useId();
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = reasonProblem(reason);
    setProblem(found);
    if (!found) onSubmit(reason.trim());
  }

  return (
    <form className="upload-reason" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId}>Загрузить исправление с причиной</h3>
      <p id={hintId}>
        {WHAT_IS_CLOSED[refused]}, но комитет может загрузить файл, указав причину: она будет записана в
        журнал загрузок и видна на странице загрузки. Файл будет отправлен тот же.
      </p>
      <div className="field">
        <label htmlFor={fieldId}>Причина загрузки</label>
        <textarea
          id={fieldId}
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
          aria-invalid={problem ? true : undefined}
        />
      </div>
      {problem && (
        <p className="alert small" role="alert" id={errorId}>
          {problem}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="button">
          Загрузить с причиной
        </button>
      </div>
    </form>
  );
}
