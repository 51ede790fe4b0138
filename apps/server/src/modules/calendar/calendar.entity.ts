import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';

/**
 * The holiday months the city admin set for one school year (学年校历). Only years someone
 * changed are stored; every other year follows the default (school-calendar.ts). Months are
 * `YYYY-MM` in a jsonb array, which both drivers (pg, PGlite) read and write alike.
 */
@Entity('school_year_calendar')
export class SchoolYearCalendar extends BaseRecord {
  /** the calendar year the school year begins in (2026: 2026-09 to 2027-08) */
  @Column({ type: 'int', unique: true })
  schoolYear: number;

  @Column({ type: 'jsonb' })
  holidayMonths: string[];
}
