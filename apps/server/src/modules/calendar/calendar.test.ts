import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs } from '../../test/fixtures.js';
import { Role } from '../../auth/viewer.js';
import { parseGlobalId } from '../../common/global-id.js';
import {
  defaultHolidayMonths,
  owedMonths,
  schoolYearMonths,
  schoolYearOf,
  type HolidayCalendar,
} from './school-calendar.js';

const DEFAULT: HolidayCalendar = new Map();
const open = (start: string) => ({ start, end: null });
const whole = { from: '2020-01-01', to: '2031-12-31' };

describe('the school calendar’s rules', () => {
  it('splits school years on 1 September, with February and August as the default holidays', () => {
    expect(schoolYearOf('2026-08')).toBe(2025);
    expect(schoolYearOf('2026-09')).toBe(2026);
    expect(schoolYearOf('2027-01')).toBe(2026);
    expect(schoolYearMonths(2026)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
    ]);
    expect(defaultHolidayMonths(2026)).toEqual(['2027-02', '2027-08']);
  });

  it('owes only ended term months; the month in progress is due, on the awkward days too', () => {
    const a = open('2026-09-01');
    // The last day of a month: the month is still in progress, so due, not missing.
    expect(owedMonths(a, whole, '2026-11-30', DEFAULT)).toEqual({ owed: ['2026-09', '2026-10'], due: '2026-11' });
    // The first day of the next: November has ended and is owed; December is due.
    expect(owedMonths(a, whole, '2026-12-01', DEFAULT)).toEqual({
      owed: ['2026-09', '2026-10', '2026-11'],
      due: '2026-12',
    });
    // 31 December and 1 January.
    expect(owedMonths(a, whole, '2026-12-31', DEFAULT).due).toBe('2026-12');
    expect(owedMonths(a, whole, '2027-01-01', DEFAULT)).toEqual({
      owed: ['2026-09', '2026-10', '2026-11', '2026-12'],
      due: '2027-01',
    });
    // 1 March: February was a holiday, so nothing new is owed for it.
    expect(owedMonths(a, whole, '2027-03-01', DEFAULT).owed.slice(-2)).toEqual(['2026-12', '2027-01']);
    // 29 February 2028: a holiday month in progress is not due either.
    expect(owedMonths(open('2027-09-01'), whole, '2028-02-29', DEFAULT)).toEqual({
      owed: ['2027-09', '2027-10', '2027-11', '2027-12', '2028-01'],
      due: null,
    });
  });

  it('counts a partial month at either end, stops at the assignment’s end, and never looks ahead', () => {
    const a = { start: '2026-10-20', end: '2027-01-05' };
    expect(owedMonths(a, whole, '2027-06-15', DEFAULT)).toEqual({
      owed: ['2026-10', '2026-11', '2026-12', '2027-01'],
      due: null,
    });
    expect(owedMonths(a, { from: '2026-11-01', to: '2026-11-30' }, '2027-06-15', DEFAULT).owed).toEqual(['2026-11']);
    expect(owedMonths(open('2027-09-01'), whole, '2027-06-15', DEFAULT)).toEqual({ owed: [], due: null });
  });

  it('follows a calendar the city stored for a school year', () => {
    const calendar: HolidayCalendar = new Map([[2026, ['2027-01', '2027-07', '2027-08']]]);
    expect(owedMonths(open('2026-12-01'), whole, '2027-03-10', calendar)).toEqual({
      owed: ['2026-12', '2027-02'],
      due: '2027-03',
    });
  });
});

describe('the school calendar through the API', () => {
  let t: TestApp;
  let city: string;
  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
  });
  afterAll(() => t.close());

  const GET = 'query($y: Int) { schoolCalendar(schoolYear: $y) { schoolYear isDefault months { month term } } }';
  const SET =
    'mutation($i: SetSchoolCalendarInput!) { setSchoolCalendar(input: $i) { schoolYear isDefault months { month term } } }';
  const holidays = (c: { months: { month: string; term: boolean }[] }) =>
    c.months.filter((m) => !m.term).map((m) => m.month);

  it('answers the current school year by default, with the default holidays', async () => {
    const r = await t.gql(GET, {}, city);
    expect(r.errors).toBeUndefined();
    expect(r.data!.schoolCalendar).toMatchObject({ schoolYear: 2026, isDefault: true });
    expect(holidays(r.data!.schoolCalendar)).toEqual(['2027-02', '2027-08']);
    expect((await t.gql('{ today }')).data).toEqual({ today: t.today() });
  });

  it('lets the city admin change a year, audits it, and refuses months outside it with a field path', async () => {
    const r = await t.gql(
      SET,
      { i: { schoolYear: 2027, holidayMonths: ['2028-08', '2028-01', '2028-02', '2028-01'] } },
      city,
    );
    expect(r.errors).toBeUndefined();
    expect(holidays(r.data!.setSchoolCalendar)).toEqual(['2028-01', '2028-02', '2028-08']);
    expect((await t.gql(GET, { y: 2027 }, city)).data!.schoolCalendar.isDefault).toBe(false);
    const audit = await t.ds.query(`SELECT action FROM audit_entry WHERE record_type = 'SchoolCalendar'`);
    expect(audit).toEqual([{ action: 'CREATE' }]);

    const outside = await t.gql(SET, { i: { schoolYear: 2027, holidayMonths: ['2028-02', '2028-09'] } }, city);
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.holidayMonths.1', constraint: 'inSchoolYear' }],
    });
    const malformed = await t.gql(SET, { i: { schoolYear: 2027, holidayMonths: ['2028-2'] } }, city);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const year = await t.gql(SET, { i: { schoolYear: 1899, holidayMonths: [] } }, city);
    expect(year.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'input.schoolYear' }] });
    // Nothing changed by the refused writes.
    expect(holidays((await t.gql(GET, { y: 2027 }, city)).data!.schoolCalendar)).toEqual([
      '2028-01',
      '2028-02',
      '2028-08',
    ]);
  });

  it('refuses every other role, and anonymous readers', async () => {
    const w = await buildWorld(t, city, { districtCode: '370199', schools: 1, teachersPerSchool: 0 });
    const district = await signInAs(t, 'cal-district', [
      { role: Role.DISTRICT_ADMIN, districtId: parseGlobalId(w.districtId)!.id },
    ]);
    const r = await t.gql(SET, { i: { schoolYear: 2028, holidayMonths: [] } }, district);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(GET, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(GET, { y: 2028 }, city)).data!.schoolCalendar.isDefault).toBe(true);
  });
});
