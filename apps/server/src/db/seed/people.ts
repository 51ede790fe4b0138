import { Gender } from '../../modules/teacher/teacher.enums.js';
import { idNumberCheckChar } from '../../modules/teacher/id-number.js';
import { hashSeed, type Random, type Weighted } from './random.js';

/**
 * The day generated ages and careers are as of in the base calendar (calendar.ts): the start
 * of the 2025 school year. A demo seeded on another day moves it by the calendar's whole
 * years (`calendar.at`), so a demo started in 2030 has teachers hired since 2025 and nobody
 * five years older than the ages the staffing tables describe; a given anchor always yields
 * the same people.
 */
export const BASE_STAFF_AS_OF = '2025-09-01';

const DAY_MS = 86_400_000;

/** Codes per region, birth date and gender: digits 15–17 give 1000, half for each gender. */
const SEQUENCES_PER_GENDER = 500;

/** The network digit after the leading 1: 13x, 15x and 18x numbers are the commonest. */
// prettier-ignore
const NETWORK_DIGITS: Weighted<string> = [['3', 30], ['5', 25], ['8', 25], ['7', 8], ['9', 8], ['6', 2], ['4', 2]];
/** 3^18 shares no factor with 10^9, so n ↦ (n × stride + offset) mod 10^9 visits every nine-digit tail once. */
const PHONE_STRIDE = 387_420_489;
/** Keeps the first number issued from being 13000000000. */
const PHONE_OFFSET = 271_828_182;

/** Issues the numbers no two people may share, for one seed run: ID numbers and mobile numbers. */
export class PersonalNumbers {
  private readonly idSequences = new Map<string, number>();
  private phonesIssued = 0;

  /**
   * A resident ID number (GB 11643): the region code, the birth date, a sequence whose last
   * digit is odd for men and even for women, and the check character.
   */
  idNumber(regionCode: string, birthDate: string, gender: Gender): string {
    const key = `${regionCode}${birthDate}${gender}`;
    const n = this.idSequences.get(key) ?? 0;
    if (n >= SEQUENCES_PER_GENDER) throw new Error(`no ID numbers left for ${key}`);
    this.idSequences.set(key, n + 1);
    // A stride coprime with 500 walks every sequence once, in an order that does not look issued.
    const sequence = (hashSeed(key) + n * 197) % SEQUENCES_PER_GENDER;
    const genderDigit = 2 * (sequence % 5) + (gender === Gender.MALE ? 1 : 0);
    const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(Math.floor(sequence / 5)).padStart(2, '0')}${genderDigit}`;
    return first17 + idNumberCheckChar(first17);
  }

  /** A mainland mobile number: 1, a network digit 3–9, and a nine-digit tail never issued before. */
  phone(rng: Random): string {
    const tail = (this.phonesIssued++ * PHONE_STRIDE + PHONE_OFFSET) % 1_000_000_000;
    return `1${rng.weighted(NETWORK_DIGITS)}${String(tail).padStart(9, '0')}`;
  }
}

/** A birth date giving exactly `age` full years at `asOf`. */
export function birthDateFor(age: number, asOf: Date, rng: Random): Date {
  const lastBirthday = Date.UTC(asOf.getUTCFullYear() - age, asOf.getUTCMonth(), asOf.getUTCDate());
  return new Date(lastBirthday - rng.int(0, 364) * DAY_MS);
}

/** A hire date at `hireAge` or a little after, never after `asOf`. */
export function hireDateFor(birthDate: Date, hireAge: number, asOf: Date, rng: Random): Date {
  const birthday = Date.UTC(birthDate.getUTCFullYear() + hireAge, birthDate.getUTCMonth(), birthDate.getUTCDate());
  return new Date(Math.min(birthday + rng.int(0, 364) * DAY_MS, asOf.getTime()));
}

/** Whole years from `date` to `asOf`. */
export function yearsUntil(date: Date, asOf: Date): number {
  return Math.floor((asOf.getTime() - date.getTime()) / (365.25 * DAY_MS));
}

/** `YYYY-MM-DD`, how date columns are written. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
