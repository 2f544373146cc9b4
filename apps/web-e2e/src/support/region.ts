import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cli } from './demo-server';
import { ROOT } from './demo-server';

// A region of two municipalities, made the way a ministry would: the demo municipality as
// `npm start` loads it, then a registry that adds a second municipality's organizations, their
// reports, and the accounts of the ministry and of each municipality's committee — all through
// the CLI, with real workbooks.

/** The demo's municipality (data/demo/registry.xlsx). */
export const NORTH = 'Северозаводский городской округ';
/** The one these tests add. */
export const SOUTH = 'Южноморский муниципальный округ';

/** The second municipality's organizations, with the demo report each one sends as its own. */
const SOUTH_ORGANIZATIONS = [
  { code: 'YUG01', name: 'МБОУ «Южноморская школа № 1»', type: 'Школа', report: 'SCH02.xlsx' },
  { code: 'YUG02', name: 'МБОУ «Южноморская школа № 2»', type: 'Школа', report: 'SCH05.xlsx' },
  { code: 'YUG03', name: 'ГБПОУ «Южноморский колледж»', type: 'Колледж', report: 'COL01.xlsx' },
] as const;

export const SOUTH_CODES = SOUTH_ORGANIZATIONS.map((o) => o.code);

export const REGION_ACCOUNTS = {
  region: { login: 'minobr', password: 'minobr-e2e-2025' },
  north: { login: 'sever-komitet', password: 'sever-e2e-2025' },
} as const;

const DEMO = join(ROOT, 'data/demo');

/** The demo registry with the second municipality's organizations added below its own. */
async function regionRegistry(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(DEMO, 'registry.xlsx'));
  const sheet = workbook.getWorksheet('Организации')!;
  const headers = sheet.getRow(1).values as unknown[];
  const column = (header: string) => {
    const index = headers.findIndex((h) => typeof h === 'string' && h.replace(' *', '') === header);
    if (index < 1) throw new Error(`The demo registry has no column «${header}».`);
    return index;
  };
  let last = 1;
  sheet.eachRow((row, number) => {
    if (row.getCell(1).value) last = number;
  });
  SOUTH_ORGANIZATIONS.forEach((organization, index) => {
    const row = sheet.getRow(last + 1 + index);
    row.getCell(column('Код')).value = organization.code;
    row.getCell(column('Наименование')).value = organization.name;
    row.getCell(column('Тип')).value = organization.type;
    row.getCell(column('Муниципалитет')).value = SOUTH;
    row.commit();
  });
  await workbook.xlsx.writeFile(file);
}

/** A demo report of 2024/2025 sent as another organization's: its Титул names that code. */
export async function reportAs(report: string, code: string, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(DEMO, '2024-2025', report));
  const title = workbook.getWorksheet('Титул')!;
  let found = false;
  title.eachRow((row) => {
    if (String(row.getCell(1).value).startsWith('Код организации')) {
      row.getCell(2).value = code;
      found = true;
    }
  });
  if (!found) throw new Error(`${report} has no organization code on its Титул.`);
  await workbook.xlsx.writeFile(file);
}

/** Turns the demo database into a region of two municipalities (see above), through the CLI. */
export async function prepareRegion(cli: Cli): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-region-'));
  try {
    const registry = join(dir, 'registry.xlsx');
    await regionRegistry(registry);
    // The new organizations are expected in the years already loaded: the CLI asks to confirm.
    cli('registry', 'import', registry, '--confirm');
    const reports = [];
    for (const organization of SOUTH_ORGANIZATIONS) {
      const file = join(dir, `${organization.code}.xlsx`);
      await reportAs(organization.report, organization.code, file);
      reports.push(file);
    }
    cli('import', ...reports);
    const { region, north } = REGION_ACCOUNTS;
    cli('user', 'add', '--login', region.login, '--password', region.password, '--role', 'region');
    cli(
      'user',
      'add',
      '--login',
      north.login,
      '--password',
      north.password,
      '--role',
      'committee',
      '--municipality',
      NORTH,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
