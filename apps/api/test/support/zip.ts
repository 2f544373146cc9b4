// The byte-level zip writer lives with the reader's own test fixtures; this adapts it.
import { buildZip, unzipEntries } from '../../../../libs/workbook/src/reader/test-fixtures';

/** The parts of a zip file (a workbook) with their bytes. */
export { unzipEntries };

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** Store deflated (default) or as is. */
  deflate?: boolean;
  /** The uncompressed size written into the headers; a lie makes a size-mismatch bomb. */
  declaredSize?: number;
}

/** A minimal zip (no data descriptors, no zip64): archives that are not workbooks, or whose headers lie. */
export function zipBuffer(entries: ZipEntry[]): Buffer {
  return buildZip(
    entries.map((entry) => ({
      name: entry.name,
      data: entry.data,
      method: entry.deflate === false ? 0 : 8,
      declaredSize: entry.declaredSize,
    })),
  );
}

/**
 * The smallest parts a reader takes for a workbook with one sheet; `sheetXml` is the sheet's
 * whole `<worksheet>` part.
 */
export function minimalWorkbookEntries(sheetXml: string, sheetName = 'Лист1'): ZipEntry[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ];
}
