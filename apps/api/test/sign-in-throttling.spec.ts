import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { LoginFailuresRepository } from '../src/accounts/login-failures.repository';
import { LoginThrottle } from '../src/accounts/login-throttle';
import { HttpTestContext } from './support/http-context';

/**
 * Password guessing is slowed without locking the owners out: only failures count, per
 * (login, address) and, more loosely, per address; waits grow from 1 to 15 minutes; a success
 * clears its pair; someone else's failures never delay the owner at the owner's own address.
 * The same limiter guards the current password of a password change. Addresses come from
 * X-Forwarded-For (TRUST_PROXY=1), as behind the production proxy. The failures are kept in
 * the database: a second server on the same database counts them too.
 */
const ctx = new HttpTestContext();
let other: HttpTestContext;
const trustProxy = process.env.TRUST_PROXY;
const MINUTE = 60_000;
// Every password checked is a 32 MiB scrypt: dozens of them take seconds.
jest.setTimeout(30_000);

beforeAll(async () => {
  process.env.TRUST_PROXY = '1';
  await ctx.start();
  for (const login of ['komitet', 'czn', 'operator', 'owner', 'changer', 'shared'])
    await ctx.signIn('committee', undefined, login);
  other = await new HttpTestContext(ctx.database!.url).start();
});
afterAll(async () => {
  await other?.stop();
  await ctx.stop();
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
});

// The limiter's clock stands still unless a test moves it: the waits are exact, however long
// the checks take on this machine.
let now = Date.now();
const advance = (ms: number) => (now += ms);
beforeAll(() => {
  for (const server of [ctx, other]) server.app.get(LoginThrottle).clock = () => now;
});

/** Every address in its own test: the per-address budget is not shared between tests. */
let lastAddress = 0;
const newAddress = () => `198.51.100.${++lastAddress}`;

const signIn = (login: string, password: string, address: string, on = ctx) =>
  request(on.server).post('/api/auth/login').set('X-Forwarded-For', address).send({ login, password });
const rightPassword = (login: string) => `${login}-password`;

/** Attempts one after another; their statuses. */
async function statuses(attempts: (() => Promise<Response>)[]) {
  const result: number[] = [];
  for (const attempt of attempts) result.push((await attempt()).status);
  return result;
}
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

function expectWait(response: Response, seconds: number, what = 'входа') {
  expect([response.status, response.body]).toEqual([
    429,
    {
      statusCode: 429,
      code: 'too_many_attempts',
      message: `Слишком много неудачных попыток ${what}. Повторите через ${Math.ceil(seconds / 60)} мин.`,
      retryAfter: seconds,
    },
  ]);
  expect(response.headers['retry-after']).toBe(String(seconds));
}

