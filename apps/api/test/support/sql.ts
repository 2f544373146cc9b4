import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs SQL written with `?` placeholders on either database: each becomes the driver's own
 * (`?` on SQLite, `$1`, `$2`… on PostgreSQL). For tests' own statements; the application's SQL
 * goes through TypeORM's builders and repositories. Rows come back as SQLite gives them: a
 * boolean column is 1 or 0 (the entities read both databases as true/false).
 */
export async function query<T = Record<string, unknown>>(
  db: DataSource | EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const { driver } = 'driver' in db ? db : db.connection;
  let index = 0;
  const rows: unknown = await db.query(
    sql.replace(/\?/g, () => driver.createParameter(`p${index}`, index++)),
    parameters,
  );
  if (!Array.isArray(rows)) return rows as T[];
  return rows.map((row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, typeof value === 'boolean' ? Number(value) : value]),
    ),
  ) as T[];
}
