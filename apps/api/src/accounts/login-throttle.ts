import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { SECURITY_CONFIG, type SecurityConfig } from '../config/security.config';
import { writeTransaction } from '../database/write-transaction';
import { LoginFailuresRepository, type FailureScope } from './login-failures.repository';

const MINUTE = 60_000;

/** How many failures a key may have before its delays begin, and how long failures are remembered. */
interface Budget {
  free: number;
  windowMs: number;
}

/**
 * One (login, address) pair: 5 failures free within a day, then a wait of 1 minute after the
 * 5th, 2 after the 6th, 4, 8, and 15 from the 9th on. Signing in from that address clears it.
 */
export const PAIR_BUDGET: Budget = { free: 5, windowMs: 24 * 60 * MINUTE };
/**
 * One address across every login: LOGIN_FAILURES_PER_ADDRESS (30) failures free within an hour,
 * then the same waits. Looser, so that a school behind one NAT address is not stopped by its own
 * typos; tight enough that one address cannot try a password on many logins.
 */
const ADDRESS_WINDOW_MS = 60 * MINUTE;
const FIRST_DELAY_MS = MINUTE;
const MAX_DELAY_MS = 15 * MINUTE;

export type AttemptKind = 'sign-in' | 'password';

const WHAT: Record<AttemptKind, string> = {
  'sign-in': 'входа',
  password: 'ввести текущий пароль',
};

/** A password check under way; until told otherwise it counts as a failure. */
export interface Attempt {
  succeeded(): Promise<void>;
}

/**
 * Slows password guessing without locking the owners of accounts out. Only failed checks
 * count, per (subject, address) pair and per address: a wrong password typed anywhere else never
 * delays the owner at their own address, and successful sign-ins are never counted.
 *
 * An attempt counts as a failure from the moment it starts (checking a password takes a
 * 32 MiB scrypt: parallel guesses would otherwise all pass the check before any had failed) and
 * is taken back when the password is right.
 *
 * The failures live in the database (login_failures), read and written in one write transaction
 * per attempt: every API instance on the database counts the same failures, and parallel
 * guesses sent to several instances cannot outrun the count either.
 */
@Injectable()
export class LoginThrottle {
  private readonly pairs: FailureLog;
  private readonly addresses: FailureLog;
  /** Milliseconds since the epoch; tests move it on instead of waiting minutes. */
  clock: () => number = Date.now;

  constructor(
    private readonly dataSource: DataSource,
    repository: LoginFailuresRepository,
    @Inject(SECURITY_CONFIG) config: Pick<SecurityConfig, 'loginFailuresPerAddress'>,
  ) {
    this.pairs = new FailureLog(repository, 'pair', PAIR_BUDGET);
    this.addresses = new FailureLog(repository, 'address', {
      free: config.loginFailuresPerAddress,
      windowMs: ADDRESS_WINDOW_MS,
    });
  }

  /**
   * Starts a password check for `subject` (a login, an account) from `ip`; refuses with 429
   * too_many_attempts, saying how long to wait, while either budget is spent.
   */
  async begin(kind: AttemptKind, subject: string, ip: string | null): Promise<Attempt> {
    const now = this.clock();
    const network = networkOf(ip);
    const pair = digest(`${subject}\n${network}`);
    const address = digest(network);
    const counted = await writeTransaction(this.dataSource, async (manager) => {
      const waitMs = Math.max(
        await this.pairs.waitMs(manager, pair, now),
        await this.addresses.waitMs(manager, address, now),
      );
      if (waitMs > 0) return { waitMs };
      await this.pairs.add(manager, pair, now);
      return { waitMs, addressFailure: await this.addresses.add(manager, address, now) };
    });
    if (counted.waitMs > 0) {
      const seconds = Math.ceil(counted.waitMs / 1000);
      throw new AppError(
        'too_many_attempts',
        `Слишком много неудачных попыток ${WHAT[kind]}. Повторите через ${Math.ceil(seconds / 60)} мин.`,
        { retryAfter: seconds },
      );
    }
    return {
      succeeded: () =>
        writeTransaction(this.dataSource, async (manager) => {
          await this.pairs.clear(manager, pair);
          await this.addresses.remove(manager, counted.addressFailure!);
        }),
    };
  }
}

/** The failures of one budget's keys within its window (see LoginFailuresRepository). */
class FailureLog {
  // Past free + 4 failures the delay is at its cap: older ones need not be kept.
  private readonly kept: number;

  constructor(
    private readonly repository: LoginFailuresRepository,
    private readonly scope: FailureScope,
    private readonly budget: Budget,
  ) {
    this.kept = budget.free + Math.ceil(Math.log2(MAX_DELAY_MS / FIRST_DELAY_MS));
  }

  /** How long `key` must wait before its next attempt; 0 when it may go on. */
  async waitMs(manager: EntityManager, key: string, now: number): Promise<number> {
    const recent = await this.recent(manager, key, now);
    if (recent.length < this.budget.free) return 0;
    const delay = Math.min(FIRST_DELAY_MS * 2 ** (recent.length - this.budget.free), MAX_DELAY_MS);
    return Math.max(0, recent[recent.length - 1].at + delay - now);
  }

  /** Records a failure of `key` at `now`; its id. Drops what no budget needs any more. */
  async add(manager: EntityManager, key: string, now: number): Promise<number> {
    const earlier = await this.recent(manager, key, now);
    const id = await this.repository.add(manager, this.scope, key, now);
    const surplus = earlier.length + 1 - this.kept;
    if (surplus > 0)
      await this.repository.remove(
        manager,
        earlier.slice(0, surplus).map((f) => f.id),
      );
    await this.repository.forgetBefore(manager, this.scope, now - this.budget.windowMs);
    return id;
  }

  /** Takes back one failure (an attempt that succeeded). */
  remove(manager: EntityManager, id: number): Promise<void> {
    return this.repository.remove(manager, [id]);
  }

  clear(manager: EntityManager, key: string): Promise<void> {
    return this.repository.removeKey(manager, this.scope, key);
  }

  private recent(manager: EntityManager, key: string, now: number) {
    return this.repository.recent(manager, this.scope, key, now - this.budget.windowMs, this.kept);
  }
}

/** Keys are stored hashed: fixed length, and the logins people mistype are not kept in clear. */
function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * The network an address stands for: IPv4 as it is, IPv6 by its /64 (one household or host
 * holds a whole /64, and could otherwise take a fresh address per guess).
 */
export function networkOf(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros =
    tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  const groups = [...left, ...zeros, ...right].slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${groups.join(':')}::/64`;
}
