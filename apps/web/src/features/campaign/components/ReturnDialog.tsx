import { useId, useState, type FormEvent } from 'react';
import type { ReportStatusView } from '@profmonitor/domain';
import { useReviewReport } from '../api/campaign-actions';
import { Dialog } from './Dialog';

const COMMENT_REQUIRED = 'Напишите, что исправить: отчёт возвращается с комментарием.';

type ReturnDialogProps = {
  period: string;
  report: ReportStatusView;
  onClose: () => void;
  onReturned: (report: ReportStatusView) => void;
};

/** Returns a report to its organization with a comment saying what to correct (required). */
export function ReturnDialog({ period, report, onClose, onReturned }: ReturnDialogProps) {
  const id = useId();
  const formId = useId();
  const [comment, setComment] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const review = useReviewReport();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = comment.trim();
    setInputError(text ? null : COMMENT_REQUIRED);
    if (!text) return;
    review.mutate(
      { org: report.org, period, decision: 'return', comment: text },
      { onSuccess: () => onReturned(report) },
    );
  }

  const error = inputError ?? (review.isError ? review.error.message : null);
  return (
    <Dialog
      title="Вернуть отчёт на доработку"
      onClose={onClose}
      confirm={{
        label: review.isPending ? 'Возвращаем…' : 'Вернуть',
        form: formId,
        pending: review.isPending,
      }}
    >
      <p>
        {report.name} <span className="muted small">{report.org}</span>, {period}: сейчас «{report.state}».
        Организация увидит комментарий и пришлёт исправленный отчёт.
      </p>
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={id}>Что исправить</label>
          <textarea
            id={id}
            rows={4}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={inputError ? true : undefined}
            required
          />
        </div>
        {error && (
          <p className="alert small" role="alert">
            Отчёт не возвращён. {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
