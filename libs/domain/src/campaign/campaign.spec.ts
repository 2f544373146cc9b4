import type { SheetId } from '../indicators/definitions';
import {
  addDays,
  calendarDate,
  daysBetween,
  isCalendarDate,
  isTimeZone,
  reportState,
  requiredSheets,
  timeliness,
  type ReportFacts,
} from './campaign';

const MOSCOW = 'Europe/Moscow';
const SCHOOL_SHEETS: SheetId[] = ['title', 'graduates', 'coverage', 'teachers', 'partners'];

/** A school's facts: these sheets current, nothing decided, no upload unless given. */
function school(sheets: SheetId[], extra: Partial<ReportFacts> = {}): ReportFacts {
  return {
    type: 'Школа',
    currentSheets: new Set(sheets),
    firstReceived: {},
    lastStoredUploadId: sheets.length > 0 ? 10 : null,
    latestDecision: null,
    ...extra,
  };
}

/** Every required sheet of a school first received at these instants (one per sheet, or one for all). */
function receivedAt(...instants: string[]): Partial<Record<SheetId, Date>> {
  return Object.fromEntries(
    SCHOOL_SHEETS.map((sheet, i) => [sheet, new Date(instants[Math.min(i, instants.length - 1)])]),
  );
}

describe('required sheets', () => {
  it('a school sends all five, a college all but Охват, additional education none', () => {
    expect(requiredSheets('Школа')).toEqual(SCHOOL_SHEETS);
    expect(requiredSheets('Колледж')).toEqual(['title', 'graduates', 'teachers', 'partners']);
    expect(requiredSheets('Дополнительное образование')).toEqual([]);
  });
});

