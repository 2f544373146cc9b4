import {
  addDays,
  calendarDate,
  periodOf,
  type NotificationView,
  type ReportState,
  type ReportStatusView,
} from '@profmonitor/domain';
import { AccountsService } from '../src/accounts/accounts.service';
import { RemindersScheduler } from '../src/campaign/reminders.scheduler';
import { RemindersService } from '../src/campaign/reminders.service';
import { cliInBackground } from './support/cli';
import { HttpTestContext } from './support/http-context';
import { grad, school } from './support/indicator-workbooks';
import { closedSmtpUrl, eventually, startSmtpServer } from './support/smtp';
import { TestContext } from './support/test-context';
import { writeXlsx, type SheetsData } from './support/xlsx';

jest.setTimeout(180_000);

/*
 * Reminders (campaign.md) through a real SMTP server started here (smtp-server), on a real
 * database, over real HTTP. The campaign's deadline is three days from today (Moscow, the
 * TIME_ZONE default): SCH01 has sent everything, SCH02 a part, SCH03 nothing, SCH04 was returned
 * with a comment, COL01 has sent nothing and no account with an address. The reminders run in
 * the server, from the CLI (another process) and after a restart: each is received once.
 */

const NOW = new Date();
const TODAY = calendarDate(NOW, 'Europe/Moscow');
const DEADLINE = addDays(TODAY, 3);
const russian = (date: string) => date.split('-').reverse().join('.');
/** The period that started last September: today is within its deadlines. */
const P = periodOf(Number(TODAY.slice(0, 4)) - 1).code;
const DAY = 86_400_000;
const COMMENT = 'В «Охвате» 8 класс: охвачено больше, чем учится. Исправьте и загрузите снова.';

const REGISTRY: (string | null)[][] = [
  ['SCH01', 'Школа № 1', 'Школа', 'Тестовый округ', null, null],
  ['SCH02', 'Гимназия № 2', 'Школа', 'Тестовый округ', null, null],
  ['SCH03', 'Школа № 3', 'Школа', 'Тестовый округ', null, null],
  ['SCH04', 'Лицей № 4', 'Школа', 'Тестовый округ', null, null],
  ['COL01', 'Политехнический колледж', 'Колледж', 'Тестовый округ', null, null],
];

/** The school accounts, with their addresses (null: none); `inactive` ones are never written to. */
const SCHOOL_ACCOUNTS: { login: string; org: string; email: string | null; inactive?: true }[] = [
  { login: 'sch01', org: 'SCH01', email: 'director@sch01.example.ru' },
  { login: 'sch02', org: 'SCH02', email: 'director@sch02.example.ru' },
  { login: 'sch02-zam', org: 'SCH02', email: 'zam@sch02.example.ru' },
  { login: 'sch03', org: 'SCH03', email: 'director@sch03.example.ru' },
  { login: 'sch03-nomail', org: 'SCH03', email: null },
  { login: 'sch03-old', org: 'SCH03', email: 'old@sch03.example.ru', inactive: true },
  { login: 'sch04', org: 'SCH04', email: 'director@школа4.рф' },
  { login: 'col01', org: 'COL01', email: null },
];

function report(code: string, sheets: 'all' | 'some'): SheetsData {
  return school({
    code,
    period: P,
    website: true,
    graduates: [grad('9', 'СПО', 'Город', '33'), grad('11', 'ВУЗ', 'Регион', '06')],
    ...(sheets === 'all' && {
      coverage: [
        [8, 50, 40, 10],
        [9, 50, 45, 20],
      ],
      teachers: [[36, '15.03.2025'], null],
      partners: [['01.09.2024', null]],
    }),
  });
}

type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;
type Reminder = { org: string; reason: string; emailed_to: string | null; email_error: string | null };

const owner = new TestContext();
let ctx: HttpTestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
// In the background: the CLI's e-mail goes to the SMTP server of this process, which must answer.
const cli = (...args: string[]) => cliInBackground(owner.database!.url, args);
let committee: Agent;

