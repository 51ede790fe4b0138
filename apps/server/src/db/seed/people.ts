import { Gender } from '../../modules/teacher/teacher.enums.js';
import { idNumberCheckChar } from '../../modules/teacher/id-number.js';
import { hashSeed, type Random, type Weighted } from './random.js';

/**
 * The generated ages and dates are as of this day, not today, so every run yields the
 * same people. The start of the 2025 school year.
 */
export const AS_OF = new Date(Date.UTC(2025, 8, 1));

const DAY_MS = 86_400_000;

/** Codes per birth date and gender: digits 15–17 give 1000, half of them for each gender. */
const SEQUENCES_PER_GENDER = 500;

/**
 * Issues resident ID numbers (GB 11643) for one district: its code as the region prefix,
 * the birth date, a sequence whose last digit is odd for men and even for women, and the
 * check character. Never the same number twice.
 */
export class IdNumberIssuer {
  private readonly issued = new Map<string, number>();

  constructor(private readonly regionCode: string) {}

  issue(birthDate: string, gender: Gender): string {
    const key = `${birthDate}${gender}`;
    const n = this.issued.get(key) ?? 0;
    if (n >= SEQUENCES_PER_GENDER) throw new Error(`no ID numbers left for ${key} in ${this.regionCode}`);
    this.issued.set(key, n + 1);
    // A stride coprime with 500 walks every sequence once, in an order that does not look issued.
    const sequence = (hashSeed(key) + n * 197) % SEQUENCES_PER_GENDER;
    const genderDigit = 2 * (sequence % 5) + (gender === Gender.MALE ? 1 : 0);
    const first17 = `${this.regionCode}${birthDate.replaceAll('-', '')}${String(Math.floor(sequence / 5)).padStart(2, '0')}${genderDigit}`;
    return first17 + idNumberCheckChar(first17);
  }
}

/** The network digit after the leading 1: 13x, 15x and 18x numbers are the commonest. */
// prettier-ignore
const NETWORK_DIGITS: Weighted<string> = [['3', 30], ['5', 25], ['8', 25], ['7', 8], ['9', 8], ['6', 2], ['4', 2]];

/** A mainland mobile number: 1, a network digit 3–9, nine more digits. */
export function mobilePhone(rng: Random): string {
  let rest = '';
  for (let i = 0; i < 9; i++) rest += rng.int(0, 9);
  return `1${rng.weighted(NETWORK_DIGITS)}${rest}`;
}

/** A birth date giving exactly `age` full years at AS_OF. */
export function birthDateFor(age: number, rng: Random): Date {
  const lastBirthday = Date.UTC(AS_OF.getUTCFullYear() - age, AS_OF.getUTCMonth(), AS_OF.getUTCDate());
  return new Date(lastBirthday - rng.int(0, 364) * DAY_MS);
}

/** A hire date at `hireAge` or a little after, never after AS_OF. */
export function hireDateFor(birthDate: Date, hireAge: number, rng: Random): Date {
  const birthday = Date.UTC(birthDate.getUTCFullYear() + hireAge, birthDate.getUTCMonth(), birthDate.getUTCDate());
  return new Date(Math.min(birthday + rng.int(0, 364) * DAY_MS, AS_OF.getTime()));
}

/** Whole years from `date` to AS_OF. */
export function yearsUntilAsOf(date: Date): number {
  return Math.floor((AS_OF.getTime() - date.getTime()) / (365.25 * DAY_MS));
}

/** `YYYY-MM-DD`, how date columns are written. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
