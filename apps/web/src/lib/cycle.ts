import type { CycleAddresseeView } from '@profmonitor/domain';

// The management cycle's words shared by the committee's page and a school's start page: whether
// a recommendation is answered, due or overdue.

/** Today as YYYY-MM-DD in the browser's time zone (the person's: the committee's or the school's). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Where an addressee stands: answered, waiting within the due date, or overdue (no answer past it). */
export type AnswerState = 'answered' | 'waiting' | 'overdue';

/** Overdue from the day after the due date (the due date itself is still in time). */
export const answerState = (
  addressee: Pick<CycleAddresseeView, 'answer'>,
  due: string,
  today: string,
): AnswerState => (addressee.answer !== null ? 'answered' : due < today ? 'overdue' : 'waiting');

export const ANSWER_STATE_TEXT: Record<AnswerState, string> = {
  answered: 'ответ дан',
  waiting: 'ответа нет',
  overdue: 'ответа нет, срок прошёл',
};

/** The badge tone of a state (styles.css's badge--ok / --nodata / --fail). */
export const ANSWER_STATE_TONE: Record<AnswerState, 'ok' | 'nodata' | 'fail'> = {
  answered: 'ok',
  waiting: 'nodata',
  overdue: 'fail',
};