/** (Re)starts the server on the test's database with SMTP_URL as given (undefined: none). */
async function startServer(smtpUrl: string | undefined): Promise<void> {
  if (smtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = smtpUrl;
  ctx = await new HttpTestContext(owner.database!.url).start();
  committee = await ctx.signIn('committee');
}

async function restart(smtpUrl: string | undefined): Promise<void> {
  await ctx.stop();
  await startServer(smtpUrl);
}

const run = (now = NOW) => ctx.app.get(RemindersService).run(now);
const reminders = () =>
  ctx.rows<Reminder>(
    `SELECT o.code AS org, r.reason, r.emailed_to, r.email_error
       FROM reminders r JOIN organizations o ON o.id = r.organization_id ORDER BY r.id`,
  );
const signInSchool = (login: string) => ctx.signIn('school', undefined, login);
const notifications = async (agent: Agent) =>
  (await agent.get('/api/notifications').expect(200)).body as NotificationView[];
const stateOf = async (org: string): Promise<ReportState> =>
  (
    (await committee.get('/api/campaign/reports').query({ period: P, org }).expect(200))
      .body as ReportStatusView[]
  )[0].state;
/** The messages received for a recipient. */
const mailTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

async function upload(login: string, sheets: SheetsData): Promise<void> {
  const path = ctx.path();
  await writeXlsx(path, sheets);
  await (await signInSchool(login)).post('/api/uploads').attach('file', path).expect(201);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  await owner.useDatabase();
  await startServer(smtp.url);
  await ctx.loadRegistry(REGISTRY);
  const accounts = ctx.app.get(AccountsService);
  for (const { login, org, email } of SCHOOL_ACCOUNTS)
    await accounts.create(
      { login, password: `${login}-password`, role: 'school', organization: org, email },
      null,
    );
  const { body: list } = await committee.get('/api/accounts').expect(200);
  for (const { login } of SCHOOL_ACCOUNTS.filter((a) => a.inactive)) {
    const { id } = list.find((a: { login: string }) => a.login === login);
    await committee.patch(`/api/accounts/${id}`).send({ active: false }).expect(200);
  }
  // The committee's own address never gets a school's reminder.
  const { id: own } = list.find((a: { login: string }) => a.login === 'committee');
  await committee.patch(`/api/accounts/${own}`).send({ email: 'komitet@example.ru' }).expect(200);

  await upload('sch01', report('SCH01', 'all'));
  await upload('sch02', report('SCH02', 'some'));
  await upload('sch04', report('SCH04', 'all'));
  await committee.post('/api/campaign').send({ period: P, deadline: DEADLINE }).expect(201);
});

afterAll(async () => {
  await ctx?.stop();
  await owner.stop();
  await smtp?.close();
});

