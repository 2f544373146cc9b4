import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn } from './cli';
import { HttpTestContext } from './http-context';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The demo served over HTTP: its database, the app, and a folder for the test's files. */
export interface DemoApp {
  dir: string;
  database: TestDatabase;
  http: HttpTestContext;
  stop(): Promise<void>;
}

/**
 * The demo as a person loads it — the CLI's own `demo` command, in a database of its own (SQLite,
 * or PostgreSQL with TEST_DATABASE=postgres) — and the app serving it.
 */
export async function startDemo(prefix: string): Promise<DemoApp> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const database = await createTestDatabase(dir, 'demo.sqlite');
  const demo = cliOn(() => database.url, 90_000)('demo');
  expect(demo.stderr).toBe('');
  expect(demo.code).toBe(0);
  const http = await new HttpTestContext(database.url).start();
  return {
    dir,
    database,
    http,
    async stop() {
      await http.stop();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
