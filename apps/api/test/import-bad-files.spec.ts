import { WorkbookIntake } from '../src/common/workbook-intake';
import { BAD_FILES } from './support/bad-files';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { digestOf, lastUpload, storedCounts } from './support/stored';
import { TestContext } from './support/test-context';

/**
 * Files that are not usable workbooks: each is refused with one Russian file-level message,
 * logged as a rejected upload with its hash and size, and leaves no trace in the data tables.
 * The service keeps working after each one.
 */
describe('import of bad files', () => {
  const ctx = new TestContext();
  let intake: WorkbookIntake;
  let validImports = 0;

  beforeAll(async () => {
    await ctx.start();
    await ctx.loadRegistry(REGISTRY);
    intake = ctx.app.get(WorkbookIntake);
    // Some data already stored, so that "nothing changed" is not trivially true.
    const first = await ctx.importSheets(schoolWorkbook());
    expect(first.outcome).toBe('accepted');
  });

  afterEach(() => {
    intake.limits = {};
  });

  afterAll(() => ctx.stop());

  /** A valid workbook that differs from every earlier one, so it is never a duplicate. */
  async function expectValidImportWorks(): Promise<void> {
    const rows = title();
    rows.push(['Контакты', `тел. ${++validImports}`]);
    const result = await ctx.importSheets(schoolWorkbook({ Титул: rows }));
    expect(result.errors).toEqual([]);
    expect(result.outcome).toBe('accepted');
    expect(result.accepted).toBe(true);
  }

  /**
   * Imports the file and checks the rejection: one file-level message matching `message`,
   * an upload row with the file's own hash and size, and no change in any data table.
   */
  async function expectRejected(path: string, message: RegExp): Promise<void> {
    const before = await storedCounts(ctx);
    const uploadsBefore = await ctx.count('uploads');
    const fileName = path.split('/').pop()!;

    const result = await ctx.importFile(path);

    expect(result.accepted).toBe(false);
    expect(result.outcome).toBe('rejected');
    expect(result.file).toBe(fileName);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(message);
    expect(result.errors[0].message).toMatch(/^[^a-z]*[А-ЯЁ]/); // Russian text for a person
    expect(result.errors[0].message).not.toMatch(/Error|undefined|\bat \w|ENOENT|yauzl|exceljs/i);
    expect(result.sheets.every((sheet) => !sheet.accepted)).toBe(true);

    expect(await ctx.count('uploads')).toBe(uploadsBefore + 1);
    const upload = await lastUpload(ctx);
    const { sha256, size } = digestOf(path);
    expect(upload).toMatchObject({
      id: result.uploadId,
      file_name: fileName,
      uploaded_by: 'test',
      outcome: 'rejected',
      sha256,
      size,
      organization_id: null,
    });
    expect(JSON.parse(upload.result as string)).toMatchObject({
      outcome: 'rejected',
      errors: [{ message: result.errors[0].message }],
    });
    expect(await storedCounts(ctx)).toEqual(before);

    intake.limits = {};
    await expectValidImportWorks();
  }

  it.each(BAD_FILES)('$name', async ({ write, limits, message }) => {
    const path = await write(ctx);
    intake.limits = limits ?? {};
    await expectRejected(path, message);
  });

  it('a file refused by a limit alone is a fine report under the default limits', async () => {
    const bomb = BAD_FILES.find((file) => file.limits?.maxPartBytes)!;
    const path = await bomb.write(ctx);
    expect(digestOf(path).size).toBeLessThan(64 * 1024);
    const again = await ctx.importFile(path);
    expect(again.outcome).toBe('accepted');
    expect(again.sheets.find((s) => s.sheet === 'Выпускники')?.rows).toBe(600);
  });
});
