import { parseBudgetFromEnv } from './workbook-intake';

describe('parseBudgetFromEnv', () => {
  it('gives the defaults: 512 MiB, 60 s, two workers', () => {
    expect(parseBudgetFromEnv({})).toEqual({ memoryMiB: 512, timeoutMs: 60_000, workers: 2 });
  });

  it('reads PARSE_MEMORY_MB, PARSE_TIMEOUT_S and PARSE_WORKERS', () => {
    expect(
      parseBudgetFromEnv({ PARSE_MEMORY_MB: '256', PARSE_TIMEOUT_S: '1.5', PARSE_WORKERS: '3' }),
    ).toEqual({
      memoryMiB: 256,
      timeoutMs: 1500,
      workers: 3,
    });
  });

  it.each(['0', '-1', 'много', 'Infinity'])('refuses %s at start, naming the variable', (value) => {
    expect(() => parseBudgetFromEnv({ PARSE_MEMORY_MB: value })).toThrow(
      `PARSE_MEMORY_MB должно быть положительным числом, а не «${value}».`,
    );
  });

  it('refuses a fractional number of workers', () => {
    expect(() => parseBudgetFromEnv({ PARSE_WORKERS: '0.5' })).toThrow(
      'PARSE_WORKERS должно быть целым положительным числом, а не «0.5».',
    );
  });
});
