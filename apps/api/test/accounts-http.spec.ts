import request from 'supertest';
import { hashPassword, verifyPassword } from '../src/accounts/password';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';

/** Signing in and out, passwords, accounts and the audit log, over real HTTP on a real database. */
const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;

// How failed sign-ins are throttled: sign-in-throttling.spec.ts.
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

const login = (body: object) => request(ctx.server).post('/api/auth/login').send(body);
const audit = async () => (await committee.get('/api/audit').query({ limit: 20 }).expect(200)).body;

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify only the same password', async () => {
    const hash = await hashPassword('пароль-школы');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await hashPassword('пароль-школы')).not.toBe(hash);
    expect(await verifyPassword('пароль-школы', hash)).toBe(true);
    expect(await verifyPassword('пароль-школЫ', hash)).toBe(false);
    const [row] = await ctx.rows<{ password_hash: string }>(
      `SELECT password_hash FROM accounts WHERE login = 'committee'`,
    );
    expect(row.password_hash).not.toContain('committee-password');
  });
});

describe('sign in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and answers who signed in', async () => {
    await committee
      .post('/api/accounts')
      .send({ login: 'sch01', password: 'sch01-secret', role: 'school', organization: 'sch01' })
      .expect(201);
    const response = await login({ login: 'SCH01', password: 'sch01-secret' }).expect(200);
    expect(response.body).toEqual({
      login: 'sch01',
      role: 'school',
      organization: 'SCH01',
      organizationName: 'Школа № 1',
      municipality: 'Тестовый округ',
      municipalityCount: 1,
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^pm_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    // The database holds no token the cookie could be rebuilt from.
    const token = /^pm_session=([^;]+)/.exec(cookie)![1];
    const sessions = await ctx.rows<{ id: string }>('SELECT id FROM sessions');
    expect(sessions.some((s) => s.id === token)).toBe(false);
  });

  it('one answer for an unknown login and a wrong password; both go to the audit log', async () => {
    const unknown = await login({ login: 'nobody', password: 'whatever-1' }).expect(401);
    const wrong = await login({ login: 'sch01', password: 'wrong-password' }).expect(401);
    expect(unknown.body.message).toBe('Неверный логин или пароль.');
    expect(wrong.body.message).toBe(unknown.body.message);
    const entries = await audit();
    expect(entries.slice(0, 2)).toMatchObject([
      { action: 'login-failed', actor: null, target: 'sch01', details: { reason: 'wrong-password' } },
      { action: 'login-failed', actor: null, target: 'nobody', details: { reason: 'unknown-login' } },
    ]);
  });

  it('400 with Russian messages for a malformed body', async () => {
    const { body } = await login({ login: '' }).expect(400);
    expect(body.message).toEqual(expect.arrayContaining(['Укажите логин.', 'Укажите пароль.']));
  });

  it('logout ends the session', async () => {
    const agent = request.agent(ctx.server);
    await agent.post('/api/auth/login').send({ login: 'sch01', password: 'sch01-secret' }).expect(200);
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    const after = await agent.get('/api/auth/me').expect(401);
    expect(after.body.message).toBe('Войдите в систему.');
  });
});

describe('password change', () => {
  it('asks for the current password, then ends every other session of the account', async () => {
    await committee
      .post('/api/accounts')
      .send({ login: 'changer', password: 'first-secret', role: 'employment' })
      .expect(201);
    const here = request.agent(ctx.server);
    const elsewhere = request.agent(ctx.server);
    for (const agent of [here, elsewhere])
      await agent.post('/api/auth/login').send({ login: 'changer', password: 'first-secret' }).expect(200);

    const wrong = await here
      .put('/api/auth/password')
      .send({ currentPassword: 'nope', newPassword: 'second-secret' });
    // A wrong current password is a mistake in the form, not a lost session: 400, never 401.
    expect([wrong.status, wrong.body.code, wrong.body.message]).toEqual([
      400,
      'wrong_current_password',
      'Текущий пароль указан неверно.',
    ]);
    const short = await here
      .put('/api/auth/password')
      .send({ currentPassword: 'first-secret', newPassword: 'short' });
    expect([short.status, short.body.message]).toEqual([400, ['Пароль — от 8 до 200 символов.']]);

    await here
      .put('/api/auth/password')
      .send({ currentPassword: 'first-secret', newPassword: 'second-secret' })
      .expect(204);
    await here.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
    await login({ login: 'changer', password: 'first-secret' }).expect(401);
    await login({ login: 'changer', password: 'second-secret' }).expect(200);
  });
});

