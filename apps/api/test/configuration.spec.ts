import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(60_000);

/** The repository root: the server and the CLI are started from there, as the README says. */
const ROOT = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'profmonitor-configuration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs an entry point as `npm run serve` / `npm run cli` would, in the test's environment plus
 * `env`. Whatever it is, it must end on its own: a server that starts instead is killed at the
 * timeout and has no exit code.
 */
function run(entry: string, env: Record<string, string>, ...args: string[]) {
  const child = spawnSync(process.execPath, ['-r', './scripts/register.js', entry, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      SESSION_SECRET: '',
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'configuration.sqlite')}`,
      UPLOAD_DIR: join(dir, 'uploads'),
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (child.error && (child.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw child.error;
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const serve = (env: Record<string, string>) => run('apps/api/src/main.ts', env);
const cli = (env: Record<string, string>, ...args: string[]) => run('apps/api/src/cli/main.ts', env, ...args);

const BAD_UPLOAD_LIMIT = 'MAX_UPLOAD_MB=abc: ожидается целое число от 1 до 200 (мегабайт)';

describe('a wrong setting stops the process before it does anything', () => {
  it('the CLI refuses MAX_UPLOAD_MB=abc with exit code 1 and says why on stderr', () => {
    const result = cli({ MAX_UPLOAD_MB: 'abc' }, 'professions', 'list');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `Неверные настройки, запуск невозможен:\n  ${BAD_UPLOAD_LIMIT}\n`,
    });
  });

  it('the server refuses it too, listing every wrong variable at once', () => {
    const result = serve({ NODE_ENV: 'production', MAX_UPLOAD_MB: 'abc', TRUST_PROXY: 'yes' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(BAD_UPLOAD_LIMIT);
    expect(result.stderr).toContain('TRUST_PROXY=yes: ожидается целое число от 0 до 10 (прокси)');
    expect(result.stderr).toContain('Не задан SESSION_SECRET: при NODE_ENV=production он обязателен');
  });

  it('the server in production refuses to start without SESSION_SECRET, saying what to set', () => {
    const result = serve({ NODE_ENV: 'production' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Не задан SESSION_SECRET');
    expect(result.stderr).toContain('openssl rand -base64 48');
  });

  it('the server refuses a short secret without printing it', () => {
    const result = serve({ NODE_ENV: 'production', SESSION_SECRET: 'short-secret' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SESSION_SECRET (значение скрыто, символов: 12)');
    expect(result.stdout + result.stderr).not.toContain('short-secret');
  });

  it('with good settings the CLI runs', () => {
    const result = cli({ MAX_UPLOAD_MB: '50', PARSE_TIMEOUT_S: '1.5' }, 'professions', 'list');
    expect([result.code, result.stderr]).toEqual([0, '']);
  });
});
