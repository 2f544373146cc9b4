import type { ReactNode } from 'react';
import { ApiError, type ErrorCode } from '@/lib/api-client';

/** While data loads: a placeholder of about the size of what will come, and the word for screen readers. */
export function Loading({ height = 120, label = 'Загрузка…' }: { height?: number; label?: string }) {
  return (
    <div className="skeleton" style={{ minHeight: height }} role="status" aria-live="polite">
      {label}
    </div>
  );
}

const NOT_YOURS = 'Вашей учётной записи это недоступно. Если доступ нужен, обратитесь в комитет образования.';
const LOOK_ELSEWHERE = 'Проверьте адрес или выберите другой период или организацию.';

/** What the user can do about a failure, by its code; the rest: fix the request's conditions. */
const ADVICE: Partial<Record<ErrorCode, string>> = {
  no_connection: 'Проверьте, что сервер ПрофМонитора запущен и доступен, и нажмите «Повторить».',
  not_signed_in: 'Войдите в систему снова.',
  role_forbidden: NOT_YOURS,
  organization_forbidden: NOT_YOURS,
  no_access_rule: NOT_YOURS,
  route_not_found: LOOK_ELSEWHERE,
  organization_not_found: LOOK_ELSEWHERE,
  period_not_found: LOOK_ELSEWHERE,
  indicator_not_found: LOOK_ELSEWHERE,
  indicator_value_not_found: LOOK_ELSEWHERE,
  indicator_rows_not_found: LOOK_ELSEWHERE,
  upload_not_found: LOOK_ELSEWHERE,
  account_not_found: LOOK_ELSEWHERE,
  too_many_attempts: 'Подождите немного и нажмите «Повторить».',
  database_busy: 'Подождите минуту и нажмите «Повторить».',
  internal: 'Ошибка на сервере. Повторите позже; если ошибка повторится, сообщите администратору.',
};

/** Refusals of access: asking again gets the same answer, so no «Повторить» is offered. */
const REFUSED: ReadonlySet<ErrorCode> = new Set([
  'role_forbidden',
  'organization_forbidden',
  'no_access_rule',
]);

function adviceFor(error: Error): string {
  if (!(error instanceof ApiError))
    return 'Обновите страницу; если ошибка повторится, сообщите администратору.';
  return ADVICE[error.code] ?? 'Исправьте условия запроса (период, организацию) и повторите.';
}

type ErrorMessageProps = {
  error: Error;
  /** What failed to load, in the accusative: «показатели», «список организаций». */
  what: string;
  retry?: () => void;
};

/** A failed request: what failed, the server's own Russian message, and what to do. */
export function ErrorMessage({ error, what, retry }: ErrorMessageProps) {
  return (
    <div className="alert" role="alert">
      <p className="alert__title">Не удалось загрузить {what}.</p>
      {error instanceof ApiError && error.message && <p>{error.message}</p>}
      <p>{adviceFor(error)}</p>
      {retry && !(error instanceof ApiError && REFUSED.has(error.code)) && (
        <button type="button" className="button button--secondary" onClick={retry}>
          Повторить
        </button>
      )}
    </div>
  );
}

/** Nothing to show yet, and how to get something. */
export function EmptyState({ children }: { children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      {children ?? (
        <p>
          Нет данных за этот период. Загрузите отчёты организаций за этот период или выберите другой период
          вверху страницы.
        </p>
      )}
    </div>
  );
}
