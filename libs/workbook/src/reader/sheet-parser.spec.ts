import { FormulaWithoutResult } from '@profmonitor/domain';
import { Readable } from 'node:stream';
import { FORMULA_ERROR } from './cell-value';
import { parseSheetRows, type ParsedRow, type SheetParts } from './sheet-parser';

const PARTS: SheetParts = {
  sharedStrings: ['Город', 'Регион'],
  isDateStyle: (style) => style === 1,
  date1904: false,
};

async function rows(xml: string, chunkSize = 1 << 16): Promise<ParsedRow[]> {
  const chunks: string[] = [];
  for (let i = 0; i < xml.length; i += chunkSize) chunks.push(xml.slice(i, i + chunkSize));
  const out: ParsedRow[] = [];
  for await (const row of parseSheetRows(Readable.from(chunks), PARTS)) out.push(row);
  return out;
}

describe('parseSheetRows', () => {
  it('gives each cell its plain value, in the column its reference names', async () => {
    const xml =
      '<worksheet><sheetData><row r="3">' +
      '<c r="B3" t="s"><v>1</v></c>' +
      '<c r="D3"><v>12.5</v></c>' +
      '<c r="E3" s="1"><v>45536</v></c>' +
      '<c r="F3" t="b"><v>0</v></c>' +
      '<c r="G3" t="inlineStr"><is><r><t>Жир</t></r><r><t xml:space="preserve">ный </t></r><rPh><t>x</t></rPh></is></c>' +
      '<c r="H3" t="e"><v>#N/A</v></c>' +
      '<c r="I3" t="str"><f>A1&amp;"!"</f><v>Да!</v></c>' +
      '<c r="J3"><f>SUM(A1:A2)</f></c>' +
      '<c r="K3" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="L3" t="b"><f>1=1</f><v>1</v></c>' +
      '<c r="M3" s="1"/>' +
      '</row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    expect(await rows(xml)).toEqual([
      {
        number: 3,
        cells: [
          null,
          'Регион',
          null,
          12.5,
          new Date(Date.UTC(2024, 8, 1)),
          false,
          'Жирный ',
          '#N/A',
          'Да!',
          new FormulaWithoutResult('SUM(A1:A2)'),
          FORMULA_ERROR,
          1,
        ],
      },
    ]);
  });

  it('numbers rows and cells without references after the ones before, and skips rows with no value', async () => {
    const xml =
      '<x:worksheet xmlns:x="urn:x"><x:sheetData>' +
      '<x:row r="2"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>' +
      '<x:row><x:c r="C3" s="2"/></x:row>' +
      '<x:row><x:c r="A4" t="s"><x:v>0</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    for (const chunkSize of [7, 1 << 16]) {
      expect(await rows(xml, chunkSize)).toEqual([
        { number: 2, cells: [1, 2] },
        { number: 4, cells: ['Город'] },
      ]);
    }
  });

  it('refuses a row number or a cell reference no spreadsheet has', async () => {
    await expect(
      rows('<worksheet><sheetData><row r="1048577"/></sheetData></worksheet>'),
    ).rejects.toMatchObject({
      code: 'corrupt',
    });
    await expect(
      rows('<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>'),
    ).rejects.toMatchObject({ code: 'corrupt' });
    await expect(rows('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row>')).rejects.toThrow();
  });
});
