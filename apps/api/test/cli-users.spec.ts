import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { cliOn } from './support/cli';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { writeXlsx } from './support/xlsx';

jest.setTimeout(120_000);

/**
 * `user add … --role region|committee|school|employment [--municipality M] [--org C]` on a
 * registry of two municipalities, as the server's administrator runs it: who needs a
 * municipality, who may not have one, and the registry's spelling stored.
 */
describe('CLI user add: roles of a region', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-cli-users-'));
  let database: TestDatabase;
  const cli = cliOn(() => database.url);
  const add = (login: string, role: string, ...rest: string[]) =>
    cli('user', 'add', '--login', login, '--password', `${login}-password`, '--role', role, ...rest);
  /** What a person sees: the exit code, then the one line printed (the error's, or the result's). */
  const said = (run: ReturnType<typeof add>) => `${run.code}: ${(run.stderr || run.stdout).trim()}`;

  beforeAll(async () => {
    database = await createTestDatabase(dir, 'cli-users.sqlite');
    const registry = join(dir, 'registry.xlsx');
    await writeXlsx(registry, {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
        ...REGISTRY,
        ['SCH21', 'Школа № 21', 'Школа', 'Соседний район', null, null],
      ],
    });
    expect(cli('registry', 'import', registry).code).toBe(0);
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a committee must name a municipality of the registry; the registry’s spelling is stored', () => {
    expect(said(add('komitet', 'committee'))).toBe(
      '2: В реестре несколько муниципалитетов: укажите муниципалитет комитета — «Соседний район», «Тестовый округ».',
    );
    expect(said(add('komitet', 'committee', '--municipality', 'Зима'))).toBe(
      '2: Муниципалитета «Зима» нет в реестре. В реестре: «Соседний район», «Тестовый округ».',
    );
    expect(said(add('komitet', 'committee', '--municipality', '  тестовый ОКРУГ '))).toBe(
      '0: Учётная запись создана: komitet (committee, Тестовый округ).',
    );
  });

  it('an employment center: bound to a municipality, or without one the region’s', () => {
    expect(said(add('czn-sosed', 'employment', '--municipality', 'соседний район'))).toBe(
      '0: Учётная запись создана: czn-sosed (employment, Соседний район).',
    );
    expect(said(add('czn-region', 'employment'))).toBe('0: Учётная запись создана: czn-region (employment).');
  });

  it('the region and a school take no municipality: the region has all, a school its organization’s', () => {
    expect(said(add('minobr', 'region', '--municipality', 'Тестовый округ'))).toBe(
      '2: Региональное министерство работает со всеми муниципалитетами: муниципалитет для него не указывается.',
    );
    expect(said(add('minobr', 'region'))).toBe('0: Учётная запись создана: minobr (region).');
    expect(said(add('sch21', 'school', '--org', 'SCH21', '--municipality', 'Соседний район'))).toBe(
      '2: Муниципалитет школы берётся из реестра, из её организации: для учётной записи школы он не указывается.',
    );
    expect(said(add('sch21', 'school', '--org', 'sch21'))).toBe(
      '0: Учётная запись создана: sch21 (school, SCH21, Соседний район).',
    );
    expect(said(add('minobr2', 'region', '--org', 'SCH21'))).toBe(
      '2: Код организации указывается только для учётной записи школы.',
    );
    expect(said(add('boss', 'regional'))).toBe(
      '2: Неизвестная роль «regional»: укажите region, committee, school или employment.',
    );
  });

  it('the accounts sign in and say whose they are', async () => {
    const http = await new HttpTestContext(database.url).start();
    try {
      const who = async (login: string) =>
        (
          await request(http.server)
            .post('/api/auth/login')
            .send({ login, password: `${login}-password` })
            .expect(200)
        ).body;
      expect(await who('komitet')).toMatchObject({ role: 'committee', municipality: 'Тестовый округ' });
      expect(await who('minobr')).toMatchObject({ role: 'region', municipality: null });
      expect(await who('sch21')).toMatchObject({
        role: 'school',
        organization: 'SCH21',
        municipality: 'Соседний район',
      });
      expect(await who('czn-region')).toMatchObject({ role: 'employment', municipality: null });
    } finally {
      await http.stop();
    }
  });
});
