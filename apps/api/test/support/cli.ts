import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root: the CLI is run from there, as the README tells a person to. */
export const ROOT = resolve(__dirname, '../../../..');

const ENTRY = ['-r', './scripts/register.js', 'apps/api/src/cli/main.ts'];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI as a person runs it: a separate Node process on the database `databaseUrl()` names
 * (a SQLite file or a PostgreSQL database, see test-database.ts), asked when it runs.
 */
export function cliOn(databaseUrl: () => string, timeout = 30_000) {
  return (...args: string[]): CliRun => {
    const run = spawnSync(process.execPath, [...ENTRY, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl() },
      encoding: 'utf8',
      timeout,
    });
    if (run.error) throw run.error;
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
}

/** Like cliOn, without waiting: for a CLI run alongside the server. */
export function cliInBackground(databaseUrl: string, args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [...ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
