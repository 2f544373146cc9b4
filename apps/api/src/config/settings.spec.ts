import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadSettings, SETTINGS_TABLE, SettingsError, type Environment } from './settings';
import { securityConfig } from './security.config';

/** The problems loadSettings reports for this environment (none: it loaded). */
function problems(env: Environment): readonly string[] {
  try {
    loadSettings(env);
    return [];
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
}

const ROOT = resolve(__dirname, '../../../..');
const SECRET = 'x'.repeat(32);

describe('loadSettings: defaults', () => {
  it('gives every setting its default in an empty environment', () => {
    const owner = process.getuid?.() ?? userInfo().username;
    expect(loadSettings({})).toEqual({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      webDist: join(ROOT, 'apps/web/dist'),
      databaseUrl: 'sqlite:data/profmonitor.sqlite',
      uploadDir: join(tmpdir(), `profmonitor-uploads-${owner}`),
      archiveDir: resolve('data', 'archive'),
      professionsFile: join(ROOT, 'data/professions.csv'),
      maxUploadMb: 20,
      maxRowsPerSheet: 200_000,
      parseMemoryMb: 512,
      parseTimeoutS: 60,
      parseWorkers: 2,
      sessionSecret: undefined,
      sessionTtlHours: 12,
      cookieSecure: false,
      corsOrigins: [],
      loginFailuresPerAddress: 30,
      trustProxy: 0,
      timeZone: 'Europe/Moscow',
      reminderDaysBefore: 3,
      remindersEveryMinutes: 60,
      smtpUrl: undefined,
      mailFrom: 'ПрофМонитор <noreply@localhost>',
    });
  });

  it('takes a blank variable for an unset one', () => {
    expect(loadSettings({ MAX_UPLOAD_MB: '', UPLOAD_DIR: '  ', PORT: ' ' })).toEqual(loadSettings({}));
  });

  it('is frozen, and so is its list', () => {
    const settings = loadSettings({ CORS_ORIGINS: 'https://a.example' });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.corsOrigins)).toBe(true);
  });

  it('turns Secure cookies on by default in production only', () => {
    expect(loadSettings({ NODE_ENV: 'production', SESSION_SECRET: SECRET }).cookieSecure).toBe(true);
    expect(loadSettings({ NODE_ENV: 'test' }).cookieSecure).toBe(false);
    expect(
      loadSettings({ NODE_ENV: 'production', SESSION_SECRET: SECRET, COOKIE_SECURE: 'false' }).cookieSecure,
    ).toBe(false);
  });
});

