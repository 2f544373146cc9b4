import { AppError } from '../common/app-error';
import { checkedUploadOptions, parseDateTime } from './upload-options';

describe('parseDateTime', () => {
  it.each([
    ['2024-05-31T14:30', 'Europe/Moscow', '2024-05-31T11:30:00.000Z'],
    ['2024-05-31T14:30:15.5', 'Europe/Moscow', '2024-05-31T11:30:15.500Z'],
    ['2024-05-31T14:30:00Z', 'Europe/Moscow', '2024-05-31T14:30:00.000Z'],
    ['2024-05-31T14:30:00+05:00', 'Europe/Moscow', '2024-05-31T09:30:00.000Z'],
    ['2024-05-31T01:30-02:30', 'Europe/Moscow', '2024-05-31T04:00:00.000Z'],
    // A zone with summer time: the offset in force on that day.
    ['2024-01-15T12:00', 'Europe/Berlin', '2024-01-15T11:00:00.000Z'],
    ['2024-07-15T12:00', 'Europe/Berlin', '2024-07-15T10:00:00.000Z'],
    // Just after the spring change (02:00 → 03:00 on 31 March 2024).
    ['2024-03-31T03:30', 'Europe/Berlin', '2024-03-31T01:30:00.000Z'],
    ['2024-05-31T23:59', 'Asia/Yekaterinburg', '2024-05-31T18:59:00.000Z'],
  ])('%s in %s is %s', (text, zone, iso) => {
    expect(parseDateTime(text, zone)?.toISOString()).toBe(iso);
  });

  it.each([
    '2024-05-31',
    '2024-05-31 14:30',
    '2024-02-30T10:00',
    '2024-05-31T24:00',
    '2024-05-31T10:60',
    '2024-05-31T10:00:60',
    '2024-05-31T10:00+15:00',
    '2024-05-31T10:00+03',
    '31.05.2024 14:30',
    '',
  ])('%j is no date-time', (text) => {
    expect(parseDateTime(text, 'Europe/Moscow')).toBeNull();
  });
});

describe('checkedUploadOptions', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const message = (options: Parameters<typeof checkedUploadOptions>[0]) => {
    try {
      checkedUploadOptions(options, 'Europe/Moscow', now);
    } catch (error) {
      if (error instanceof AppError) return `${error.code}: ${error.message}`;
      throw error;
    }
    return 'passed';
  };

  it('trims the reason and reads the time; absent options stay absent', () => {
    expect(checkedUploadOptions({ reason: '  письмо школы \n' }, 'Europe/Moscow', now)).toEqual({
      reason: 'письмо школы',
    });
    expect(checkedUploadOptions({ receivedAt: ' 2026-12-05T15:00 ' }, 'Europe/Moscow', now)).toEqual({
      receivedAt: now,
    });
    expect(checkedUploadOptions({}, 'Europe/Moscow', now)).toEqual({});
  });

  it('takes a reason of 1000 characters with line breaks, refuses 1001', () => {
    expect(message({ reason: `${'я'.repeat(499)}\n${'я'.repeat(500)}` })).toBe('passed');
    expect(message({ reason: 'я'.repeat(1001) })).toBe(
      'invalid_parameters: Причина загрузки — не длиннее 1000 символов (сейчас 1001): сократите её.',
    );
  });

  it('the present minute is not in the future; the next one is', () => {
    expect(message({ receivedAt: '2026-12-05T15:00' })).toBe('passed');
    expect(message({ receivedAt: '2026-12-05T15:01' })).toBe(
      'invalid_parameters: Время получения файла «2026-12-05T15:01» ещё не наступило: укажите, когда файл был получен на самом деле.',
    );
  });

  it('a long garbage value is quoted cut short', () => {
    expect(message({ receivedAt: 'x'.repeat(500) })).toBe(
      `invalid_parameters: Время получения файла «${'x'.repeat(40)}» не распознано: укажите дату и время в формате ISO 8601, например 2024-05-31T14:30 (время муниципалитета, Europe/Moscow) или 2024-05-31T14:30:00+03:00.`,
    );
  });
});
