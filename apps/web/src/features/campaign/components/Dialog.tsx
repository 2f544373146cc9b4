import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

type DialogProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** What the dialog does, beside «Отмена»: a click, or submitting the form of that id in it. */
  confirm: { label: string; onClick?: () => void; form?: string; pending?: boolean };
};

const FOCUSABLE = 'textarea, input, select, button:not(:disabled), a[href]';

/**
 * A modal question over the page (a confirmation, a comment to write): focus goes into it and
 * stays there, Escape cancels, and focus returns to what opened it.
 */
export function Dialog({ title, onClose, children, confirm }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    // Tab from the last control goes back to the first, and the other way round.
    const focusable = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="dialog__body">{children}</div>
        <div className="dialog__actions">
          <button
            type={confirm.form ? 'submit' : 'button'}
            form={confirm.form}
            className="button"
            disabled={confirm.pending}
            onClick={confirm.onClick}
          >
            {confirm.label}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Отмена
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
