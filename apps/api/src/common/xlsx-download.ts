import { StreamableFile } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Documents an endpoint that answers with a workbook. */
export const ProducesXlsx = () => ApiProduces(XLSX_TYPE);

/**
 * A workbook as a download. A Russian name goes twice: in ASCII for old clients, and as
 * RFC 5987 `filename*` that browsers show.
 */
export function xlsxDownload(content: Buffer, fileName: string): StreamableFile {
  return new StreamableFile(content, { type: XLSX_TYPE, disposition: attachment(fileName) });
}

/** `Content-Disposition` of a download named `fileName` (see xlsxDownload). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  const utf8 = ascii === fileName ? '' : `; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return `attachment; filename="${ascii}"${utf8}`;
}
