import { useId, useState, type FormEvent, type ReactNode } from 'react';

/** What the form shows of its request (a react-query mutation). */
export interface Sending {
  isPending: boolean;
  isSuccess: boolean;
  error: Error | null;
}

/** The first problem of a form's checks, in order: `[true, 'Укажите срок.']` names what is missing. */
export const firstProblem = (checks: readonly (readonly [boolean, string])[]): string | null =>
  checks.find(([missing]) => missing)?.[1] ?? null;

type CycleFormProps = {
  /** A heading above the form (h3), which also names the form. */
  title?: string;
  submitLabel: string;
  pendingLabel?: string;
  /** Said once the request has succeeded: «Рекомендация направлена.» */
  savedText?: string;
  /** Said before the reason when it fails: «Рекомендация не направлена.» */
  failure: string;
  /** What is missing, checked in the page before sending; null: send. */
  check: () => string | null;
  send: () => void;
  sending: Sending;
  /** Buttons beside the submit one (close, cancel). */
  actions?: ReactNode;
  children: ReactNode;
};

/**
 * A form of the management cycle: its fields, the submit button (busy while sending), what was
 * saved, and why not — the page's own check or the API's Russian message.
 */
export function CycleForm({
  title,
  submitLabel,
  pendingLabel = 'Сохранение…',
  savedText,
  failure,
  check,
  send,
  sending,
  actions,
  children,
}: CycleFormProps) {
  const titleId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setProblem(found);
    if (found === null) send();
  }

  const message = problem ?? sending.error?.message ?? null;
  return (
    <>
      {title && <h3 id={titleId}>{title}</h3>}
      <form
        className="form cycle-form__form"
        onSubmit={submit}
        noValidate
        aria-labelledby={title ? titleId : undefined}
      >
        {children}
        <div className="toolbar">
          <button type="submit" className="button" disabled={sending.isPending}>
            {sending.isPending ? pendingLabel : submitLabel}
          </button>
          {actions}
          {savedText && sending.isSuccess && (
            <span role="status" className="muted">
              {savedText}
            </span>
          )}
        </div>
        {message !== null && (
          <p className="alert cycle-form__message" role="alert">
            {failure} {message}
          </p>
        )}
      </form>
    </>
  );
}

type TextFormProps = Omit<CycleFormProps, 'check' | 'send' | 'children'> & {
  label: string;
  rows?: number;
  initial?: string;
  /** Said when the text is empty: «Напишите, что сделано.» */
  emptyMessage: string;
  /** Sends the text; `clear` empties the field (after a success). */
  onSend: (text: string, clear: () => void) => void;
};

/** A form of one text: a school's answer, a comment, the committee's analysis. */
export function TextForm({ label, rows = 3, initial = '', emptyMessage, onSend, ...form }: TextFormProps) {
  const id = useId();
  const [text, setText] = useState(initial);
  return (
    <CycleForm
      {...form}
      check={() => firstProblem([[text.trim() === '', emptyMessage]])}
      send={() => onSend(text, () => setText(''))}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          rows={rows}
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={form.sending.isPending}
        />
      </div>
    </CycleForm>
  );
}
