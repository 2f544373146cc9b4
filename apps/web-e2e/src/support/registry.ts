import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { ROOT } from './demo-server';

const DEMO_REGISTRY = join(ROOT, 'data/demo/registry.xlsx');
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The demo registry with the organization `code` renamed `name` and its short name cleared, so
 * that the new name is what every chart and table shows.
 */
export async function registryRenaming(code: string, name: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(DEMO_REGISTRY);
  const sheet = workbook.getWorksheet('Организации')!;
  const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === code);
  if (!row) throw new Error(`The demo registry has no ${code}.`);
  row.getCell(2).value = name;
  const shortName = (sheet.getRow(1).values as unknown[]).indexOf('Краткое наименование');
  if (shortName > 0) row.getCell(shortName).value = null;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