describe('accounts (the committee)', () => {
  it('a school account needs an organization of the registry; others take none', async () => {
    const messageOf = async (body: object, status: number) =>
      (await committee.post('/api/accounts').send(body).expect(status)).body.message;
    expect(await messageOf({ login: 'sch99', password: 'long-enough', role: 'school' }, 400)).toBe(
      'Для учётной записи школы укажите код организации из реестра.',
    );
    expect(
      await messageOf(
        { login: 'sch99', password: 'long-enough', role: 'school', organization: 'SCH99' },
        404,
      ),
    ).toBe('Организация с кодом «SCH99» не найдена в реестре.');
    expect(
      await messageOf(
        { login: 'czn2', password: 'long-enough', role: 'employment', organization: 'SCH01' },
        400,
      ),
    ).toBe('Код организации указывается только для учётной записи школы.');
    expect(await messageOf({ login: 'SCH01', password: 'long-enough', role: 'committee' }, 409)).toBe(
      'Учётная запись «sch01» уже есть.',
    );
    expect(await messageOf({ login: 'кириллица', password: 'long-enough', role: 'committee' }, 400)).toEqual([
      'Логин — от 3 до 64 латинских букв, цифр, точек, дефисов и подчёркиваний.',
    ]);
    expect(await messageOf({ login: 'ok-login', password: 'long-enough', role: 'admin' }, 400)).toEqual([
      'Роль — region, committee, school или employment.',
    ]);
    expect(
      await messageOf({ login: 'ok-login', password: 'long-enough', role: 'committee', isAdmin: true }, 400),
    ).toEqual(['Лишний параметр «isAdmin»: такого поля нет.']);
  });

  it('deactivating an account ends its sessions and its sign-ins; reactivating restores them', async () => {
    const { body: account } = await committee
      .post('/api/accounts')
      .send({ login: 'leaver', password: 'leaver-secret', role: 'employment' })
      .expect(201);
    expect(account).toMatchObject({ login: 'leaver', role: 'employment', organization: null, active: true });
    const agent = request.agent(ctx.server);
    await agent.post('/api/auth/login').send({ login: 'leaver', password: 'leaver-secret' }).expect(200);

    const { body: off } = await committee
      .patch(`/api/accounts/${account.id}`)
      .send({ active: false })
      .expect(200);
    expect(off.active).toBe(false);
    await agent.get('/api/auth/me').expect(401);
    await login({ login: 'leaver', password: 'leaver-secret' }).expect(401);

    await committee
      .patch(`/api/accounts/${account.id}`)
      .send({ active: true, password: 'leaver-new-secret' })
      .expect(200);
    await login({ login: 'leaver', password: 'leaver-new-secret' }).expect(200);
    expect(
      (await committee.get('/api/accounts').expect(200)).body.map((a: { login: string }) => a.login),
    ).toContain('leaver');
  });

  it('the committee cannot lock itself out', async () => {
    const { body: me } = await committee.get('/api/accounts').expect(200);
    const own = me.find((a: { login: string }) => a.login === 'committee');
    const { body } = await committee.patch(`/api/accounts/${own.id}`).send({ active: false }).expect(400);
    expect(body.message).toBe('Нельзя отключить собственную учётную запись.');
    await committee.get('/api/auth/me').expect(200);
  });
});

describe('audit log', () => {
  it('records account changes, target changes and sign-ins, newest first, paged back by id', async () => {
    await ctx.importSheets({
      Титул: [
        ['Показатель', 'Значение'],
        ['Код организации', 'SCH01'],
        ['Учебный год', '2023/2024'],
        ['Раздел о профессиональном самоопределении на сайте', 'Нет'],
      ],
    });
    await committee
      .put('/api/targets/coverage_8_11')
      .query({ period: '2023/2024' })
      .send({ kind: 'atLeast', threshold: 0.85 })
      .expect(200);
    const entries = await audit();
    expect(entries[0]).toMatchObject({
      actor: 'committee',
      role: 'committee',
      action: 'target-change',
      target: 'coverage_8_11 2023/2024',
      details: { target: { kind: 'atLeast', threshold: 0.85 } },
    });
    const actions = new Set(entries.map((e: { action: string }) => e.action));
    for (const action of ['account-update', 'account-create', 'login', 'logout', 'password-change'])
      expect(actions).toContain(action);
    const { body: page } = await committee
      .get('/api/audit')
      .query({ before: entries[1].id, limit: 1 })
      .expect(200);
    expect(page.map((e: { id: number }) => e.id)).toEqual([entries[2].id]);
  });

  it('has no way to change or delete an entry over the API', async () => {
    const [{ id }] = await audit();
    for (const method of ['put', 'patch', 'delete'] as const) {
      const response = await committee[method](`/api/audit/${id}`);
      expect(response.status).toBe(404);
    }
  });
});
