import { startCluster, type Cluster } from '../../../../scripts/postgres/cluster';

// Jest's global setup for the suite's PostgreSQL run (TEST_DATABASE=postgres): a throwaway
// server for the whole run, unless TEST_POSTGRES_URL already names one. Each test makes a
// database of its own on it (test-database.ts). postgres-teardown.ts stops it.

/** Jest shares globalThis, and only it, between the global setup and teardown. */
export const holder = globalThis as { profmonitorPostgres?: Cluster };

export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE !== 'postgres' || process.env.TEST_POSTGRES_URL) return;
  holder.profmonitorPostgres = await startCluster();
  // The workers jest starts next inherit it.
  process.env.TEST_POSTGRES_URL = holder.profmonitorPostgres.url;
}
