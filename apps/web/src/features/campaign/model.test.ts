import { describe, expect, it } from 'vitest';
import { sortRows } from '@/components/table/columns';
import { toCsv } from '@/components/table/export';
import { PERIODS } from '@/test/fixtures';
import {
  bulkEligible,
  canAccept,
  canReturn,
  changeText,
  countByState,
  daysText,
  defaultPeriod,
  filterReports,
  isFiltered,
  managesCampaign,
  NO_FILTER,
  reportColumns,
  reportExportColumns,
  sheetColumnsOf,
  sheetOf,
  timelinessText,
  typesOf,
  UNSENT_OR_LATE,
} from './model';
import { CAMPAIGN, REPORTS } from './test-data';

const codes = (reports: { org: string }[]) => reports.map((r) => r.org);

describe('campaign page model', () => {
  it('counts the days to the deadline, the deadline day itself, and since it passed', () => {
    expect(daysText(12)).toBe('осталось 12 дн.');
    expect(daysText(1)).toBe('осталось 1 дн.');
    expect(daysText(0)).toBe('сегодня последний день');
    expect(daysText(-1)).toBe('срок прошёл 1 дн. назад');
    expect(daysText(CAMPAIGN.daysLeft)).toBe('срок прошёл 5 дн. назад');
  });

  it('says on time or how many days late, and nothing before the deadline or without a campaign', () => {
    expect(timelinessText({ onTime: true, late: null })).toBe('Вовремя');
    expect(timelinessText({ onTime: false, late: 2 })).toBe('Опоздание 2 дн.');
    expect(timelinessText({ onTime: false, late: null })).toBeNull();
  });

  it('filters by state, by type, the late only, and answers «кто не сдал и кто опоздал?»', () => {
    expect(codes(filterReports(REPORTS, NO_FILTER))).toEqual(codes(REPORTS));
    expect(codes(filterReports(REPORTS, { ...NO_FILTER, state: 'сдан' }))).toEqual([
      'SCH01',
      'SCH02',
      'COL01',
    ]);
    expect(codes(filterReports(REPORTS, { ...NO_FILTER, type: 'Колледж' }))).toEqual(['COL01']);
    expect(codes(filterReports(REPORTS, { ...NO_FILTER, lateOnly: true }))).toEqual([
      'SCH02',
      'SCH03',
      'SCH04',
    ]);
    // The не сдан and the late: a late complete one (SCH02) too, an on-time accepted one not.
    expect(codes(filterReports(REPORTS, UNSENT_OR_LATE))).toEqual(['SCH02', 'SCH03', 'SCH04']);
    const onlyUnsent = REPORTS.map((r) => (r.org === 'SCH03' ? { ...r, late: null } : r));
    expect(codes(filterReports(onlyUnsent, UNSENT_OR_LATE))).toEqual(['SCH02', 'SCH03', 'SCH04']);
    // Conditions add up.
    expect(codes(filterReports(REPORTS, { state: 'сдан', type: 'Школа', lateOnly: true }))).toEqual([
      'SCH02',
    ]);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, lateOnly: true })).toBe(true);
  });

  it('counts reports by state and lists the types for the filters', () => {
    expect(countByState(REPORTS)).toEqual({
      'не сдан': 1,
      'сдан частично': 1,
      сдан: 3,
      принят: 1,
      возвращён: 1,
    });
    expect(typesOf(REPORTS)).toEqual(['Колледж', 'Школа']);
  });

  it('takes into the bulk acceptance exactly the сдан reports whose last upload has no warning', () => {
    expect(codes(bulkEligible(REPORTS))).toEqual(['SCH01', 'COL01']);
    expect(bulkEligible(REPORTS.filter((r) => r.state !== 'сдан'))).toEqual([]);
  });

  it('offers accepting a сдан report only, and returning a sent or accepted one', () => {
    const offered = REPORTS.map((r) => [r.org, canAccept(r), canReturn(r)]);
    expect(offered).toEqual([
      ['SCH01', true, true],
      ['SCH02', true, true],
      ['SCH03', false, false],
      ['SCH04', false, true],
      ['SCH05', false, true],
      ['SCH06', false, false],
      ['COL01', true, true],
    ]);
  });

  it('makes a column of every required sheet in workbook order; a college has no Охват', () => {
    expect(sheetColumnsOf(REPORTS).map((s) => s.name)).toEqual([
      'Титул',
      'Выпускники',
      'Охват',
      'Педагоги',
      'Партнёры',
    ]);
    const college = REPORTS.find((r) => r.org === 'COL01')!;
    expect(sheetOf(college, 'coverage')).toBeUndefined();
    expect(sheetOf(college, 'title')?.uploadedAt).toBe('2025-06-08T09:00:00.000Z');
    expect(sheetColumnsOf([college]).map((s) => s.sheet)).toEqual([
      'title',
      'graduates',
      'teachers',
      'partners',
    ]);
  });

  it('sorts by lateness (the latest first, on time after them, the undecided last), by state and by a sheet’s date', () => {
    const columns = reportColumns(sheetColumnsOf(REPORTS));
    const column = (id: string) => columns.find((c) => c.id === id)!;
    expect(codes(sortRows(REPORTS, column('timeliness'), 'desc'))).toEqual([
      'SCH03',
      'SCH04',
      'SCH02',
      'SCH01',
      'SCH05',
      'SCH06',
      'COL01',
    ]);
    expect(codes(sortRows(REPORTS, column('timeliness'), 'asc')).slice(0, 2)).toEqual(['SCH01', 'SCH05']);
    expect(codes(sortRows(REPORTS, column('state'), 'asc'))).toEqual([
      'SCH06',
      'SCH03',
      'SCH05',
      'SCH01',
      'SCH02',
      'COL01',
      'SCH04',
    ]);
    // Missing and not-required sheets go last whichever way.
    expect(codes(sortRows(REPORTS, column('sheet-coverage'), 'desc'))).toEqual([
      'SCH02',
      'SCH01',
      'SCH05',
      'SCH06',
      'SCH03',
      'SCH04',
      'COL01',
    ]);
    expect(codes(sortRows(REPORTS, column('warnings'), 'desc')).slice(0, 1)).toEqual(['SCH02']);
    expect(codes(sortRows(REPORTS, column('name'), 'asc')).at(0)).toBe('COL01');
  });

  it('exports each report with its code, state, timeliness in words and days, sheet dates and file', () => {
    const columns = reportExportColumns(reportColumns(sheetColumnsOf(REPORTS), { municipality: true }));
    expect(columns.map((c) => c.header)).toEqual([
      'Организация',
      'Код',
      'Тип',
      'Муниципалитет',
      'Состояние',
      'Вовремя / опоздание',
      'Дней опоздания',
      'Титул',
      'Выпускники',
      'Охват',
      'Педагоги',
      'Партнёры',
      'Последняя загрузка',
      'Файл',
      'Предупреждений',
      'Комментарий комитета',
    ]);
    const lines = toCsv(columns, [REPORTS[1]!, REPORTS[6]!]).replace('\uFEFF', '').split('\r\n');
    const sch02 = lines[1]!.split(';');
    expect(sch02.slice(0, 7)).toEqual([
      'МБОУ «Средняя школа № 2»',
      'SCH02',
      'Школа',
      'Город',
      'сдан',
      'Опоздание 2 дн.',
      '2',
    ]);
    expect(sch02[7]).toMatch(/^12\.06\.2025 \d\d:\d\d$/);
    expect(sch02.slice(13)).toEqual(['SCH02.xlsx', '1', '']);
    // The college's Охват is empty: not required of it.
    expect(lines[2]!.split(';')[9]).toBe('');
  });

  it('opens on the newest period with an open campaign, else the newest period', () => {
    const campaigns = [
      { period: '2024/2025', open: false },
      { period: '2023/2024', open: true },
    ];
    expect(defaultPeriod(PERIODS, campaigns)).toBe('2023/2024');
    expect(defaultPeriod(PERIODS, [{ period: '2024/2025', open: false }])).toBe('2024/2025');
    expect(defaultPeriod(PERIODS, [])).toBe('2024/2025');
    // A campaign of a period the list does not know is no choice.
    expect(defaultPeriod(PERIODS, [{ period: '2030/2031', open: true }])).toBe('2024/2025');
    expect(defaultPeriod([], [])).toBeNull();
  });

  it('lets the ministry and a committee alone in the registry open and close campaigns', () => {
    expect(managesCampaign({ role: 'region', municipalityCount: 3 })).toBe(true);
    expect(managesCampaign({ role: 'committee', municipalityCount: 1 })).toBe(true);
    expect(managesCampaign({ role: 'committee', municipalityCount: 2 })).toBe(false);
    expect(managesCampaign({ role: 'school', municipalityCount: 1 })).toBe(false);
  });

  it('tells the deadline history in words', () => {
    expect(CAMPAIGN.history.map(changeText)).toEqual([
      'Сбор объявлен, срок 01.06.2025',
      'Срок перенесён с 01.06.2025 на 10.06.2025',
    ]);
    expect(changeText({ action: 'close', deadline: '2025-06-10', previousDeadline: null })).toBe(
      'Сбор закрыт',
    );
    expect(changeText({ action: 'reopen', deadline: '2025-06-10', previousDeadline: null })).toBe(
      'Сбор возобновлён',
    );
  });
});