describe('reminders', () => {
  it('a returned report is reminded at once, with the committee’s comment, by e-mail to its school', async () => {
    await committee
      .post('/api/reviews')
      .send({ org: 'SCH04', period: P, decision: 'return', comment: COMMENT })
      .expect(201);
    await eventually(async () => (await reminders()).some((r) => r.org === 'SCH04' && r.emailed_to));
    const [mail] = mailTo('director@школа4.рф');
    expect(mailTo('director@школа4.рф')).toHaveLength(1);
    expect(mail.to).toEqual(['director@школа4.рф']);
    expect(mail.subject).toBe(`ПрофМонитор: отчёт SCH04 за ${P} возвращён на исправление`);
    expect(mail.text).toContain('Здравствуйте!');
    expect(mail.text).toContain(
      `Отчёт «Лицей № 4» (SCH04) за ${P} учебный год возвращён комитетом на исправление (committee, ${russian(TODAY)}). ` +
        `Комментарий комитета: «${COMMENT}». Исправьте книгу и загрузите её снова в разделе «Загрузка отчёта». ` +
        `Срок сдачи — ${russian(DEADLINE)}.`,
    );
    expect(mail.headers.get('from')).toBe('ПрофМонитор <noreply@localhost>');
  });

  it('three days before the deadline: the reports not sent and sent in part, once each, to the active school accounts with an address', async () => {
    const first = await run();
    expect(first).toEqual({ reminded: 3, emailed: 2, failed: 0 });
    expect(await reminders()).toEqual([
      expect.objectContaining({ org: 'SCH04', reason: expect.stringMatching(/^returned:\d+$/) }),
      // No account of the college has an address: shown in the application only.
      { org: 'COL01', reason: `before:${DEADLINE}`, emailed_to: null, email_error: null },
      {
        org: 'SCH02',
        reason: `before:${DEADLINE}`,
        emailed_to: 'director@sch02.example.ru, zam@sch02.example.ru',
        email_error: null,
      },
      {
        org: 'SCH03',
        reason: `before:${DEADLINE}`,
        emailed_to: 'director@sch03.example.ru',
        email_error: null,
      },
    ]);

    // One message per organization, to every active school account of it that has an address.
    const [sch02] = mailTo('director@sch02.example.ru');
    expect(sch02.to).toEqual(['director@sch02.example.ru', 'zam@sch02.example.ru']);
    expect(sch02.subject).toBe(`ПрофМонитор: отчёт SCH02 за ${P}: срок сдачи ${russian(DEADLINE)}`);
    expect(sch02.text).toBe(
      [
        'Здравствуйте!',
        '',
        `Срок сдачи — ${russian(DEADLINE)}, осталось 3 дня. Отчёт «Гимназия № 2» (SCH02) за ${P} учебный год ` +
          'сдан частично: не хватает листов «Охват», «Педагоги», «Партнёры». Загрузите отчёт в разделе «Загрузка отчёта».',
        '',
        'Это письмо отправлено ПрофМонитором учётным записям организации «Гимназия № 2». ' +
          'Напоминание видно и на начальной странице ПрофМонитора, пока отчёт не сдан.',
      ].join('\n'),
    );
    const [sch03] = mailTo('director@sch03.example.ru');
    expect(sch03.to).toEqual(['director@sch03.example.ru']);
    expect(sch03.text).toContain(
      `Отчёт «Школа № 3» (SCH03) за ${P} учебный год не сдан: не загружено ни одного обязательного листа.`,
    );
    expect(mailTo('old@sch03.example.ru')).toEqual([]);
    expect(mailTo('director@sch01.example.ru')).toEqual([]);
    expect(mailTo('komitet@example.ru')).toEqual([]);
    expect(smtp.messages).toHaveLength(3);

    const audit = await ctx.rows<{ actor: string; target: string; details: string }>(
      `SELECT actor, target, details FROM audit_log WHERE action = 'reminder' ORDER BY id`,
    );
    expect(audit.map((entry) => ({ ...entry, details: JSON.parse(entry.details) }))).toEqual([
      expect.objectContaining({ actor: 'system', target: `SCH04 ${P}` }),
      expect.objectContaining({ target: `COL01 ${P}` }),
      {
        actor: 'system',
        target: `SCH02 ${P}`,
        details: {
          org: 'SCH02',
          period: P,
          reason: `before:${DEADLINE}`,
          emailedTo: 'director@sch02.example.ru, zam@sch02.example.ru',
          emailError: null,
        },
      },
      expect.objectContaining({ target: `SCH03 ${P}` }),
    ]);
  });

  it('is not sent twice: run again, from the CLI, the next day, after a restart', async () => {
    expect(await run()).toEqual({ reminded: 0, emailed: 0, failed: 0 });
    const fromCli = await cli('reminders', 'send');
    expect(`${fromCli.code}: ${fromCli.stdout.trim()}`).toBe(
      '0: Напоминать некому: всё, чему пора, уже отправлено.',
    );
    expect(await run(new Date(NOW.getTime() + DAY))).toEqual({ reminded: 0, emailed: 0, failed: 0 });
    await restart(smtp.url);
    expect(await run()).toEqual({ reminded: 0, emailed: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(3);
    expect(await reminders()).toHaveLength(4);
  });

  it('the day after the deadline and later: an «after» reminder once (from the CLI)', async () => {
    const after = new Date(NOW.getTime() + 4 * DAY).toISOString();
    const bad = await cli('reminders', 'send', '--now', '31.12.2026');
    expect(`${bad.code}: ${bad.stderr.trim()}`).toBe(
      '2: --now «31.12.2026»: укажите дату или дату и время ISO 8601, например 2026-06-12 или 2026-06-12T09:00.',
    );
    const sent = await cli('reminders', 'send', '--now', after);
    expect(`${sent.code}: ${sent.stdout.trim()}`).toBe(
      '0: Напоминаний: 3; писем отправлено: 2, не отправлено: 0.',
    );
    expect((await cli('reminders', 'send', '--now', after)).stdout.trim()).toBe(
      'Напоминать некому: всё, чему пора, уже отправлено.',
    );
    expect(await run(new Date(after))).toEqual({ reminded: 0, emailed: 0, failed: 0 });
    expect(await run(new Date(NOW.getTime() + 10 * DAY))).toEqual({ reminded: 0, emailed: 0, failed: 0 });

    const late = mailTo('director@sch03.example.ru');
    expect(late).toHaveLength(2);
    expect(late[1].subject).toBe(
      `ПрофМонитор: отчёт SCH03 за ${P} не сдан, срок прошёл ${russian(DEADLINE)}`,
    );
    expect(late[1].text).toContain(
      `Срок сдачи прошёл ${russian(DEADLINE)}. Отчёт «Школа № 3» (SCH03) за ${P} учебный год не сдан`,
    );
    expect(mailTo('zam@sch02.example.ru')).toHaveLength(2);
    // A returned report is reminded of its return, not of the deadline.
    expect(mailTo('director@школа4.рф')).toHaveLength(1);
    expect((await reminders()).map((r) => `${r.org} ${r.reason}`).slice(4)).toEqual([
      `COL01 after:${DEADLINE}`,
      `SCH02 after:${DEADLINE}`,
      `SCH03 after:${DEADLINE}`,
    ]);
  });

  it('a school sees its organization’s reminders, newest first, until its report is sent; others see none', async () => {
    const sch03 = await signInSchool('sch03-nomail');
    const shown = await notifications(sch03);
    expect(shown.map((n) => [n.organization, n.period, n.reason])).toEqual([
      ['SCH03', P, 'after-deadline'],
      ['SCH03', P, 'before-deadline'],
    ]);
    expect(shown[1].message).toBe(
      `Срок сдачи — ${russian(DEADLINE)}, осталось 3 дня. Отчёт «Школа № 3» (SCH03) за ${P} учебный год ` +
        'не сдан: не загружено ни одного обязательного листа. Загрузите отчёт в разделе «Загрузка отчёта».',
    );
    const sch04 = await notifications(await signInSchool('sch04'));
    expect(sch04.map((n) => n.reason)).toEqual(['returned']);
    expect(sch04[0].message).toContain(`Комментарий комитета: «${COMMENT}»`);
    expect(await notifications(await signInSchool('sch01'))).toEqual([]);
    expect(await notifications(committee)).toEqual([]);
    expect(await notifications(await ctx.signIn('employment'))).toEqual([]);

    // Sent: the reminders are gone; a returned report corrected: its reminder too.
    await upload('sch03', report('SCH03', 'all'));
    expect(await stateOf('SCH03')).toBe('сдан');
    expect(await notifications(sch03)).toEqual([]);
    await upload('sch04', report('SCH04', 'all'));
    expect(await stateOf('SCH04')).toBe('сдан');
    expect(await notifications(await signInSchool('sch04'))).toEqual([]);
    // Still partial: still shown.
    expect((await notifications(await signInSchool('sch02'))).map((n) => n.reason)).toEqual([
      'after-deadline',
      'before-deadline',
    ]);
  });

  it('with the SMTP server down: no crash, the reminder is stored with the error; a moved deadline is a new reason', async () => {
    await restart(await closedSmtpUrl());
    const moved = addDays(TODAY, 2);
    await committee.patch('/api/campaign').query({ period: P }).send({ deadline: moved }).expect(200);
    expect(await run()).toEqual({ reminded: 2, emailed: 0, failed: 1 });
    const [col01, sch02] = (await reminders()).slice(7);
    expect(sch02).toMatchObject({ org: 'SCH02', reason: `before:${moved}`, emailed_to: null });
    expect(sch02.email_error).toMatch(/ECONNREFUSED|connect/i);
    expect(col01).toEqual({ org: 'COL01', reason: `before:${moved}`, emailed_to: null, email_error: null });
    // Shown in the application all the same, and not tried again.
    expect((await notifications(await signInSchool('sch02')))[0].message).toContain(
      `Срок сдачи — ${russian(moved)}, осталось 2 дня.`,
    );
    expect(await run()).toEqual({ reminded: 0, emailed: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(5);
  });

  it('without SMTP_URL: in the application only; on the deadline day it says «сегодня»', async () => {
    await restart(undefined);
    const moved = TODAY;
    await committee.patch('/api/campaign').query({ period: P }).send({ deadline: moved }).expect(200);
    expect(await run()).toEqual({ reminded: 2, emailed: 0, failed: 0 });
    expect((await reminders()).slice(9)).toEqual([
      { org: 'COL01', reason: `before:${moved}`, emailed_to: null, email_error: null },
      { org: 'SCH02', reason: `before:${moved}`, emailed_to: null, email_error: null },
    ]);
    expect((await notifications(await signInSchool('sch02-zam')))[0].message).toContain(
      `Срок сдачи — сегодня, ${russian(moved)}. Отчёт «Гимназия № 2» (SCH02)`,
    );
    expect(smtp.messages).toHaveLength(5);
  });

  it('the server and a cron job at the same moment: each reminder once', async () => {
    await restart(smtp.url);
    const moved = addDays(TODAY, 1);
    await committee.patch('/api/campaign').query({ period: P }).send({ deadline: moved }).expect(200);
    const [fromCli, inServer] = await Promise.all([cli('reminders', 'send'), run()]);
    expect(fromCli.code).toBe(0);
    const fromCliCount = /Напоминаний: (\d+)/.exec(fromCli.stdout)?.[1] ?? '0';
    expect(Number(fromCliCount) + inServer.reminded).toBe(2);
    expect((await reminders()).slice(11).map((r) => `${r.org} ${r.reason}`)).toEqual([
      `COL01 before:${moved}`,
      `SCH02 before:${moved}`,
    ]);
    await eventually(() => smtp.messages.length === 6);
    expect(smtp.messages[5].to).toEqual(['director@sch02.example.ru', 'zam@sch02.example.ru']);
    expect(smtp.messages[5].text).toContain(`Срок сдачи — ${russian(moved)}, осталось 1 день.`);
  });

  it('a closed campaign reminds nobody', async () => {
    await committee.patch('/api/campaign').query({ period: P }).send({ open: false }).expect(200);
    expect(await run(new Date(NOW.getTime() + 30 * DAY))).toEqual({ reminded: 0, emailed: 0, failed: 0 });
  });

  it('the server runs them on a timer (REMINDERS_EVERY_MINUTES), the CLI’s context has no timer', async () => {
    expect(ctx.app.get(RemindersScheduler).scheduled).toBe(true);
    await ctx.app.get(RemindersScheduler).tick();
    process.env.REMINDERS_EVERY_MINUTES = '0';
    try {
      await restart(smtp.url);
      expect(ctx.app.get(RemindersScheduler).scheduled).toBe(false);
    } finally {
      delete process.env.REMINDERS_EVERY_MINUTES;
    }
    const core = await new TestContext().start();
    try {
      expect(() => core.app.get(RemindersScheduler)).toThrow();
    } finally {
      await core.stop();
    }
  });
});
