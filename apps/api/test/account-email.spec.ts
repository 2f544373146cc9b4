import { cliOn } from './support/cli';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';

jest.setTimeout(60_000);

/**
 * Accounts' e-mail addresses, where reminders go (campaign.md): set when an account is created
 * (over HTTP and `cli user add --email`), changed and cleared, refused in Russian when not an
 * address, in the audit log.
 */
const ctx = new HttpTestContext();
const cli = cliOn(() => ctx.database!.url);
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;

const EMAIL_MESSAGE =
  'Адрес электронной почты — вида имя@домен.ru, не длиннее 254 символов, без пробелов и переводов строки.';

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

const create = (login: string, extra: object) =>
  committee
    .post('/api/accounts')
    .send({ login, password: `${login}-password`, role: 'school', organization: 'SCH01', ...extra });
const accountOf = async (login: string) =>
  (await committee.get('/api/accounts').expect(200)).body.find((a: { login: string }) => a.login === login);

describe('an account’s e-mail', () => {
  it('is optional: an account without one has null', async () => {
    const { body } = await create('no-mail', {}).expect(201);
    expect(body).toMatchObject({ login: 'no-mail', email: null });
    expect((await accountOf('committee')).email).toBeNull();
  });

  it('is kept as given (a Cyrillic domain too), changed and cleared by the committee, in the audit log', async () => {
    const { body: created } = await create('sch01-mail', { email: 'Director.SCH01@школа.рф' }).expect(201);
    expect(created.email).toBe('Director.SCH01@школа.рф');
    expect((await accountOf('sch01-mail')).email).toBe('Director.SCH01@школа.рф');

    const { body: changed } = await committee
      .patch(`/api/accounts/${created.id}`)
      .send({ email: 'zavuch@sch01.example.ru' })
      .expect(200);
    expect(changed).toMatchObject({ email: 'zavuch@sch01.example.ru', active: true });
    const [row] = await ctx.rows<{ email: string }>(`SELECT email FROM accounts WHERE login = 'sch01-mail'`);
    expect(row.email).toBe('zavuch@sch01.example.ru');

    const { body: cleared } = await committee
      .patch(`/api/accounts/${created.id}`)
      .send({ email: null })
      .expect(200);
    expect(cleared.email).toBeNull();

    const entries = (await committee.get('/api/audit').query({ limit: 5 }).expect(200)).body;
    expect(entries.slice(0, 3)).toMatchObject([
      { action: 'account-update', target: 'sch01-mail', details: { email: null } },
      { action: 'account-update', target: 'sch01-mail', details: { email: 'zavuch@sch01.example.ru' } },
      { action: 'account-create', target: 'sch01-mail', details: { email: 'Director.SCH01@школа.рф' } },
    ]);
  });

  it.each([
    ['no @', 'director.sch01.ru'],
    ['no domain', 'director@'],
    ['no dot in the domain', 'director@localhost'],
    ['a space', 'director sch01@example.ru'],
    ['a line break (a header injection)', 'director@example.ru\r\nBcc: all@example.ru'],
    ['two addresses', 'a@example.ru, b@example.ru'],
    ['a display name', 'Директор <director@example.ru>'],
    ['empty', ''],
    ['longer than 254 characters', `${'a'.repeat(64)}@${'b'.repeat(187)}.ru`],
    ['not text', 42],
  ])('is refused with a Russian message: %s', async (_case, email) => {
    const { body } = await create('bad-mail', { email }).expect(400);
    expect(body.message).toEqual([EMAIL_MESSAGE]);
    const { id } = await accountOf('no-mail');
    const { body: change } = await committee.patch(`/api/accounts/${id}`).send({ email }).expect(400);
    expect(change.message).toEqual([EMAIL_MESSAGE]);
    expect(await accountOf('bad-mail')).toBeUndefined();
    expect((await accountOf('no-mail')).email).toBeNull();
  });

  it('254 characters is still an address', async () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(186)}.ru`;
    expect(email).toHaveLength(254);
    expect((await create('long-mail', { email }).expect(201)).body.email).toBe(email);
  });

  it('cli user add --email sets it; a bad one is refused with the same message, nothing created', async () => {
    const add = (login: string, email: string) => {
      const run = cli(
        'user',
        'add',
        '--login',
        login,
        '--password',
        `${login}-password`,
        '--role',
        'school',
        '--org',
        'SCH02',
        '--email',
        email,
      );
      return `${run.code}: ${(run.stderr || run.stdout).trim()}`;
    };
    expect(add('sch02-bad', 'director@sch02\nBcc: x@example.ru')).toBe(`2: ${EMAIL_MESSAGE}`);
    expect(await accountOf('sch02-bad')).toBeUndefined();
    expect(add('sch02', 'director@sch02.example.ru')).toBe(
      '0: Учётная запись создана: sch02 (school, SCH02, Тестовый округ, director@sch02.example.ru).',
    );
    expect((await accountOf('sch02')).email).toBe('director@sch02.example.ru');
  });
});