describe('loadSettings: each type takes a good value and names the variable of a bad one', () => {
  it.each([
    // integer with bounds
    ['MAX_UPLOAD_MB', '50', 'maxUploadMb', 50],
    ['PORT', '0', 'port', 0],
    ['TRUST_PROXY', '1', 'trustProxy', 1],
    // positive number
    ['PARSE_TIMEOUT_S', '1.5', 'parseTimeoutS', 1.5],
    // boolean
    ['COOKIE_SECURE', 'true', 'cookieSecure', true],
    // enumeration
    ['NODE_ENV', 'test', 'nodeEnv', 'test'],
    // pattern: a URL, a host
    [
      'DATABASE_URL',
      'sqlite:/var/lib/profmonitor.sqlite',
      'databaseUrl',
      'sqlite:/var/lib/profmonitor.sqlite',
    ],
    ['HOST', '0.0.0.0', 'host', '0.0.0.0'],
    // list
    [
      'CORS_ORIGINS',
      'https://a.example, http://localhost:5173,',
      'corsOrigins',
      ['https://a.example', 'http://localhost:5173'],
    ],
    // paths: absolute as given, relative from the working directory
    ['UPLOAD_DIR', '/srv/profmonitor/uploads', 'uploadDir', '/srv/profmonitor/uploads'],
    ['PROFESSIONS_FILE', 'data/extra.csv', 'professionsFile', join(process.cwd(), 'data/extra.csv')],
    // a secret
    ['SESSION_SECRET', SECRET, 'sessionSecret', SECRET],
    // the reporting campaign: a time zone, reminders, mail
    ['TIME_ZONE', 'Asia/Yekaterinburg', 'timeZone', 'Asia/Yekaterinburg'],
    ['REMINDER_DAYS_BEFORE', '7', 'reminderDaysBefore', 7],
    ['REMINDERS_EVERY_MINUTES', '0', 'remindersEveryMinutes', 0],
    ['SMTP_URL', 'smtps://user:pass@mail.example.ru:465', 'smtpUrl', 'smtps://user:pass@mail.example.ru:465'],
    ['MAIL_FROM', 'Комитет <monitor@edu.example.ru>', 'mailFrom', 'Комитет <monitor@edu.example.ru>'],
  ] as const)('%s=%s', (name, value, key, expected) => {
    expect(loadSettings({ [name]: value })[key]).toEqual(expected);
  });

  it.each([
    ['MAX_UPLOAD_MB', 'abc', 'MAX_UPLOAD_MB=abc: ожидается целое число от 1 до 200 (мегабайт)'],
    ['MAX_UPLOAD_MB', '201', 'MAX_UPLOAD_MB=201: ожидается целое число от 1 до 200 (мегабайт)'],
    ['MAX_UPLOAD_MB', '2.5', 'MAX_UPLOAD_MB=2.5: ожидается целое число от 1 до 200 (мегабайт)'],
    ['PORT', '65536', 'PORT=65536: ожидается целое число от 0 до 65535'],
    ['PARSE_WORKERS', '0.5', 'PARSE_WORKERS=0.5: ожидается целое число от 1 до 64 (потоков)'],
    [
      'PARSE_TIMEOUT_S',
      '1,5',
      'PARSE_TIMEOUT_S=1,5: ожидается положительное число (секунд), дробная часть через точку',
    ],
    ['COOKIE_SECURE', 'yes', 'COOKIE_SECURE=yes: ожидается true или false'],
    ['NODE_ENV', 'prod', 'NODE_ENV=prod: ожидается одно из значений: development, production, test'],
    [
      'DATABASE_URL',
      'mysql://db/profmonitor',
      'DATABASE_URL=mysql://db/profmonitor: ожидается sqlite:<путь к файлу> или postgres://пользователь:пароль@хост:порт/база',
    ],
    ['HOST', 'local host', 'HOST=local host: ожидается имя или IP-адрес, например 127.0.0.1 или 0.0.0.0'],
    [
      'CORS_ORIGINS',
      'https://a.example/app',
      'CORS_ORIGINS=https://a.example/app: ожидается адреса (origin) через запятую: http(s)://хост[:порт] без пути, например https://monitor.example.ru',
    ],
    [
      'TIME_ZONE',
      'Moscow',
      'TIME_ZONE=Moscow: ожидается часовой пояс IANA, например Europe/Moscow или Asia/Yekaterinburg',
    ],
    ['REMINDER_DAYS_BEFORE', '0', 'REMINDER_DAYS_BEFORE=0: ожидается целое число от 1 до 60 (дней)'],
    [
      'MAIL_FROM',
      'a\r\nBcc: x@y',
      'MAIL_FROM=a\r\nBcc: x@y: ожидается адрес отправителя, например ПрофМонитор <monitor@edu.example.ru>',
    ],
    [
      'UPLOAD_DIR',
      'up\0loads',
      'UPLOAD_DIR=up\0loads: ожидается путь к папке; относительный путь считается от рабочей папки',
    ],
  ])('%s=%s is refused', (name, value, message) => {
    expect(problems({ [name]: value })).toEqual([message]);
  });

  it.each(['0', '-1', 'много', 'Infinity'])(
    'refuses PARSE_MEMORY_MB=%s, as the parse budget always has',
    (value) => {
      expect(problems({ PARSE_MEMORY_MB: value })).toEqual([
        `PARSE_MEMORY_MB=${value}: ожидается положительное число (мегабайт), дробная часть через точку`,
      ]);
    },
  );

  it('never shows the mail server’s address (it holds a password), only its length', () => {
    const [message] = problems({ SMTP_URL: 'http://user:secret@mail' });
    expect(message).toBe(
      'SMTP_URL (значение скрыто, символов: 23): ожидается smtp://пользователь:пароль@хост:порт или smtps://…',
    );
  });

  it('never shows a secret, only its length', () => {
    const [message] = problems({ SESSION_SECRET: 'hunter2' });
    expect(message).toBe(
      'SESSION_SECRET (значение скрыто, символов: 7): ожидается случайная строка не короче 32 символов, например: openssl rand -base64 48',
    );
  });
});

