import { addDays, calendarDate, periodOf, type ReportStatusView } from '@profmonitor/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn, type CliRun } from './support/cli';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { grad, school } from './support/indicator-workbooks';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { currentReportingPeriod } from '../src/reports/reporting-period';
import { writeXlsx, type SheetsData } from './support/xlsx';

jest.setTimeout(300_000);

/*
 * `campaign open|deadline|close|reopen|status` and `review accept|return` as a person runs them:
 * separate Node processes on a database of their own (the test municipality: two schools and a
 * college report), acting as the committee. Then the HTTP API on the same database answers what
 * `campaign status --json` printed.
 */

const TODAY = calendarDate(new Date(), 'Europe/Moscow');
const YESTERDAY = addDays(TODAY, -1);
const P = periodOf(Number(TODAY.slice(0, 4)) - 1).code;
const ru = (date: string) => date.split('-').reverse().join('.');

describe('CLI campaign and review', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-cli-campaign-'));
  let database: TestDatabase;
  const cli = cliOn(() => database.url, 90_000);

  /** A run that succeeded: exit code 0, nothing on stderr; its stdout. */
  const ok = (run: CliRun): string => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    return run.stdout;
  };
  /** A run that was refused: a non-zero exit code, the Russian message on stderr, nothing on stdout. */
  const refused = (run: CliRun): string => {
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    return run.stderr.trim();
  };
  const status = (): ReportStatusView[] => JSON.parse(ok(cli('campaign', 'status', '--period', P, '--json')));

  async function importReport(name: string, sheets: SheetsData) {
    const path = join(dir, name);
    await writeXlsx(path, sheets);
    ok(cli('import', path));
  }

  beforeAll(async () => {
    database = await createTestDatabase(dir, 'campaign.sqlite');
    const registry = join(dir, 'registry.xlsx');
    await writeXlsx(registry, {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
        ...REGISTRY,
      ],
    });
    ok(cli('registry', 'import', registry));
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a period nothing was uploaded for is refused in Russian', () => {
    expect(refused(cli('campaign', 'status', '--period', P))).toBe(
      `Учебный год «${P}» не найден: за него ещё не загружено ни одного отчёта.`,
    );
  });

  it('status without a campaign: the states, nothing on time or late', async () => {
    const graduates = [grad('9', 'СПО', 'Город', '33'), grad('11', 'ВУЗ', 'Регион', '06')];
    await importReport(
      'sch01.xlsx',
      school({
        code: 'SCH01',
        period: P,
        website: true,
        graduates,
        coverage: [[9, 50, 45, 20]],
        teachers: [[36, '15.03.2025']],
        partners: [['01.09.2024', null]],
      }),
    );
    await importReport('sch02.xlsx', school({ code: 'SCH02', period: P, website: false, graduates }));

    const reports = status();
    expect(reports.map((r) => [r.org, r.state, r.onTime, r.late])).toEqual([
      ['COL01', 'не сдан', false, null],
      ['SCH01', 'сдан', false, null],
      ['SCH02', 'сдан частично', false, null],
    ]);
    // The fields the issue names, and the sheets each with when its version in force was received.
    const sch01 = reports[1];
    expect(Object.keys(sch01)).toEqual(expect.arrayContaining(['org', 'state', 'onTime', 'late', 'sheets']));
    expect(sch01.sheets.map((s) => s.sheet)).toEqual([
      'title',
      'graduates',
      'coverage',
      'teachers',
      'partners',
    ]);
    expect(sch01.sheets.every((s) => calendarDate(new Date(s.uploadedAt!), 'Europe/Moscow') === TODAY)).toBe(
      true,
    );
    expect(reports[2].sheets.map((s) => s.uploadedAt === null)).toEqual([false, false, true, true, true]);

    expect(ok(cli('campaign', 'status', '--period', P))).toMatch(
      /^Сбор отчётов за этот год не объявлен: состояния отчётов без срока сдачи\.\n/,
    );
  });

  it('opens the campaign, once; a wrong deadline is named', () => {
    expect(ok(cli('campaign', 'open', '--period', P.replace('/', '-'), '--deadline', TODAY))).toBe(
      `Сбор отчётов за ${P} объявлен: срок — ${ru(TODAY)}. Ожидается отчётов: 3 (не сдан — 1, сдан частично — 1, сдан — 1); в срок — 1, с опозданием — 0.\n`,
    );
    expect(refused(cli('campaign', 'open', '--period', P, '--deadline', TODAY))).toBe(
      `Сбор отчётов за ${P} уже объявлен (срок — ${ru(TODAY)}): перенесите срок, а не объявляйте сбор заново.`,
    );
    expect(refused(cli('campaign', 'deadline', '--period', P, '--deadline', '2025-02-30'))).toMatch(
      /^Срок сдачи «2025-02-30» — не дата: укажите его в виде ГГГГ-ММ-ДД/,
    );
    expect(refused(cli('campaign', 'open', '--period', '2040/2041', '--deadline', '2041-10-01'))).toBe(
      `Учебный год 2040/2041 ещё не закончился: сейчас можно объявить сбор отчётов за ${currentReportingPeriod().code} или более ранний год.`,
    );
  });

  it('moves the deadline; status --json then says who is late and by how many days', () => {
    expect(ok(cli('campaign', 'deadline', '--period', P, '--deadline', YESTERDAY))).toBe(
      `Срок сдачи отчётов за ${P}: ${ru(TODAY)} → ${ru(YESTERDAY)}.\n`,
    );
    expect(status().map((r) => [r.org, r.state, r.onTime, r.late, r.completedOn])).toEqual([
      ['COL01', 'не сдан', false, 1, null],
      ['SCH01', 'сдан', false, 1, TODAY],
      ['SCH02', 'сдан частично', false, 1, null],
    ]);
  });

  it('review accept and return, with the refusals in Russian and nothing changed', () => {
    expect(refused(cli('review', 'accept', '--org', 'SCH02', '--period', P))).toBe(
      `Принять можно только сданный отчёт, а отчёт «SCH02» за ${P} — «сдан частично».`,
    );
    expect(refused(cli('review', 'accept', '--org', 'SCH77', '--period', P))).toBe(
      'Организация с кодом «SCH77» не найдена в реестре.',
    );
    expect(ok(cli('review', 'accept', '--org', 'sch01', '--period', P))).toBe(
      `Отчёт SCH01 (Школа № 1) за ${P} принят.\n`,
    );
    expect(refused(cli('review', 'return', '--org', 'SCH01', '--period', P))).toBe(
      'Напишите, что исправить: отчёт возвращается организации с комментарием комитета.',
    );
    expect(status().find((r) => r.org === 'SCH01')).toMatchObject({
      state: 'принят',
      review: { decision: 'accepted', by: 'cli', comment: null },
    });
    expect(
      ok(cli('review', 'return', '--org', 'SCH01', '--period', P, '--comment', 'Уточните охват 9 класса')),
    ).toBe(`Отчёт SCH01 (Школа № 1) за ${P} возвращён с комментарием: Уточните охват 9 класса.\n`);
  });

  it('closes the campaign: its deadline no longer moves; reopens it', () => {
    expect(ok(cli('campaign', 'close', '--period', P))).toMatch(
      new RegExp(`^Сбор отчётов за ${P} закрыт\\. `),
    );
    expect(refused(cli('campaign', 'deadline', '--period', P, '--deadline', TODAY))).toBe(
      `Сбор отчётов за ${P} закрыт (закрыл cli): чтобы перенести срок, сначала откройте его снова.`,
    );
    const table = ok(cli('campaign', 'status', '--period', P)).split('\n');
    expect(table[0]).toBe(
      `Сбор отчётов за ${P}: срок — ${ru(YESTERDAY)} (прошло дней: 1), закрыт. Ожидается отчётов: 3 (не сдан — 1, сдан частично — 1, возвращён — 1); в срок — 0, с опозданием — 3.`,
    );
    expect(table).toContain(
      `${'SCH01'.padEnd(10)} ${'возвращён'.padEnd(14)} ${'опоздание 1 дн.'.padEnd(18)} Школа № 1`,
    );
    expect(table).toContain(`${' '.repeat(12)}комментарий комитета: Уточните охват 9 класса`);
    expect(table.filter((line) => line.startsWith(`${' '.repeat(12)}Охват`))).toHaveLength(2);
    expect(ok(cli('campaign', 'reopen', '--period', P))).toBe(
      `Сбор отчётов за ${P} снова открыт: срок — ${ru(YESTERDAY)}.\n`,
    );
  });

  it('prints what the HTTP API answers; every change is in the audit log under cli', async () => {
    const printed = status();
    const http = await new HttpTestContext(database.url).start();
    try {
      const committee = await http.signIn('committee');
      const { body } = await committee.get('/api/campaign/reports').query({ period: P }).expect(200);
      expect(body).toEqual(printed);
      const { body: view } = await committee.get('/api/campaign').query({ period: P }).expect(200);
      expect(view.history.map((h: { action: string; by: string }) => [h.action, h.by])).toEqual([
        ['open', 'cli'],
        ['deadline', 'cli'],
        ['close', 'cli'],
        ['reopen', 'cli'],
      ]);
      const audit = await http.rows<{ action: string }>(
        "SELECT action FROM audit_log WHERE actor = 'cli' AND (action LIKE 'campaign-%' OR action LIKE 'review-%') ORDER BY id",
      );
      expect(audit.map((a) => a.action)).toEqual([
        'campaign-open',
        'campaign-deadline',
        'review-accept',
        'review-return',
        'campaign-close',
        'campaign-reopen',
      ]);
      expect(await http.count('report_reviews')).toBe(2);
      expect(await http.count('campaigns')).toBe(1);
    } finally {
      await http.stop();
    }
  });
});
