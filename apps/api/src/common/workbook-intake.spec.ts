import { loadSettings } from '../config/settings';
import { parseBudget, workbookLimits } from './workbook-intake';

// Refusals of bad values (PARSE_MEMORY_MB=0, PARSE_WORKERS=0.5, …) are the settings' (config/settings.spec.ts).
describe('parseBudget', () => {
  it('gives the defaults: 512 MiB, 60 s, two workers', () => {
    expect(parseBudget(loadSettings({}))).toEqual({ memoryMiB: 512, timeoutMs: 60_000, workers: 2 });
  });

  it('reads PARSE_MEMORY_MB, PARSE_TIMEOUT_S and PARSE_WORKERS', () => {
    expect(
      parseBudget(loadSettings({ PARSE_MEMORY_MB: '256', PARSE_TIMEOUT_S: '1.5', PARSE_WORKERS: '3' })),
    ).toEqual({ memoryMiB: 256, timeoutMs: 1500, workers: 3 });
  });
});

describe('workbookLimits', () => {
  it('gives the reader’s defaults: 20 MiB, 200,000 rows a sheet', () => {
    expect(workbookLimits(loadSettings({}))).toMatchObject({
      maxFileBytes: 20 * 1024 * 1024,
      maxRowsPerSheet: 200_000,
    });
  });

  it('reads MAX_UPLOAD_MB and MAX_ROWS_PER_SHEET', () => {
    expect(workbookLimits(loadSettings({ MAX_UPLOAD_MB: '1', MAX_ROWS_PER_SHEET: '500' }))).toMatchObject({
      maxFileBytes: 1024 * 1024,
      maxRowsPerSheet: 500,
    });
  });
});
