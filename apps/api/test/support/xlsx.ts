import ExcelJS from 'exceljs';

export type CellInput = ExcelJS.CellValue;
/** Sheet name → rows (arrays of cells; `undefined` leaves a cell empty). */
export type SheetsData = Record<string, CellInput[][]>;

/** Writes a workbook exactly as given: any sheet names, headers, blank rows, cell kinds. */
export async function writeXlsx(path: string, sheets: SheetsData): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, index) => {
      row.forEach((value, column) => {
        if (value !== undefined && value !== null) sheet.getCell(index + 1, column + 1).value = value;
      });
    });
  }
  await workbook.xlsx.writeFile(path);
}
