import { API_ERRORS, type ApiErrorCode } from '@profmonitor/domain';
import request, { type Response, type Test } from 'supertest';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { school } from './support/indicator-workbooks';
import { writeXlsx } from './support/xlsx';

/**
 * Cross-site request forgery: a page on another site makes the browser send a request that
 * carries the victim's session cookie. Refused two ways: a write must come from the app's own
 * origin, and each endpoint takes its own body type only (a foreign page can send a form or
 * text/plain without asking, JSON it cannot). The app's own pages and tools without a browser
 * (supertest here, curl, the CLI) go on working.
 */
const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;

/** The API's address as the browser sees it. */
const SITE = 'monitor.example';
const OWN = `http://${SITE}`;
const EVIL = 'https://evil.example';
const PERIOD = '2023/2024';

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  expect((await ctx.importSheets(school({ code: 'SCH01', period: PERIOD, website: true }))).outcome).toBe(
    'accepted',
  );
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

/** A request as a browser sends it to SITE from a page of `origin`. */
const from = (test: Test, origin: string) => test.set('Host', SITE).set('Origin', origin);

function expectError(response: Response, code: ApiErrorCode) {
  expect([response.status, response.body]).toEqual([
    API_ERRORS[code].status,
    { statusCode: API_ERRORS[code].status, code, message: API_ERRORS[code].message },
  ]);
}

const accountLogins = async () =>
  (await committee.get('/api/accounts').expect(200)).body.map((a: { login: string }) => a.login);
const targets = async () => (await committee.get('/api/targets').query({ period: PERIOD }).expect(200)).body;
const signsIn = async (login: string, password: string) =>
  (await request(ctx.server).post('/api/auth/login').send({ login, password })).status === 200;

