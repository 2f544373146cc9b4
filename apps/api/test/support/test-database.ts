import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseKind, type DatabaseKind } from '../../src/database/data-source';

// Which database the API suite runs on. `npm test` runs it twice: on SQLite files (the default)
// and, with TEST_DATABASE=postgres, on a throwaway PostgreSQL server that jest's global setup
// starts (test/support/postgres-setup.ts), whose superuser URL it leaves in TEST_POSTGRES_URL.

/** The database kind of this run of the suite. */
export const TEST_DATABASE: DatabaseKind = process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite';

/** A database of its own for one test, and how to drop it. */
export interface TestDatabase {
  url: string;
  kind: DatabaseKind;
  drop(): Promise<void>;
}

/**
 * A new, empty database: on SQLite a file `name` in `dir`; on PostgreSQL a new database on the
 * test server (dropped with its connections by `drop`). The application migrates it at start.
 */
export async function createTestDatabase(dir: string, name = 'test.sqlite'): Promise<TestDatabase> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    return { url: `sqlite:${join(dir, name)}`, kind: 'sqlite', drop: async () => undefined };
  }
  const database = `pm_${randomBytes(6).toString('hex')}`;
  await onServer(server, (client) => client.query(`CREATE DATABASE ${database}`));
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    kind: databaseKind(url.toString()),
    drop: () =>
      onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)),
  };
}

async function onServer(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
