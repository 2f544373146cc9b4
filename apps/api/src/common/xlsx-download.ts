import { StreamableFile } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Documents an endpoint that answers with a workbook. */
export const ProducesXlsx = () => ApiProduces(XLSX_TYPE);

/**
 * A workbook as a download. The name goes twice: plain ASCII for old clients, and the
 * Russian one (RFC 5987) that browsers show.
 */
export function xlsxDownload(content: Buffer, fileName: string): StreamableFile {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  return new StreamableFile(content, {
    type: XLSX_TYPE,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}
