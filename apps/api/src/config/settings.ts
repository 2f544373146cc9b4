import { isTimeZone } from '@profmonitor/domain';
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PARSE_BUDGET } from '../reports/import/parse-workers';

/**
 * Every environment variable the API and the CLI read, in one table: its type, its default,
 * whether production requires it, and what it means. loadSettings reads them all at once and
 * refuses the lot with one message when any is wrong; nothing else reads `process.env`.
 * The README's configuration table is generated from this one (`npm run docs`).
 */

/** What one variable accepts: parses its text, or says it cannot. */
export interface SettingType<T> {
  /** Russian, to follow «ожидается»: «целое число от 1 до 200 (мегабайт)». */
  readonly accepts: string;
  /** The value, or undefined when the text is not one. */
  parse(text: string): T | undefined;
  /** The value as one would write it in the environment (for the docs). */
  format(value: T): string;
  /** The value never appears in messages. */
  readonly secret?: boolean;
}

export interface Setting<T> {
  env: string;
  type: SettingType<Exclude<T, undefined>>;
  /** When the variable is unset or blank; a function when it depends on the mode or the machine. */
  default: T | ((mode: { production: boolean }) => T);
  /** The default as the docs write it, where formatting the value would not say it. */
  defaultDoc?: string;
  /** `NODE_ENV=production` refuses to start without it. */
  requiredInProduction?: boolean;
  /** Russian, one line: what the variable sets. */
  description: string;
}

const unitSuffix = (unit?: string) => (unit ? ` (${unit})` : '');

export function integer(min: number, max: number, unit?: string): SettingType<number> {
  return {
    accepts: `целое число от ${min} до ${max}${unitSuffix(unit)}`,
    parse: (text) => {
      if (!/^[+-]?\d+$/.test(text)) return undefined;
      const n = Number(text);
      return n >= min && n <= max ? n : undefined;
    },
    format: String,
  };
}

/** A positive decimal number: `1.5`, `60`. */
export function positiveNumber(unit?: string): SettingType<number> {
  return {
    accepts: `положительное число${unitSuffix(unit)}, дробная часть через точку`,
    parse: (text) => {
      if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
      const n = Number(text);
      return n > 0 ? n : undefined;
    },
    format: String,
  };
}

export const boolean: SettingType<boolean> = {
  accepts: 'true или false',
  parse: (text) => (text === 'true' ? true : text === 'false' ? false : undefined),
  format: String,
};

export function oneOf<const T extends string>(values: readonly T[]): SettingType<T> {
  return {
    accepts: `одно из значений: ${values.join(', ')}`,
    parse: (text) => values.find((value) => value === text),
    format: String,
  };
}

/** Text matching a pattern: a URL of a given scheme, a host name. */
export function matching(pattern: RegExp, accepts: string): SettingType<string> {
  return { accepts, parse: (text) => (pattern.test(text) ? text : undefined), format: String };
}

/** A secret: at least `minLength` characters, never shown in a message. */
export function secret(minLength: number, accepts: string): SettingType<string> {
  return {
    accepts,
    parse: (text) => (text.length >= minLength ? text : undefined),
    format: () => '…',
    secret: true,
  };
}

/** A file system path; a relative one is taken from the working directory at start. */
export function filePath(what: string): SettingType<string> {
  return {
    accepts: `${what}; относительный путь считается от рабочей папки`,
    parse: (text) => (text.includes('\0') ? undefined : resolve(text)),
    format: String,
  };
}

/** Comma-separated items of one type; blanks between commas are dropped. */
export function list<T>(item: SettingType<T>, accepts: string): SettingType<readonly T[]> {
  return {
    accepts,
    parse: (text) => {
      const items = text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => item.parse(part));
      return items.every((value) => value !== undefined) ? Object.freeze(items as T[]) : undefined;
    },
    format: (values) => values.map((value) => item.format(value)).join(','),
  };
}

const setting = <T>(definition: Setting<T>): Setting<T> => definition;

export const NODE_ENVS = ['development', 'production', 'test'] as const;

const MIB = 1024 * 1024;
/** The repository's root, from apps/api/src/config. */
const ROOT = resolve(__dirname, '..', '..', '..', '..');

