import { Clock } from '../common/clock.js';

/**
 * A clock that moves only when a test says so: throttle delays are tested by reading the
 * retry-after answer and moving this clock, never by sleeping. Put it in `t.config.clock`
 * (services read the clock from config on every call).
 */
export class ManualClock extends Clock {
  private instant: number;

  constructor(start = '2027-03-01T09:00:00+08:00') {
    super();
    this.instant = Date.parse(start);
  }

  override now(): Date {
    return new Date(this.instant);
  }

  advance(seconds: number): void {
    this.instant += seconds * 1000;
  }
}