describe('loadSettings: one error for every bad variable', () => {
  it('lists each wrong variable on its own line, in the order of the table', () => {
    const attempt = () => loadSettings({ PORT: 'http', MAX_UPLOAD_MB: 'abc', COOKIE_SECURE: '1' });
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(
      [
        'Неверные настройки, запуск невозможен:',
        '  PORT=http: ожидается целое число от 0 до 65535',
        '  MAX_UPLOAD_MB=abc: ожидается целое число от 1 до 200 (мегабайт)',
        '  COOKIE_SECURE=1: ожидается true или false',
      ].join('\n'),
    );
  });
});

describe('loadSettings: production', () => {
  it('requires SESSION_SECRET under NODE_ENV=production, and only there', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'Не задан SESSION_SECRET: при NODE_ENV=production он обязателен; ожидается случайная строка не короче 32 символов, например: openssl rand -base64 48',
    ]);
    expect(problems({ NODE_ENV: 'production', SESSION_SECRET: ' ' })).toHaveLength(1);
    expect(problems({ NODE_ENV: 'production', SESSION_SECRET: SECRET })).toEqual([]);
    expect(problems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('says a missing secret together with the other wrong variables', () => {
    expect(problems({ NODE_ENV: 'production', MAX_UPLOAD_MB: 'abc' })).toEqual([
      'MAX_UPLOAD_MB=abc: ожидается целое число от 1 до 200 (мегабайт)',
      expect.stringMatching(/^Не задан SESSION_SECRET/),
    ]);
  });

  it('marks only SESSION_SECRET as required in production', () => {
    const required = Object.values(SETTINGS_TABLE).filter((setting) => 'requiredInProduction' in setting);
    expect(required.map((setting) => setting.env)).toEqual(['SESSION_SECRET']);
  });
});

describe('securityConfig', () => {
  it('keeps the names the accounts use, derived from the settings', () => {
    const config = securityConfig(
      loadSettings({
        SESSION_SECRET: SECRET,
        SESSION_TTL_HOURS: '2',
        CORS_ORIGINS: 'https://a.example',
        LOGIN_FAILURES_PER_ADDRESS: '8',
        TRUST_PROXY: '1',
      }),
    );
    expect(config).toEqual({
      sessionSecret: Buffer.from(SECRET),
      sessionTtlMs: 2 * 3600_000,
      secureCookie: false,
      corsOrigins: ['https://a.example'],
      loginFailuresPerAddress: 8,
      trustProxy: 1,
    });
  });

  it('makes a random secret per application without SESSION_SECRET, and trusts no proxy by default', () => {
    const settings = loadSettings({});
    const [one, two] = [securityConfig(settings), securityConfig(settings)];
    expect(one.sessionSecret).toHaveLength(32);
    expect(one.sessionSecret.equals(two.sessionSecret)).toBe(false);
    expect(one.trustProxy).toBe(false);
  });
});

describe('the environment is read in one place', () => {
  /** Every TypeScript file of the API's sources but tests. */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  }

  it('only config/settings.ts reads process.env', () => {
    const src = resolve(__dirname, '..');
    const readers = sources(src)
      .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(readers).toEqual(['config/settings.ts']);
  });
});
