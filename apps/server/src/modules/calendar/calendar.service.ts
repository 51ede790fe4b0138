import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import type { Context } from '../../context.js';
import { assertMayCityWide } from '../../auth/decisions/decide.js';
import { badInput } from '../../common/errors.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { SchoolYearCalendar } from './calendar.entity.js';
import type { SchoolCalendar, SetSchoolCalendarInput } from './calendar.types.js';
import { defaultHolidayMonths, schoolYearMonths, schoolYearOf, type HolidayCalendar } from './school-calendar.js';

const YEARS = { min: 2000, max: 2100 };

/**
 * The city's school calendar: which months owe monthly joint research. Everyone signed in
 * reads it (it is public programme policy); only the city admin changes it.
 */
export class CalendarService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
  ) {}

  /** Holiday months of every school year touching [firstMonth, lastMonth], in one statement. */
  async holidays(firstMonth: string, lastMonth: string): Promise<HolidayCalendar> {
    const rows = await this.ds
      .getRepository(SchoolYearCalendar)
      .createQueryBuilder('c')
      .where('c.schoolYear BETWEEN :a AND :b', { a: schoolYearOf(firstMonth), b: schoolYearOf(lastMonth) })
      .getMany();
    return new Map(rows.map((r) => [r.schoolYear, r.holidayMonths]));
  }

  async get(schoolYear: number): Promise<SchoolCalendar> {
    this.checkYear(schoolYear, 'schoolYear');
    const row = await this.ds.getRepository(SchoolYearCalendar).findOneBy({ schoolYear });
    return this.toCalendar(schoolYear, row?.holidayMonths ?? null);
  }

  /** The school year today falls in, per the programme clock. */
  currentSchoolYear(): number {
    return schoolYearOf(this.config.clock.today().slice(0, 7));
  }

  async set(ctx: Context, input: SetSchoolCalendarInput): Promise<SchoolCalendar> {
    assertMayCityWide(ctx, 'programme:configure');
    this.checkYear(input.schoolYear, 'input.schoolYear');
    const allowed = new Set(schoolYearMonths(input.schoolYear));
    const bad = input.holidayMonths.findIndex((m) => !allowed.has(m));
    if (bad >= 0) {
      throw badInput([
        {
          path: `input.holidayMonths.${bad}`,
          message: `must be a month of school year ${input.schoolYear} (${input.schoolYear}-09 to ${input.schoolYear + 1}-08)`,
          messageZh: `须为 ${input.schoolYear} 学年内的月份（${input.schoolYear}-09 至 ${input.schoolYear + 1}-08）`,
          constraint: 'inSchoolYear',
        },
      ]);
    }
    const months = [...new Set(input.holidayMonths)].sort();
    return inTransaction(ctx, async (em, audit) => {
      const repo = em.getRepository(SchoolYearCalendar);
      // Locked so two admins saving the same year at once serialise instead of colliding.
      const existing = await repo
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.schoolYear = :y', { y: input.schoolYear })
        .getOne();
      const before = existing ? { ...existing } : null;
      const row = existing ?? repo.create({ schoolYear: input.schoolYear });
      row.holidayMonths = months;
      const saved = await repo.save(row);
      audit.record('SchoolCalendar', saved.id, existing ? 'UPDATE' : 'CREATE', before, saved, {
        districtId: null,
        schoolId: null,
      });
      return this.toCalendar(input.schoolYear, months);
    });
  }

  private toCalendar(schoolYear: number, stored: readonly string[] | null): SchoolCalendar {
    const holidays = new Set(stored ?? defaultHolidayMonths(schoolYear));
    return {
      schoolYear,
      months: schoolYearMonths(schoolYear).map((month) => ({ month, term: !holidays.has(month) })),
      isDefault: stored === null,
    };
  }

  private checkYear(year: number, path: string) {
    if (!Number.isInteger(year) || year < YEARS.min || year > YEARS.max) {
      throw badInput([
        {
          path,
          message: `must be a year between ${YEARS.min} and ${YEARS.max}`,
          messageZh: `学年须在 ${YEARS.min} 至 ${YEARS.max} 之间`,
          constraint: 'range',
        },
      ]);
    }
  }
}
