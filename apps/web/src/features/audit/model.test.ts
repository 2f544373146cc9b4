import { describe, expect, it } from 'vitest';
import { actionLabel, detailPairs } from './model';

describe('audit entries', () => {
  it('names actions in Russian, unknown ones as they are', () => {
    expect(actionLabel('login-failed')).toBe('Неудачный вход');
    expect(actionLabel('export')).toBe('export');
  });

  it('puts the details the API writes into Russian, and leaves empty ones out', () => {
    expect(
      detailPairs({
        uploadId: 38,
        outcome: 'partial',
        kind: 'school',
        organization: 'SCH01',
        refused: undefined,
        sha256: null,
        target: { kind: 'atLeast', threshold: 0.8 },
        extra: { a: 1 },
      }),
    ).toEqual([
      ['загрузка', '№ 38'],
      ['результат', 'принят частично'],
      ['вид', 'отчёт организации'],
      ['организация', 'SCH01'],
      ['цель', '≥ 80,0 %'],
      ['extra', '{"a":1}'],
    ]);
    expect(
      detailPairs({
        changes: [
          { field: 'shortName', before: 'Лицей № 3', after: 'Лицей' },
          { field: 'activeTo', before: null, after: '2024/2025' },
        ],
        confirmedPastChanges: ['2022/2023: ожидается 10 организаций вместо 11.'],
      }),
    ).toEqual([
      ['изменено', 'Краткое наименование: Лицей № 3 → Лицей; Действует по: — → 2024/2025'],
      ['подтверждено', '2022/2023: ожидается 10 организаций вместо 11.'],
    ]);
    expect(detailPairs({ reason: 'wrong-password' })).toEqual([['причина', 'неверный пароль']]);
    expect(detailPairs({ role: 'school', active: false })).toEqual([
      ['роль', 'Образовательная организация'],
      ['активна', 'нет'],
    ]);
  });
});
