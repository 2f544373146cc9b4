import type { CycleCommentView, IndicatorId } from '@profmonitor/domain';
import { useAddComment, useComments } from '@/api/cycle';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { formatDateTime } from '@/lib/format';
import type { Level } from '@/lib/levels';
import { TextForm } from './CycleForm';
import './cycle.css';

type IndicatorCommentsProps = {
  period: string;
  indicator: IndicatorId;
  level: Level;
  /** The municipality the ministry chose; undefined: the account's own level. */
  municipality?: string;
};

/** What a comment is pinned to: an organization's value, or a pooled one. */
const pinnedTo = (comment: CycleCommentView): string =>
  comment.org !== null
    ? `к значению ${comment.org}`
    : `к общему значению${comment.municipality !== null ? ` (${comment.municipality})` : ''}`;

/**
 * Comments pinned to the indicator's value of the period (like DHIS2's interpretations): the
 * ones the account may see (the API decides: whoever sees the value), and a form to add one to
 * the level's value.
 */
export function IndicatorComments({ period, indicator, level, municipality }: IndicatorCommentsProps) {
  const comments = useComments(period, indicator);
  return (
    <section className="card" aria-labelledby="indicator-comments-title">
      <h2 id="indicator-comments-title">Комментарии к значению за {period}</h2>
      {comments.isPending ? (
        <Loading height={60} />
      ) : comments.isError ? (
        <ErrorMessage error={comments.error} what="комментарии" retry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <p className="muted">Комментариев пока нет.</p>
      ) : (
        <ul className="indicator-comments">
          {comments.data.map((c) => (
            <li key={c.id} data-comment={c.id}>
              <p className="muted small">
                {c.author}, {formatDateTime(c.createdAt)} · {pinnedTo(c)}
              </p>
              <p className="cycle-text">{c.text}</p>
            </li>
          ))}
        </ul>
      )}
      <CommentForm period={period} indicator={indicator} level={level} municipality={municipality} />
    </section>
  );
}

function CommentForm({ period, indicator, level, municipality }: IndicatorCommentsProps) {
  const add = useAddComment();
  return (
    <TextForm
      label={`Комментарий к значению ${level.of}`}
      emptyMessage="Напишите текст комментария."
      submitLabel="Добавить комментарий"
      pendingLabel="Отправка…"
      failure="Комментарий не добавлен."
      sending={add}
      onSend={(text, clear) => add.mutate({ period, indicator, municipality, text }, { onSuccess: clear })}
    />
  );
}