export const SETTINGS_TABLE = {
  nodeEnv: setting<(typeof NODE_ENVS)[number]>({
    env: 'NODE_ENV',
    type: oneOf(NODE_ENVS),
    default: 'development',
    description: 'режим: production требует SESSION_SECRET и включает Secure-cookie',
  }),
  port: setting({
    env: 'PORT',
    type: integer(0, 65535),
    default: 3000,
    description: 'порт HTTP-сервера (0 — любой свободный)',
  }),
  host: setting({
    env: 'HOST',
    type: matching(/^[\w.:%[\]-]+$/, 'имя или IP-адрес, например 127.0.0.1 или 0.0.0.0'),
    default: '127.0.0.1',
    description: 'адрес, на котором сервер принимает соединения',
  }),
  webDist: setting({
    env: 'WEB_DIST',
    type: filePath('путь к папке'),
    default: join(ROOT, 'apps', 'web', 'dist'),
    defaultDoc: '`apps/web/dist`',
    description: 'собранное веб-приложение, которое раздаёт сервер (нет папки — только API)',
  }),
  databaseUrl: setting({
    env: 'DATABASE_URL',
    type: matching(
      /^(sqlite:.+|postgres(ql)?:\/\/\S+)$/,
      'sqlite:<путь к файлу> или postgres://пользователь:пароль@хост:порт/база',
    ),
    default: 'sqlite:data/profmonitor.sqlite',
    description:
      'база данных: файл SQLite (по умолчанию; `npm start` берёт sqlite:data/demo.sqlite) или сервер PostgreSQL 15 для региона',
  }),
  uploadDir: setting({
    env: 'UPLOAD_DIR',
    type: filePath('путь к папке'),
    // The files live for one request, so the temp dir is their place: it exists and is writable
    // wherever the server runs (a read-only checkout, a container), it is not backed up with the
    // database, and it does not mix with the repository's `data/`. The uid keeps two accounts on
    // one machine apart; someone else's folder of that name is refused at start (upload-folder.ts).
    default: () => join(tmpdir(), `profmonitor-uploads-${process.getuid?.() ?? userInfo().username}`),
    defaultDoc: 'папка пользователя во временной папке ОС',
    description: 'личная папка (0700, файлы 0600), где ждут загрузки; очищается при старте; одна на процесс',
  }),
  archiveDir: setting({
    env: 'ARCHIVE_DIR',
    type: filePath('путь к папке'),
    // Kept for good, like the database: beside it in `data/`, backed up with it.
    default: () => resolve('data', 'archive'),
    defaultDoc: '`data/archive` (от рабочей папки)',
    description:
      'исходные файлы загрузок (папка 0700, файлы 0600), по одному на содержимое (SHA-256): их скачивают со страницы загрузки; у нескольких экземпляров API папка общая',
  }),
  professionsFile: setting({
    env: 'PROFESSIONS_FILE',
    type: filePath('путь к файлу CSV'),
    default: join(ROOT, 'data', 'professions.csv'),
    defaultDoc: '`data/professions.csv`',
    description:
      'справочник «профессия → область», добавляется в базу при старте (имеющиеся строки остаются)',
  }),
  maxUploadMb: setting({
    env: 'MAX_UPLOAD_MB',
    type: integer(1, 200, 'мегабайт'),
    default: DEFAULT_LIMITS.maxFileBytes / MIB,
    description: 'наибольший размер принимаемой книги, МиБ',
  }),
  maxRowsPerSheet: setting({
    env: 'MAX_ROWS_PER_SHEET',
    type: integer(1, 1_048_576, 'строк'),
    default: DEFAULT_LIMITS.maxRowsPerSheet,
    description: 'наибольшее число строк на листе',
  }),
  parseMemoryMb: setting({
    env: 'PARSE_MEMORY_MB',
    type: positiveNumber('мегабайт'),
    default: DEFAULT_PARSE_BUDGET.memoryMiB,
    description: 'куча потока, читающего одну книгу; книга, которой нужно больше, отклоняется',
  }),
  parseTimeoutS: setting({
    env: 'PARSE_TIMEOUT_S',
    type: positiveNumber('секунд'),
    default: DEFAULT_PARSE_BUDGET.timeoutMs / 1000,
    description: 'время на чтение и проверку одной книги; книга, которая читается дольше, отклоняется',
  }),
  parseWorkers: setting({
    env: 'PARSE_WORKERS',
    type: integer(1, 64, 'потоков'),
    default: DEFAULT_PARSE_BUDGET.workers,
    description: 'сколько книг читается одновременно, каждая в своём потоке',
  }),
  sessionSecret: setting<string | undefined>({
    env: 'SESSION_SECRET',
    type: secret(32, 'случайная строка не короче 32 символов, например: openssl rand -base64 48'),
    default: undefined,
    defaultDoc: 'случайный на каждый запуск (сеансы кончаются с процессом)',
    requiredInProduction: true,
    description:
      'ключ HMAC, которым токены сеансов превращаются в их идентификаторы; у нескольких экземпляров API один и тот же',
  }),
  sessionTtlHours: setting({
    env: 'SESSION_TTL_HOURS',
    type: integer(1, 720, 'часов'),
    default: 12,
    description: 'сколько длится вход',
  }),
  cookieSecure: setting({
    env: 'COOKIE_SECURE',
    type: boolean,
    default: ({ production }) => production,
    defaultDoc: '`true` при NODE_ENV=production, иначе `false`',
    description: 'cookie сеанса только по HTTPS',
  }),
  corsOrigins: setting<readonly string[]>({
    env: 'CORS_ORIGINS',
    type: list(
      matching(/^https?:\/\/[^\s/,]+$/, 'origin'),
      'адреса (origin) через запятую: http(s)://хост[:порт] без пути, например https://monitor.example.ru',
    ),
    default: Object.freeze([]),
    defaultDoc: '— (CORS закрыт)',
    description: 'кому из браузера можно обращаться к API с другого адреса',
  }),
  loginFailuresPerAddress: setting({
    env: 'LOGIN_FAILURES_PER_ADDRESS',
    type: integer(5, 1_000_000, 'неудачных попыток в час'),
    default: 30,
    description:
      'неудачных попыток входа в час с одного адреса по всем логинам, после них — растущие паузы; поднимите, если весь город выходит через один адрес (NAT)',
  }),
  trustProxy: setting({
    env: 'TRUST_PROXY',
    type: integer(0, 10, 'прокси'),
    default: 0,
    defaultDoc: '`0` (не доверять)',
    description: 'сколько обратных прокси перед сервером: адрес клиента берётся из X-Forwarded-For',
  }),
  timeZone: setting({
    env: 'TIME_ZONE',
    type: {
      accepts: 'часовой пояс IANA, например Europe/Moscow или Asia/Yekaterinburg',
      parse: (text) => (isTimeZone(text) ? text : undefined),
      format: String,
    },
    default: 'Europe/Moscow',
    description:
      'часовой пояс муниципалитета: по его календарной дате судят о сроке сдачи (загрузка в день срока — вовремя)',
  }),
  reminderDaysBefore: setting({
    env: 'REMINDER_DAYS_BEFORE',
    type: integer(1, 60, 'дней'),
    default: 3,
    description: 'за сколько дней до срока напомнить организациям, не сдавшим отчёт',
  }),
  remindersEveryMinutes: setting({
    env: 'REMINDERS_EVERY_MINUTES',
    type: integer(0, 1440, 'минут'),
    default: 60,
    defaultDoc: '`60` (`0` — не рассылать из сервера, а звать `cli reminders send` по расписанию cron)',
    description: 'как часто сервер проверяет, кому пора напомнить о сроке',
  }),
  smtpUrl: setting<string | undefined>({
    env: 'SMTP_URL',
    type: {
      ...matching(/^smtps?:\/\/\S+$/, 'smtp://пользователь:пароль@хост:порт или smtps://…'),
      secret: true,
    },
    default: undefined,
    defaultDoc: '— (напоминания только в приложении)',
    description: 'почтовый сервер, через который напоминания уходят на адреса учётных записей',
  }),
  mailFrom: setting({
    env: 'MAIL_FROM',
    type: matching(/^[^\r\n]{3,200}$/, 'адрес отправителя, например ПрофМонитор <monitor@edu.example.ru>'),
    default: 'ПрофМонитор <noreply@localhost>',
    description: 'отправитель писем с напоминаниями',
  }),
};

