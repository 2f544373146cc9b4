import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CoreModule } from '../../src/app.module';
import { RegistryService } from '../../src/organizations/registry.service';
import { ImportService } from '../../src/reports/import/import.service';
import { query } from './sql';
import { createTestDatabase, type TestDatabase } from './test-database';
import { writeXlsx, type SheetsData } from './xlsx';

/**
 * A real application context on a real database, migrated as in production: a SQLite file in a
 * temp folder, or a new database on the test PostgreSQL server (test-database.ts). Each test
 * file gets its own database.
 */
export class TestContext {
  readonly dir = mkdtempSync(join(tmpdir(), 'profmonitor-test-'));
  app!: INestApplicationContext;
  /** Set by start(); a test may also make one first (`useDatabase`) to share it with the CLI. */
  database?: TestDatabase;
  private fileCounter = 0;

  /** The database this context will start on (made now if not yet): for a CLI run beside it. */
  async useDatabase(): Promise<TestDatabase> {
    this.database ??= await createTestDatabase(this.dir);
    return this.database;
  }

  async start(): Promise<this> {
    process.env.DATABASE_URL = (await this.useDatabase()).url;
    process.env.ARCHIVE_DIR = join(this.dir, 'archive');
    const moduleRef = await Test.createTestingModule({ imports: [CoreModule] }).compile();
    this.app = await moduleRef.init();
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.database?.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  /** A path for a new file in the test folder. */
  path(name = `file-${++this.fileCounter}.xlsx`): string {
    return join(this.dir, name);
  }

  /** Writes a workbook with ExcelJS and imports it through the real pipeline. */
  async importSheets(sheets: SheetsData, fileName = `report-${++this.fileCounter}.xlsx`) {
    const path = this.path(fileName);
    await writeXlsx(path, sheets);
    return this.importFile(path);
  }

  importFile(path: string, fileName = path.split('/').pop()!) {
    return this.app.get(ImportService).importFile(path, { fileName, uploadedBy: 'test' });
  }

  /**
   * Loads a registry. `confirm` (default: on, tests set up what they mean) stores it even when it
   * changes who is expected to report in a loaded period; off, such a load is refused.
   */
  async loadRegistry(rows: (string | null)[][], confirm = true) {
    const path = this.path();
    await writeXlsx(path, {
      Организации: [['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'], ...rows],
    });
    const result = await this.app
      .get(RegistryService)
      .importFile(path, { fileName: 'registry.xlsx', uploadedBy: 'test' }, confirm);
    if (!result.accepted) throw new Error(`registry not loaded: ${JSON.stringify(result)}`);
    return result;
  }

  /** Rows of a query, as plain objects; placeholders written `?` on either database (sql.ts). */
  rows<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return query<T>(this.db, sql, parameters);
  }

  async count(table: string): Promise<number> {
    const [{ n }] = await this.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(n);
  }
}
