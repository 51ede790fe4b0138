import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock.js';
import { AppError, ErrorCode } from '../../common/errors.js';
import { usernameKey } from './user.entity.js';

/**
 * Sign-in throttling: slow guessing down, never lock anyone out (docs/ACCESS.md, "Sign-in").
 *
 * An attempt is counted *before* its password is checked, in one transaction that locks its
 * counters, so concurrent guesses cannot all slip past a check made before any of them was
 * counted. Three counters gate every attempt:
 *
 * | counter              | free attempts | then the next attempt waits | at most |
 * | -------------------- | ------------- | --------------------------- | ------- |
 * | account at address   | 5             | 2^(n-5) s                   | 1 hour  |
 * | address (all names)  | 20            | 2^(n-20) s                  | 5 min   |
 * | account (everywhere) | 10            | 2^(n-10) s                  | 60 s    |
 *
 * (n: attempts counted so far, this one included.) The account's own counter is the
 * gentlest on purpose: it is what a stranger can push on someone else's account, so it never
 * makes the owner wait more than a minute. The attacker's own address is what grows long: its
 * account-at-address delay is always longer than the account delay it causes (it starts five
 * attempts earlier), so once the account's delay is over, the slot goes to the next address to
 * try, the owner's, and not to the attacker's. A refused attempt counts nothing and moves no
 * deadline, so hammering cannot extend the wait.
 *
 * A success forgets the account's counters (everywhere and at this address) and refunds the
 * address its attempt, so a school's shared address does not slow down from its own good
 * sign-ins. A counter with no attempt for a day starts again from zero.
 *
 * Time is `clock.now()` (the app's clock, never the database's `now()`), so tests move it.
 */
export const SIGN_IN_POLICY = {
  accountAtAddress: { free: 5, maxDelaySeconds: 60 * 60 },
  address: { free: 20, maxDelaySeconds: 5 * 60 },
  account: { free: 10, maxDelaySeconds: 60 },
  forgetAfterSeconds: 24 * 60 * 60,
} as const;

type Rule = { free: number; maxDelaySeconds: number };

/** The wait after the n-th counted attempt, in milliseconds. */
export function delayAfter(n: number, rule: Rule): number {
  if (n < rule.free) return 0;
  return Math.min(2 ** (n - rule.free), rule.maxDelaySeconds) * 1000;
}

/**
 * The address a counter is kept for. IPv6 counts by /64: one customer line gets a whole /64
 * and could rotate through it. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the IPv4 address.
 */
export function addressSubject(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

// Hashed: people type their password into the username box, and the table must not keep it.
const keyOf = (kind: string, subject: string) => `${kind}:${createHash('sha256').update(subject).digest('hex')}`;

interface Row {
  key: string;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date;
}

export class SignInThrottle {
  private lastCleanup = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Clock,
  ) {}

  private keys(username: string, address: string) {
    const account = usernameKey(username);
    const at = addressSubject(address);
    return {
      account: keyOf('account', account),
      address: keyOf('address', at),
      accountAtAddress: keyOf('account@address', `${account}\n${at}`),
    };
  }

  /**
   * Counts this attempt, or refuses it with TOO_MANY_REQUESTS and `retryAfter` (seconds)
   * when any of its counters says wait. Only an admitted attempt may check a password.
   */
  async admit(username: string, address: string): Promise<void> {
    const now = this.clock().now();
    const keys = this.keys(username, address);
    const rules = new Map<string, Rule>([
      [keys.account, SIGN_IN_POLICY.account],
      [keys.address, SIGN_IN_POLICY.address],
      [keys.accountAtAddress, SIGN_IN_POLICY.accountAtAddress],
    ]);
    // Always in key order, so two attempts sharing counters lock them in the same order and
    // never deadlock.
    const ordered = [...rules.keys()].sort();
    const forgetBefore = now.getTime() - SIGN_IN_POLICY.forgetAfterSeconds * 1000;

    const waitMs = await this.ds.transaction(async (em) => {
      // Creates missing counters and locks all three rows until commit (the no-op update
      // takes the row lock that a plain INSERT … DO NOTHING would not).
      const rows: Row[] = await em.query(
        `INSERT INTO sign_in_throttle (key, attempts, next_attempt_at, last_attempt_at)
         VALUES ($1, 0, $4, $4), ($2, 0, $4, $4), ($3, 0, $4, $4)
         ON CONFLICT (key) DO UPDATE SET attempts = sign_in_throttle.attempts
         RETURNING key, attempts, next_attempt_at AS "nextAttemptAt", last_attempt_at AS "lastAttemptAt"`,
        [...ordered, now],
      );
      // A deadline is never further off than the delay it was set with: if the clock went
      // back (ZHUJI_TODAY pinned to an earlier day, a corrected system clock), nobody waits
      // for the difference.
      const wait = Math.max(
        0,
        ...rows.map((r) =>
          Math.min(new Date(r.nextAttemptAt).getTime() - now.getTime(), delayAfter(r.attempts, rules.get(r.key)!)),
        ),
      );
      if (wait > 0) return wait;
      const next = rows.map((r) => {
        const quiet = new Date(r.lastAttemptAt).getTime() < forgetBefore;
        const attempts = (quiet ? 0 : r.attempts) + 1;
        return { key: r.key, attempts, next: new Date(now.getTime() + delayAfter(attempts, rules.get(r.key)!)) };
      });
      await em.query(
        `UPDATE sign_in_throttle t SET attempts = v.attempts, next_attempt_at = v.next, last_attempt_at = $10
           FROM (VALUES ($1::varchar, $2::int, $3::timestamptz), ($4, $5, $6), ($7, $8, $9)) AS v (key, attempts, next)
          WHERE t.key = v.key`,
        [...next.flatMap((n) => [n.key, n.attempts, n.next]), now],
      );
      return 0;
    });
    await this.forgetQuiet(now);
    if (waitMs > 0) throw tooManyAttempts(waitMs, now);
  }

  /** The right password: the account's counters start again; the address gets its attempt back. */
  async succeeded(username: string, address: string): Promise<void> {
    const keys = this.keys(username, address);
    await this.ds.query(`DELETE FROM sign_in_throttle WHERE key IN ($1, $2)`, [keys.account, keys.accountAtAddress]);
    await this.ds.query(`UPDATE sign_in_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = $1`, [
      keys.address,
    ]);
  }

  /**
   * Deletes counters quiet for a day (at most once a minute per process), so names and
   * addresses that were tried once do not pile up. Outside the attempt's transaction: it
   * must not wait on, or hold, another attempt's locks.
   */
  private async forgetQuiet(now: Date): Promise<void> {
    if (Math.abs(now.getTime() - this.lastCleanup) < 60_000) return;
    this.lastCleanup = now.getTime();
    await this.ds.query(`DELETE FROM sign_in_throttle WHERE last_attempt_at < $1`, [
      new Date(now.getTime() - SIGN_IN_POLICY.forgetAfterSeconds * 1000),
    ]);
  }
}

function tooManyAttempts(waitMs: number, now: Date): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  return new AppError(
    ErrorCode.TOO_MANY_REQUESTS,
    `Too many sign-in attempts; try again in ${seconds} s`,
    `登录尝试过于频繁，请 ${seconds} 秒后再试`,
    { retryAfter: seconds, retryAt: new Date(now.getTime() + seconds * 1000).toISOString() },
  );
}