/** A setting's value type, from its default (a computed default gives its result). */
type ValueOf<S> = S extends { default: infer D } ? (D extends (...args: never[]) => infer R ? R : D) : never;

/** The configuration in force: every value typed, checked and defaulted; frozen. */
export type Settings = { readonly [K in keyof typeof SETTINGS_TABLE]: ValueOf<(typeof SETTINGS_TABLE)[K]> };

export type Environment = Readonly<Record<string, string | undefined>>;

/** One or more variables are wrong: `problems` holds one Russian line per variable. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Неверные настройки, запуск невозможен:\n${problems.map((line) => `  ${line}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** Reads and checks every variable of the table; throws one SettingsError naming every bad one. */
export function loadSettings(env: Environment = process.env): Settings {
  // A blank variable is an unset one (as `FOO= command` leaves it).
  const text = (name: string) => env[name]?.trim() || undefined;
  const production = text('NODE_ENV') === 'production';
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, { env: name, type, default: fallback, requiredInProduction }] of Object.entries(
    SETTINGS_TABLE,
  ) as [string, Setting<unknown>][]) {
    const given = text(name);
    if (given === undefined) {
      if (production && requiredInProduction) {
        problems.push(`Не задан ${name}: при NODE_ENV=production он обязателен; ожидается ${type.accepts}`);
      }
      values[key] = typeof fallback === 'function' ? fallback({ production }) : fallback;
      continue;
    }
    const value = type.parse(given);
    if (value === undefined) {
      const shown = type.secret ? `${name} (значение скрыто, символов: ${given.length})` : `${name}=${given}`;
      problems.push(`${shown}: ожидается ${type.accepts}`);
    }
    values[key] = value;
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return Object.freeze(values) as Settings;
}

/**
 * The settings for a process about to start (the server, the CLI): a wrong setting ends it
 * with the message on stderr and exit code 1, before anything else happens.
 */
export function settingsOrExit(env?: Environment): Settings {
  try {
    return loadSettings(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