describe('sign-in', () => {
  it('successful sign-ins are never counted: 12 of one login and 22 from one address in a minute', async () => {
    const office = newAddress();
    const attempts = [
      ...times(12, () => () => signIn('komitet', rightPassword('komitet'), office)),
      ...times(5, () => () => signIn('czn', rightPassword('czn'), office)),
      ...times(5, () => () => signIn('operator', rightPassword('operator'), office)),
    ];
    expect(await statuses(attempts)).toEqual(times(22, () => 200));
  });

  it('5 wrong passwords for a login from an address: that pair waits a minute, the owner elsewhere does not', async () => {
    const attacker = newAddress();
    const answers: Response[] = [];
    for (let i = 0; i < 10; i++) answers.push(await signIn('owner', `guess-${i}`, attacker));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expectWait(answers[5], 60);
    // Refused before the password is checked: even the right one waits at that address.
    expectWait(await signIn('owner', rightPassword('owner'), attacker), 60);
    // The owner at their own address is not locked out by someone else's guesses.
    await signIn('owner', rightPassword('owner'), newAddress()).expect(200);
    // Nor is another login at the attacker's address (the address budget is looser).
    await signIn('czn', rightPassword('czn'), attacker).expect(200);
  });

  it('waits grow 1, 2, 4, 8, then 15 minutes at most; a success clears them', async () => {
    const address = newAddress();
    const wrong = () => signIn('komitet', 'not-the-password', address);
    expect(await statuses(times(5, () => wrong))).toEqual([401, 401, 401, 401, 401]);
    for (const seconds of [60, 120, 240, 480, 900, 900]) {
      expectWait(await wrong(), seconds);
      advance(seconds * 1000 - 1000);
      expectWait(await wrong(), 1);
      advance(1000);
      await wrong().expect(401);
    }
    expectWait(await signIn('komitet', rightPassword('komitet'), address), 900);
    advance(15 * MINUTE);
    await signIn('komitet', rightPassword('komitet'), address).expect(200);
    // Cleared: five failures again before the first wait.
    expect(await statuses(times(6, () => wrong))).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('failures are forgotten a day later', async () => {
    const address = newAddress();
    const wrong = () => signIn('czn', 'not-the-password', address);
    expect(await statuses(times(6, () => wrong))).toEqual([401, 401, 401, 401, 401, 429]);
    advance(24 * 60 * MINUTE);
    expect(await statuses(times(6, () => wrong))).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('one address cannot try many logins: after 30 failures there every login waits, elsewhere none', async () => {
    const sprayer = newAddress();
    const guesses = await Promise.all(times(30, (i) => signIn(`guess${i}`, 'Password1', sprayer)));
    expect(guesses.map((r) => r.status)).toEqual(times(30, () => 401));
    expectWait(await signIn('komitet', rightPassword('komitet'), sprayer), 60);
    expectWait(await signIn('guess99', 'Password1', sprayer), 60);
    await signIn('komitet', rightPassword('komitet'), newAddress()).expect(200);
  });

  it('guesses sent all at once cannot outrun the count: 5 are checked, the rest wait', async () => {
    const address = newAddress();
    const answers = await Promise.all(times(12, (i) => signIn('operator', `parallel-${i}`, address)));
    const counted = answers.map((r) => r.status).sort();
    expect(counted).toEqual([...times(5, () => 401), ...times(7, () => 429)]);
    for (const answer of answers.filter((r) => r.status === 429)) expectWait(answer, 60);
  });
});

describe('several servers on one database', () => {
  it('failures on one server count on the other: guesses alternated between them stop after 5', async () => {
    const address = newAddress();
    const servers = [ctx, other];
    const answers = await statuses(
      times(7, (i) => () => signIn('shared', `guess-${i}`, address, servers[i % 2])),
    );
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expectWait(await signIn('shared', rightPassword('shared'), address, ctx), 60);
    expectWait(await signIn('shared', rightPassword('shared'), address, other), 60);
    // A success on one clears the pair for both.
    advance(MINUTE);
    await signIn('shared', rightPassword('shared'), address, other).expect(200);
    expect(
      await statuses(times(6, (i) => () => signIn('shared', `again-${i}`, address, servers[i % 2]))),
    ).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('guesses sent all at once to both servers cannot outrun the count', async () => {
    const address = newAddress();
    const answers = await Promise.all(
      times(12, (i) => signIn('shared', `parallel-${i}`, address, i % 2 ? other : ctx)),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([...times(5, () => 401), ...times(7, () => 429)]);
  });
});

describe('LOGIN_FAILURES_PER_ADDRESS: the budget of one address across logins', () => {
  it('past the configured number of failures within an hour, every login from there waits a minute', async () => {
    const throttle = new LoginThrottle(ctx.app.get(DataSource), ctx.app.get(LoginFailuresRepository), {
      loginFailuresPerAddress: 8,
    });
    throttle.clock = () => now;
    const address = newAddress();
    for (let i = 0; i < 8; i++) await throttle.begin('sign-in', `budget-login${i}`, address);
    await expect(throttle.begin('sign-in', 'budget-komitet', address)).rejects.toMatchObject({
      code: 'too_many_attempts',
      details: { retryAfter: 60 },
    });
    // Another address is not affected, and the first may go on after the minute.
    await expect(throttle.begin('sign-in', 'budget-komitet', newAddress())).resolves.toBeDefined();
    advance(MINUTE);
    await expect(throttle.begin('sign-in', 'budget-komitet', address)).resolves.toBeDefined();
  });
});

describe('password change', () => {
  it('5 wrong current passwords: the 6th try waits; the session stays; another address is not delayed', async () => {
    const address = newAddress();
    const here = request.agent(ctx.server).set('X-Forwarded-For', address);
    await here.post('/api/auth/login').send({ login: 'changer', password: 'changer-password' }).expect(200);
    const change = (currentPassword: string) =>
      here.put('/api/auth/password').send({ currentPassword, newPassword: 'changer-password-2' });

    for (let i = 0; i < 5; i++) {
      const wrong = await change(`guess-${i}`);
      expect([wrong.status, wrong.body.code]).toEqual([400, 'wrong_current_password']);
    }
    expectWait(await change('changer-password'), 60, 'ввести текущий пароль');
    await here.get('/api/auth/me').expect(200);

    const elsewhere = request.agent(ctx.server).set('X-Forwarded-For', newAddress());
    await elsewhere
      .post('/api/auth/login')
      .send({ login: 'changer', password: 'changer-password' })
      .expect(200);
    await elsewhere
      .put('/api/auth/password')
      .send({ currentPassword: 'changer-password', newPassword: 'changer-password-2' })
      .expect(204);
  });
});
