/**
 * The programme clock: the one place that knows what day it is.
 *
 * A bureau means a calendar day in Jinan (Asia/Shanghai) when it says "today": a trusteeship
 * ends on a day, a month of joint research is missing once that month is over, a ledger item
 * is overdue the day after its deadline. The server's own timezone and the PostgreSQL
 * server's clock (which `faketime` cannot move) are never asked. Every business rule reaches
 * "now" through a Clock (`config.clock`, so both services and the request context have it);
 * the lint rule in eslint.config.js refuses `new Date()`, `Date.now()` and `CURRENT_DATE`
 * elsewhere in the server.
 *
 * `ZHUJI_TODAY=YYYY-MM-DD` (never in production) pins the day: demos, support ("what did the
 * city see on 1 March?") and tests run the whole product, seed included, as if it were that
 * day. The time of day still advances, so records written under a pinned day keep their order.
 */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAMME_TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROGRAMME_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Jinan calendar day of an instant, `YYYY-MM-DD`. */
export function dayInJinan(instant: Date): string {
  return dayFormat.format(instant);
}

/** A real calendar day `YYYY-MM-DD` (no 2027-02-29, no 0000-01-01). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '1900-01-01') return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

export class Clock {
  private pinned: string | undefined;

  /** @param pinnedDay `YYYY-MM-DD` to run as if it were that day (ZHUJI_TODAY), or nothing for the real day */
  constructor(pinnedDay?: string) {
    this.pin(pinnedDay);
  }

  /** Runs as if it were `day` from now on (undefined: the real day). For ZHUJI_TODAY and tests. */
  pin(day: string | undefined): void {
    if (day !== undefined && !isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
    this.pinned = day;
  }

  /** The day pinned by ZHUJI_TODAY (or a test), if any. */
  get pinnedDay(): string | undefined {
    return this.pinned;
  }

  /** The current instant; on a pinned day, that day at Jinan's current time of day. */
  now(): Date {
    // eslint-disable-next-line no-restricted-syntax -- the clock is the one place that reads the system time
    const real = new Date();
    if (!this.pinned) return real;
    const time = timeFormat.format(real).replace(/^24/, '00');
    return new Date(`${this.pinned}T${time}.${String(real.getMilliseconds()).padStart(3, '0')}+08:00`);
  }

  /** Today in Jinan, `YYYY-MM-DD`. */
  today(): string {
    return this.pinned ?? dayInJinan(this.now());
  }
}
