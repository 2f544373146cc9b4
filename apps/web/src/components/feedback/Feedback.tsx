import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api-client';

/** While data loads: a placeholder of about the size of what will come, and the word for screen readers. */
export function Loading({ height = 120, label = 'Загрузка…' }: { height?: number; label?: string }) {
  return (
    <div className="skeleton" style={{ minHeight: height }} role="status" aria-live="polite">
      {label}
    </div>
  );
}

/** What the user can do about a failure, by its kind. */
function adviceFor(error: Error): string {
  if (!(error instanceof ApiError))
    return 'Обновите страницу; если ошибка повторится, сообщите администратору.';
  if (error.status === 0)
    return 'Проверьте, что сервер ПрофМонитора запущен и доступен, и нажмите «Повторить».';
  if (error.status === 401) return 'Войдите в систему снова.';
  if (error.status === 403)
    return 'Вашей учётной записи это недоступно. Если доступ нужен, обратитесь в комитет образования.';
  if (error.status === 404) return 'Проверьте адрес или выберите другой период или организацию.';
  if (error.status >= 500)
    return 'Ошибка на сервере. Повторите позже; если ошибка повторится, сообщите администратору.';
  return 'Исправьте условия запроса (период, организацию) и повторите.';
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
      {retry && (
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
