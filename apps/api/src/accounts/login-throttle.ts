import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { SECURITY_CONFIG, type SecurityConfig } from '../config/security.config';

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
/** Keys kept per log at most; past it the longest-quiet go first (bounded memory under a flood). */
const MAX_KEYS = 50_000;

export type AttemptKind = 'sign-in' | 'password';

const WHAT: Record<AttemptKind, string> = {
  'sign-in': 'входа',
  password: 'ввести текущий пароль',
};

/** A password check under way; until told otherwise it counts as a failure. */
export interface Attempt {
  succeeded(): void;
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
 * In memory, for one server process: several instances behind a balancer need a shared store
 * (issue 13).
 */
@Injectable()
export class LoginThrottle {
  private readonly pairs = new FailureLog(PAIR_BUDGET);
  private readonly addresses: FailureLog;
  /** Milliseconds since the epoch; tests move it on instead of waiting minutes. */
  clock: () => number = Date.now;

  constructor(@Inject(SECURITY_CONFIG) config: Pick<SecurityConfig, 'loginFailuresPerAddress'>) {
    this.addresses = new FailureLog({ free: config.loginFailuresPerAddress, windowMs: ADDRESS_WINDOW_MS });
  }

  /**
   * Starts a password check for `subject` (a login, an account) from `ip`; refuses with 429
   * too_many_attempts, saying how long to wait, while either budget is spent.
   */
  begin(kind: AttemptKind, subject: string, ip: string | null): Attempt {
    const now = this.clock();
    const network = networkOf(ip);
    const pair = `${subject}\n${network}`;
    const waitMs = Math.max(this.pairs.waitMs(pair, now), this.addresses.waitMs(network, now));
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError(
        'too_many_attempts',
        `Слишком много неудачных попыток ${WHAT[kind]}. Повторите через ${Math.ceil(seconds / 60)} мин.`,
        { retryAfter: seconds },
      );
    }
    this.pairs.add(pair, now);
    this.addresses.add(network, now);
    return {
      succeeded: () => {
        this.pairs.clear(pair);
        this.addresses.remove(network, now);
      },
    };
  }
}

/** Failure times per key within a budget's window, the newest last; keys in order of last failure. */
class FailureLog {
  private readonly failures = new Map<string, number[]>();
  // Past free + 4 failures the delay is at its cap: older ones need not be kept.
  private readonly kept: number;

  constructor(private readonly budget: Budget) {
    this.kept = budget.free + Math.ceil(Math.log2(MAX_DELAY_MS / FIRST_DELAY_MS));
  }

  /** How long `key` must wait before its next attempt; 0 when it may go on. */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.budget.free) return 0;
    const delay = Math.min(FIRST_DELAY_MS * 2 ** (recent.length - this.budget.free), MAX_DELAY_MS);
    return Math.max(0, recent[recent.length - 1] + delay - now);
  }

  add(key: string, now: number): void {
    const times = [...this.recent(key, now), now].slice(-this.kept);
    this.failures.delete(key);
    this.failures.set(key, times);
    this.forgetOld(now);
  }

  /** Takes back one failure recorded at `at` (an attempt that succeeded). */
  remove(key: string, at: number): void {
    const times = this.failures.get(key);
    const index = times?.lastIndexOf(at) ?? -1;
    if (index >= 0) times!.splice(index, 1);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((time) => now - time < this.budget.windowMs);
  }

  /** The map is ordered by last failure: the quiet keys are at its start. */
  private forgetOld(now: number): void {
    for (const [key, times] of this.failures) {
      const last = times[times.length - 1];
      if (this.failures.size <= MAX_KEYS && last !== undefined && now - last < this.budget.windowMs) return;
      this.failures.delete(key);
    }
  }
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
