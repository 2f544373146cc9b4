// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import type { ApiErrorCode } from '@profmonitor/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { errorAnswer } from '@/test/error-answer';
import { ErrorMessage } from './Feedback';

afterEach(cleanup);

/** The error the client makes of an answer with this code. */
function answered(code: ApiErrorCode): ApiError {
  const { status, body } = errorAnswer(code);
  return new ApiError(body.message, status, body);
}

function shown(error: Error): string {
  render(<ErrorMessage error={error} what="показатели" />);
  const text = screen.getByRole('alert').textContent ?? '';
  cleanup();
  return text;
}

describe('ErrorMessage', () => {
  it('what failed, the server’s message, and advice chosen by the error’s code', () => {
    expect(shown(answered('organization_forbidden'))).toBe(
      'Не удалось загрузить показатели.' +
        'Данные других организаций доступны только комитету.' +
        'Вашей учётной записи это недоступно. Если доступ нужен, обратитесь в комитет образования.',
    );
    expect(shown(answered('period_not_found'))).toContain(
      'Проверьте адрес или выберите другой период или организацию.',
    );
    expect(shown(answered('not_signed_in'))).toContain('Войдите в систему снова.');
    expect(shown(answered('database_busy'))).toContain('Подождите минуту и нажмите «Повторить».');
    expect(shown(answered('invalid_parameters'))).toContain(
      'Исправьте условия запроса (период, организацию) и повторите.',
    );
  });

  it('the same status, different advice: the code decides', () => {
    // Both 403: a role's refusal, and a request refused as sent from another site.
    expect(shown(answered('role_forbidden'))).toContain('Вашей учётной записи это недоступно.');
    expect(shown(answered('foreign_origin'))).not.toContain('Вашей учётной записи это недоступно.');
  });

  it('a proxy’s error page and no server at all', () => {
    expect(shown(new ApiError('Сервер ответил ошибкой 502.', 502))).toContain(
      'Ошибка на сервере. Повторите позже; если ошибка повторится, сообщите администратору.',
    );
    expect(shown(new ApiError('Не удалось связаться с сервером.', 0))).toContain(
      'Проверьте, что сервер ПрофМонитора запущен и доступен, и нажмите «Повторить».',
    );
  });

  it('offers «Повторить» only where trying again can help: never for a refusal of access', () => {
    const hasRetry = (error: Error) => {
      render(<ErrorMessage error={error} what="показатели" retry={vi.fn()} />);
      const found = screen.queryByRole('button', { name: 'Повторить' }) !== null;
      cleanup();
      return found;
    };
    expect(hasRetry(answered('organization_forbidden'))).toBe(false);
    expect(hasRetry(answered('role_forbidden'))).toBe(false);
    expect(hasRetry(answered('database_busy'))).toBe(true);
    expect(hasRetry(new ApiError('Не удалось связаться с сервером.', 0))).toBe(true);
  });
});
