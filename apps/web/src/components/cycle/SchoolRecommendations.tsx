import { useId, useState } from 'react';
import { indicatorById, type CycleAddresseeView, type CycleRecommendationView } from '@profmonitor/domain';
import { useAnswerRecommendation, useRecommendations } from '@/api/cycle';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { answerState, ANSWER_STATE_TEXT, ANSWER_STATE_TONE, todayIso } from '@/lib/cycle';
import { formatDate, formatDateTime } from '@/lib/format';
import { TextForm } from './CycleForm';
import './cycle.css';

/**
 * A school's start page: the committee's recommendations addressed to its organization (every
 * period, newest first), each with its due date and a form to answer what the school did; the
 * saved answer is shown and can be written anew (the API keeps the last one).
 */
export function SchoolRecommendations() {
  const recommendations = useRecommendations();
  return (
    <section className="card" aria-labelledby="school-recommendations-title">
      <h2 id="school-recommendations-title">Рекомендации комитета</h2>
      {recommendations.isPending ? (
        <Loading height={80} />
      ) : recommendations.isError ? (
        <ErrorMessage
          error={recommendations.error}
          what="рекомендации комитета"
          retry={() => void recommendations.refetch()}
        />
      ) : recommendations.data.length === 0 ? (
        <p className="muted">Комитет не направлял вашей организации рекомендаций.</p>
      ) : (
        <ul className="school-recommendations">
          {recommendations.data.map((r) => (
            <Recommendation key={r.id} recommendation={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Recommendation({ recommendation }: { recommendation: CycleRecommendationView }) {
  const titleId = useId();
  // A school sees only its own organization among the addressees.
  const own: CycleAddresseeView | undefined = recommendation.addressees[0];
  const state = own ? answerState(own, recommendation.due, todayIso()) : 'waiting';
  const [editing, setEditing] = useState(false);
  return (
    <li className="school-recommendation" aria-labelledby={titleId} data-recommendation={recommendation.id}>
      <h3 id={titleId}>
        {indicatorById(recommendation.indicator)?.name ?? recommendation.indicator}, {recommendation.period}
      </h3>
      <p className="cycle-text">{recommendation.text}</p>
      <p className="school-recommendation__due">
        Срок: {formatDate(recommendation.due)}{' '}
        <span className={`badge badge--${ANSWER_STATE_TONE[state]}`}>{ANSWER_STATE_TEXT[state]}</span>
      </p>
      {own?.answer && !editing ? (
        <div className="school-recommendation__answer">
          <p className="muted small">
            Ваш ответ от {formatDateTime(own.answer.answeredAt)} ({own.answer.answeredBy}):
          </p>
          <p className="cycle-text">{own.answer.text}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing(true)}
          >
            Изменить ответ
          </button>
        </div>
      ) : (
        <AnswerForm
          id={recommendation.id}
          initial={own?.answer?.text ?? ''}
          onDone={() => setEditing(false)}
        />
      )}
    </li>
  );
}

function AnswerForm({ id, initial, onDone }: { id: number; initial: string; onDone: () => void }) {
  const answer = useAnswerRecommendation();
  return (
    <TextForm
      label="Что сделано"
      initial={initial}
      emptyMessage="Напишите, что сделано."
      submitLabel="Отправить ответ"
      pendingLabel="Отправка…"
      failure="Ответ не сохранён."
      sending={answer}
      onSend={(text) => answer.mutate({ id, text }, { onSuccess: onDone })}
    />
  );
}