describe('calendar dates', () => {
  it.each(['2025-10-01', '2024-02-29', '2000-02-29', '1999-12-31'])('%s is a date', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    '2025-02-29',
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '2025-10-00',
    '1900-02-29',
    '2025-1-01',
    '01.10.2025',
    '2025/10/01',
    ' 2025-10-01',
    '2025-10-01T00:00',
    '',
  ])('«%s» is not', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });

  it('judges an instant by the date in the time zone: 21:30 UTC is 00:30 the next day in Moscow', () => {
    expect(calendarDate(new Date('2025-09-30T21:30:00Z'), MOSCOW)).toBe('2025-10-01');
    expect(calendarDate(new Date('2025-09-30T20:59:59Z'), MOSCOW)).toBe('2025-09-30');
    expect(calendarDate(new Date('2025-09-30T21:00:00Z'), MOSCOW)).toBe('2025-10-01');
    expect(calendarDate(new Date('2025-09-30T21:30:00Z'), 'UTC')).toBe('2025-09-30');
    // Irkutsk is UTC+8: its day begins at 16:00 UTC.
    expect(calendarDate(new Date('2025-09-30T16:30:00Z'), 'Asia/Irkutsk')).toBe('2025-10-01');
  });

  it('knows the time zones the environment knows', () => {
    expect(isTimeZone(MOSCOW)).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
  });

  it('counts whole days between dates, across months, years and leap days', () => {
    expect(daysBetween('2025-10-01', '2025-10-01')).toBe(0);
    expect(daysBetween('2025-10-01', '2025-10-04')).toBe(3);
    expect(daysBetween('2025-10-04', '2025-10-01')).toBe(-3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    // The clocks of Europe/Moscow do not move, but other zones' do: dates are not instants.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(addDays('2025-10-01', -1)).toBe('2025-09-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});

describe('the state of a report', () => {
  it('follows the required sheets: none, some, all', () => {
    expect(reportState(school([], { lastStoredUploadId: null }))).toBe('не сдан');
    expect(reportState(school(['title', 'graduates']))).toBe('сдан частично');
    expect(reportState(school(SCHOOL_SHEETS))).toBe('сдан');
  });

  it('a college is sent without Охват; a sheet it does not need does not count', () => {
    const college = (sheets: SheetId[]): ReportFacts => ({ ...school(sheets), type: 'Колледж' });
    expect(reportState(college(['title', 'graduates', 'teachers', 'partners']))).toBe('сдан');
    expect(reportState(college(['coverage']))).toBe('не сдан');
  });

  it('accepted stands whatever is uploaded after it', () => {
    const accepted = { decision: 'accepted' as const, lastUploadId: 10 };
    expect(reportState(school(SCHOOL_SHEETS, { latestDecision: accepted }))).toBe('принят');
    expect(reportState(school(SCHOOL_SHEETS, { latestDecision: accepted, lastStoredUploadId: 99 }))).toBe(
      'принят',
    );
  });

  it('returned until a newer stored upload, then sent again (whole or in part)', () => {
    const returned = { decision: 'returned' as const, lastUploadId: 10 };
    expect(reportState(school(SCHOOL_SHEETS, { latestDecision: returned, lastStoredUploadId: 10 }))).toBe(
      'возвращён',
    );
    // An upload of another organization after the return moves the newest id, not this report's.
    expect(reportState(school(SCHOOL_SHEETS, { latestDecision: returned, lastStoredUploadId: 7 }))).toBe(
      'возвращён',
    );
    expect(reportState(school(SCHOOL_SHEETS, { latestDecision: returned, lastStoredUploadId: 11 }))).toBe(
      'сдан',
    );
    expect(reportState(school(['title'], { latestDecision: returned, lastStoredUploadId: 11 }))).toBe(
      'сдан частично',
    );
  });

  it('a return of a report never sent is returned, not unsent', () => {
    const returned = { decision: 'returned' as const, lastUploadId: 5 };
    expect(reportState(school([], { latestDecision: returned, lastStoredUploadId: null }))).toBe('возвращён');
  });
});

describe('on time and late', () => {
  const deadline = '2025-10-01';
  const judge = (firstReceived: Partial<Record<SheetId, Date>>, today = '2025-10-10', zone = MOSCOW) =>
    timeliness({ type: 'Школа', firstReceived }, deadline, today, zone);

  it('the deadline day itself is on time, to its last minute in Moscow', () => {
    expect(judge(receivedAt('2025-09-20T10:00:00Z', '2025-10-01T20:59:00Z'))).toEqual({
      completedOn: '2025-10-01',
      onTime: true,
      late: null,
    });
  });

  it('21:30 UTC on the deadline day is 00:30 the next day in Moscow: one day late', () => {
    expect(judge(receivedAt('2025-09-20T10:00:00Z', '2025-10-01T21:30:00Z'))).toEqual({
      completedOn: '2025-10-02',
      onTime: false,
      late: 1,
    });
    // The same instant judged in UTC is still the deadline day.
    expect(judge(receivedAt('2025-09-20T10:00:00Z', '2025-10-01T21:30:00Z'), '2025-10-10', 'UTC')).toEqual({
      completedOn: '2025-10-01',
      onTime: true,
      late: null,
    });
  });

  it('a report completed after the deadline is late by the days from the deadline to its last sheet', () => {
    expect(judge(receivedAt('2025-09-01T09:00:00Z', '2025-10-04T09:00:00Z'))).toMatchObject({
      completedOn: '2025-10-04',
      onTime: false,
      late: 3,
    });
  });

  it('only each sheet’s first version counts: a later replacement does not make it late', () => {
    // firstReceived holds the first accepted versions; the replacements of 15 October are not in it.
    const first = receivedAt('2025-09-28T08:00:00Z');
    expect(judge(first, '2025-10-20')).toEqual({ completedOn: '2025-09-28', onTime: true, late: null });
  });

  it('an incomplete report is not late before the deadline, and late by the days since after it', () => {
    const some = { title: new Date('2025-09-20T10:00:00Z') };
    expect(judge(some, '2025-09-25')).toEqual({ completedOn: null, onTime: false, late: null });
    expect(judge(some, '2025-10-01')).toEqual({ completedOn: null, onTime: false, late: null });
    expect(judge(some, '2025-10-02')).toEqual({ completedOn: null, onTime: false, late: 1 });
    expect(judge({}, '2025-10-11')).toEqual({ completedOn: null, onTime: false, late: 10 });
  });

  it('a college is judged by its own required sheets', () => {
    const college = {
      title: new Date('2025-09-30T10:00:00Z'),
      graduates: new Date('2025-09-30T10:00:00Z'),
      teachers: new Date('2025-09-30T10:00:00Z'),
      partners: new Date('2025-10-01T12:00:00Z'),
    };
    expect(timeliness({ type: 'Колледж', firstReceived: college }, deadline, '2025-10-10', MOSCOW)).toEqual({
      completedOn: '2025-10-01',
      onTime: true,
      late: null,
    });
  });
});