describe('writes sent from another site’s page', () => {
  it('sign-in with a foreign Origin (login CSRF): 403 foreign_origin, no session cookie', async () => {
    const credentials = { login: 'committee', password: 'committee-password' };
    for (const origin of [EVIL, 'null', `http://${SITE}.evil.example`, 'http://monitor.example:8080']) {
      const response = await from(request(ctx.server).post('/api/auth/login'), origin).send(credentials);
      expectError(response, 'foreign_origin');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('an account, a target, a password, a deactivation: 403 foreign_origin and nothing changes', async () => {
    const targetsBefore = await targets();
    const me = (await committee.get('/api/accounts').expect(200)).body.find(
      (account: { login: string }) => account.login === 'committee',
    );

    expectError(
      await from(committee.post('/api/accounts'), EVIL).send({
        login: 'planted',
        password: 'planted-secret',
        role: 'committee',
      }),
      'foreign_origin',
    );
    expectError(
      await from(committee.put('/api/targets/coverage_8_11').query({ period: PERIOD }), EVIL).send({
        kind: 'atLeast',
        threshold: 0.1,
      }),
      'foreign_origin',
    );
    expectError(
      await from(committee.put('/api/auth/password'), EVIL).send({
        currentPassword: 'committee-password',
        newPassword: 'attacker-knows-it',
      }),
      'foreign_origin',
    );
    expectError(
      await from(committee.patch(`/api/accounts/${me.id}`), EVIL).send({ password: 'attacker-knows-it' }),
      'foreign_origin',
    );
    expectError(await from(committee.post('/api/auth/logout'), EVIL), 'foreign_origin');

    expect(await accountLogins()).not.toContain('planted');
    expect(await targets()).toEqual(targetsBefore);
    expect(await signsIn('committee', 'committee-password')).toBe(true);
    expect(await signsIn('committee', 'attacker-knows-it')).toBe(false);
    await committee.get('/api/auth/me').expect(200);
  });

  it('a file upload from another site is refused before it is read: nothing stored', async () => {
    const path = ctx.path('report.xlsx');
    await writeXlsx(path, school({ code: 'SCH01', period: PERIOD, website: false }));
    const uploads = await ctx.count('uploads');
    expectError(await from(committee.post('/api/uploads'), EVIL).attach('file', path), 'foreign_origin');
    expect(await ctx.count('uploads')).toBe(uploads);
  });

  it('without Origin: Sec-Fetch-Site cross-site or same-site is foreign; same-origin and none are not', async () => {
    const logout = (site: string) =>
      request(ctx.server).post('/api/auth/logout').set('Host', SITE).set('Sec-Fetch-Site', site);
    expectError(await logout('cross-site'), 'foreign_origin');
    expectError(await logout('same-site'), 'foreign_origin');
    await logout('same-origin').expect(204);
    await logout('none').expect(204);
  });

  it('without Origin and Sec-Fetch-Site: a foreign Referer is refused, the own page’s is not', async () => {
    const logout = (referer: string) =>
      request(ctx.server).post('/api/auth/logout').set('Host', SITE).set('Referer', referer);
    expectError(await logout(`${EVIL}/prize.html`), 'foreign_origin');
    await logout(`${OWN}/overview?period=2023%2F2024`).expect(204);
  });

  it('X-Forwarded-Host is not believed unless the proxy is trusted (TRUST_PROXY)', async () => {
    const response = await request(ctx.server)
      .post('/api/auth/login')
      .set('Host', '127.0.0.1:3000')
      .set('X-Forwarded-Host', SITE)
      .set('Origin', OWN)
      .send({ login: 'committee', password: 'committee-password' });
    expectError(response, 'foreign_origin');
  });

  it('reads are not refused: CORS already keeps their answers from the other site', async () => {
    await from(committee.get('/api/periods'), EVIL).expect(200);
  });
});

describe('bodies of a type the endpoint does not take', () => {
  it('sign-in as a form post or as text/plain: 415 unsupported_media_type, no session cookie', async () => {
    const form = await request(ctx.server)
      .post('/api/auth/login')
      .type('form')
      .send('login=committee&password=committee-password');
    expectError(form, 'unsupported_media_type');
    expect(form.headers['set-cookie']).toBeUndefined();
    // <form enctype="text/plain"> can make a body that reads as JSON.
    const text = await request(ctx.server)
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send('{"login":"committee","password":"committee-password"}');
    expectError(text, 'unsupported_media_type');
    expect(text.headers['set-cookie']).toBeUndefined();
  });

  it('an account, a target, a password change as form posts: 415 and nothing changes', async () => {
    const targetsBefore = await targets();
    expectError(
      await committee
        .post('/api/accounts')
        .type('form')
        .send('login=planted2&password=planted-secret&role=committee'),
      'unsupported_media_type',
    );
    expectError(
      await committee
        .put('/api/targets/coverage_8_11')
        .query({ period: PERIOD })
        .type('form')
        .send('kind=atLeast&threshold=0.1'),
      'unsupported_media_type',
    );
    expectError(
      await committee
        .put('/api/auth/password')
        .type('form')
        .send('currentPassword=committee-password&newPassword=attacker-knows-it'),
      'unsupported_media_type',
    );
    expectError(
      await committee.post('/api/accounts').field('login', 'planted3').field('role', 'committee'),
      'unsupported_media_type',
    );
    const logins = await accountLogins();
    expect(logins).not.toContain('planted2');
    expect(logins).not.toContain('planted3');
    expect(await targets()).toEqual(targetsBefore);
    expect(await signsIn('committee', 'committee-password')).toBe(true);
  });

  it('the uploads take multipart only: JSON, a form post or text is 415 not_multipart', async () => {
    const uploads = await ctx.count('uploads');
    for (const path of ['/api/uploads', '/api/registry']) {
      expectError(await committee.post(path).send({ file: 'report.xlsx' }), 'not_multipart');
      expectError(await committee.post(path).type('form').send('file=report.xlsx'), 'not_multipart');
      expectError(
        await committee.post(path).set('Content-Type', 'application/octet-stream').send(Buffer.from('PK')),
        'not_multipart',
      );
    }
    expect(await ctx.count('uploads')).toBe(uploads);
  });

  it('requests without a body need no type: sign-out', async () => {
    const agent = await ctx.signIn('employment');
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });
});

describe('the app’s own pages and tools without a browser', () => {
  it('the web app: same origin, JSON — signs in, creates an account, sets a target, changes a password', async () => {
    const page = (test: Test) => from(test, OWN).set('Sec-Fetch-Site', 'same-origin');
    const agent = request.agent(ctx.server);
    await page(agent.post('/api/auth/login'))
      .send({ login: 'committee', password: 'committee-password' })
      .expect(200);
    await page(agent.post('/api/accounts'))
      .send({ login: 'from-page', password: 'from-page-secret', role: 'employment' })
      .expect(201);
    await page(agent.put('/api/targets/coverage_8_11').query({ period: PERIOD }))
      .send({ kind: 'atLeast', threshold: 0.9 })
      .expect(200);
    const other = request.agent(ctx.server);
    await page(other.post('/api/auth/login'))
      .send({ login: 'from-page', password: 'from-page-secret' })
      .expect(200);
    await page(other.put('/api/auth/password'))
      .send({ currentPassword: 'from-page-secret', newPassword: 'from-page-secret-2' })
      .expect(204);
    // Behind a TLS-terminating proxy the page is https:// while the API is reached over http.
    await from(other.post('/api/auth/logout'), `https://${SITE}`).expect(204);
    expect(await signsIn('from-page', 'from-page-secret-2')).toBe(true);
  });

  it('a file upload from the app’s own page is read as before', async () => {
    const path = ctx.path('own-report.xlsx');
    await writeXlsx(path, school({ code: 'SCH01', period: PERIOD, website: true }));
    const response = await from(committee.post('/api/uploads'), OWN).attach('file', path);
    expect(response.status).toBe(201);
  });

  it('tools that send no Origin (curl, the CLI, supertest) pass', async () => {
    await committee
      .post('/api/accounts')
      .send({ login: 'from-tool', password: 'from-tool-secret', role: 'employment' })
      .expect(201);
  });
});

describe('behind a trusted reverse proxy, with CORS open to another origin', () => {
  const proxied = new HttpTestContext();
  const saved = { TRUST_PROXY: process.env.TRUST_PROXY, CORS_ORIGINS: process.env.CORS_ORIGINS };
  const DASHBOARD = 'https://dashboard.example';

  beforeAll(async () => {
    process.env.TRUST_PROXY = '1';
    process.env.CORS_ORIGINS = DASHBOARD;
    await proxied.start();
    await proxied.signIn('committee');
  });
  afterAll(async () => {
    await proxied.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const login = (origin: string) =>
    request(proxied.server)
      .post('/api/auth/login')
      .set('Host', '127.0.0.1:3000')
      .set('X-Forwarded-Host', SITE)
      .set('Origin', origin)
      .send({ login: 'committee', password: 'committee-password' });

  it('the forwarded host is the own origin; a listed CORS origin passes; others do not', async () => {
    await login(`https://${SITE}`).expect(200);
    const dashboard = await login(DASHBOARD).expect(200);
    expect(dashboard.headers['access-control-allow-origin']).toBe(DASHBOARD);
    expectError(await login(EVIL), 'foreign_origin');
    expectError(await login('http://127.0.0.1:3000'), 'foreign_origin');
  });
});
