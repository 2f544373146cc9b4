import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { HOSTILE_WORKBOOKS } from '../../../scripts/support/hostile-workbooks';
import { WorkbookIntake } from '../src/common/workbook-intake';
import { DEFAULT_PARSE_BUDGET } from '../src/reports/import/parse-workers';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { storedCounts } from './support/stored';
import { writeXlsx } from './support/xlsx';

/**
 * Files made to hurt the server, sent as a signed-in school would send them: each is refused
 * with a Russian message (or, where the contract ignores what is harmless, accepted with one
 * short warning), stores nothing, leaves no file behind, and the server answers other requests
 * all the while.
 */
const ctx = new HttpTestContext();
let school: Awaited<ReturnType<HttpTestContext['signIn']>>;

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  school = await ctx.signIn('school', 'SCH01');
  // Data already stored, so that "nothing changed" is not trivially true.
  const path = ctx.path('valid.xlsx');
  await writeXlsx(path, schoolWorkbook());
  await school.post('/api/uploads').attach('file', path).expect(201);
});
afterAll(() => ctx.stop());
afterEach(() => {
  ctx.app.get(WorkbookIntake).budget = DEFAULT_PARSE_BUDGET;
});

/** Asks GET /api/health every 50 ms until `work` ends; the slowest answer, in ms. */
async function slowestHealthAnswer(work: Promise<unknown>): Promise<number> {
  let done = false;
  void work.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const started = performance.now();
    await school.get('/api/health').expect(200);
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return slowest;
}

describe.each(HOSTILE_WORKBOOKS)('a hostile workbook: $name ($attack)', (hostile) => {
  it(
    {
      refused: 'is refused with a Russian message; nothing stored; the server answers throughout',
      'sheet-rejected':
        'has its sheet rejected at its cells, none of its rows stored; the server answers throughout',
      accepted: 'is read safely, with one short warning; the server answers throughout',
    }[hostile.outcome ?? 'refused'],
    async () => {
      if (hostile.budget) ctx.app.get(WorkbookIntake).budget = { ...DEFAULT_PARSE_BUDGET, ...hostile.budget };
      const path = ctx.path(`${hostile.name}.xlsx`);
      writeFileSync(path, await hostile.build());
      const before = await storedCounts(ctx);

      const upload = Promise.resolve(school.post('/api/uploads').attach('file', path));
      const [response, slowest] = await Promise.all([upload, slowestHealthAnswer(upload)]);

      // The server's own thread never parsed the file: other requests were answered at once.
      expect(slowest).toBeLessThan(1000);
      const result = response.body.result ?? response.body;
      const outcome = hostile.outcome ?? 'refused';
      if (outcome === 'refused') {
        expect(response.status).toBe(422);
        expect(response.body.message).toMatch(hostile.message);
        expect(response.body.message).toMatch(/^[^a-z]*[А-ЯЁ]/);
        expect(response.body.message).not.toMatch(/Error|undefined|ENOENT|yauzl|exceljs|saxes/i);
        expect(await storedCounts(ctx)).toEqual(before);
      } else {
        expect(response.status).toBe(201);
        const graduates = result.sheets.find((sheet: { sheet: string }) => sheet.sheet === 'Выпускники');
        const issues = outcome === 'accepted' ? graduates.warnings : graduates.errors;
        expect(graduates.accepted).toBe(outcome === 'accepted');
        expect(issues[0].message).toMatch(hostile.message);
        // Bounded: one warning for every unknown column; at most 1,000 errors and one count line.
        expect(issues.length).toBeLessThanOrEqual(outcome === 'accepted' ? 1 : 1001);
        expect(JSON.stringify(result).length).toBeLessThan(1_000_000);
        if (outcome === 'sheet-rejected') {
          expect((await storedCounts(ctx)).graduate_rows).toBe(before.graduate_rows);
        }
      }
      // Nothing is left behind: no spooled rows.
      expect(await ctx.app.get(WorkbookIntake).spools.files()).toEqual([]);
      // And the server goes on: a valid report is accepted after it.
      const valid = ctx.path(`after ${hostile.name}.xlsx`);
      const rows = title();
      rows.push(['Контакты', `после: ${hostile.name}`]);
      await writeXlsx(valid, schoolWorkbook({ Титул: rows }));
      await school.post('/api/uploads').attach('file', valid).expect(201);
    },
    60_000,
  );
});
