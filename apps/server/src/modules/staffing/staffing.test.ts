import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { cityAdminToken, nextSchoolCode, signInAs } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';

const INDICATORS = `indicator stage meetsBaseline
  value { schoolCount fullTimeTeachers count share }
  baseline { scope schoolCount fullTimeTeachers count share }`;

/**
 * Hand-made staffing with known answers. District P has an urban and a town primary school;
 * district Q has a town kindergarten and no urban kindergarten anywhere but in P.
 */
describe('staffing indicators', () => {
  let t: TestApp;
  let token: string;
  const ids: Record<string, string> = {};

  async function gql(q: string, v: Record<string, unknown> = {}, tk = token) {
    const r = await t.gql(q, v, tk);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as any;
  }
  async function school(key: string, townId: string, stage: string, locality: string, isTownSeat = false) {
    const d = await gql('mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }', {
      i: { code: nextSchoolCode(), name: `指标${key}`, stage, locality, isTownSeat, townId },
    });
    ids[key] = d.createSchool.id;
  }
  async function teachers(key: string, rows: { degree: string; backboneLevel?: string; isFullTime?: boolean }[]) {
    for (const [i, r] of rows.entries()) {
      await gql('mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }', {
        i: { staffNumber: `${key}${i}`, name: `教师${key}${i}`, gender: 'FEMALE', schoolId: ids[key], ...r },
      });
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    for (const [code, key] of [
      ['370931', 'P'],
      ['370932', 'Q'],
    ] as const) {
      const d = await gql('mutation($i: CreateDistrictInput!) { createDistrict(input: $i) { id } }', {
        i: { code, name: `区${key}`, kind: 'COUNTY' },
      });
      ids[key] = d.createDistrict.id;
      const tw = await gql('mutation($i: CreateTownInput!) { createTown(input: $i) { id } }', {
        i: { code: `${code}001`, name: `镇${key}`, kind: 'TOWN', districtId: ids[key], inProgramme: true },
      });
      ids[`town${key}`] = tw.createTown.id;
    }
    await school('urbanPrimary', ids.townP!, 'PRIMARY', 'URBAN');
    await school('townPrimary', ids.townP!, 'PRIMARY', 'TOWN', true);
    await school('emptyPrimary', ids.townP!, 'PRIMARY', 'RURAL');
    await school('urbanKg', ids.townP!, 'KINDERGARTEN', 'URBAN');
    await school('townKgQ', ids.townQ!, 'KINDERGARTEN', 'TOWN', true);
    await school('townJuniorQ', ids.townQ!, 'JUNIOR', 'TOWN', true);
    // Urban primary: 4 full-time, 3 bachelor+, 2 backbone; one part-timer who must not count.
    await teachers('urbanPrimary', [
      { degree: 'POSTGRADUATE', backboneLevel: 'CITY' },
      { degree: 'BACHELOR', backboneLevel: 'COUNTY' },
      { degree: 'BACHELOR' },
      { degree: 'ASSOCIATE' },
      { degree: 'HIGH_SCHOOL_OR_BELOW', backboneLevel: 'PROVINCE', isFullTime: false },
    ]);
    // Town primary: 5 full-time, 3 bachelor+ (0.6 < 0.75), 2 backbone (0.4 < 0.5).
    await teachers('townPrimary', [
      { degree: 'BACHELOR', backboneLevel: 'COUNTY' },
      { degree: 'BACHELOR', backboneLevel: 'COUNTY' },
      { degree: 'BACHELOR' },
      { degree: 'ASSOCIATE' },
      { degree: 'ASSOCIATE' },
    ]);
    await teachers('urbanKg', [{ degree: 'ASSOCIATE' }, { degree: 'HIGH_SCHOOL_OR_BELOW' }]);
    await teachers('townKgQ', [{ degree: 'ASSOCIATE' }, { degree: 'BACHELOR' }]);
    await teachers('townJuniorQ', [{ degree: 'BACHELOR' }]);
  });
  afterAll(() => t.close());

  it("compares a school with its district's urban schools of the same stage", async () => {
    const d = await gql(`query($id: ID!) { school(id: $id) { staffing { ${INDICATORS} } } }`, { id: ids.townPrimary });
    expect(d.school.staffing).toEqual([
      {
        indicator: 'BACKBONE_COUNTY_OR_ABOVE',
        stage: 'PRIMARY',
        meetsBaseline: false,
        value: { schoolCount: 1, fullTimeTeachers: 5, count: 2, share: 0.4 },
        baseline: { scope: 'DISTRICT', schoolCount: 1, fullTimeTeachers: 4, count: 2, share: 0.5 },
      },
      {
        indicator: 'BACHELOR_OR_ABOVE',
        stage: 'PRIMARY',
        meetsBaseline: false,
        value: { schoolCount: 1, fullTimeTeachers: 5, count: 3, share: 0.6 },
        baseline: { scope: 'DISTRICT', schoolCount: 1, fullTimeTeachers: 4, count: 3, share: 0.75 },
      },
    ]);
  });

  it('gives an empty school no share and no verdict rather than zero', async () => {
    const d = await gql(
      `query($id: ID!) { school(id: $id) { staffing { indicator meetsBaseline value { share fullTimeTeachers } } } }`,
      { id: ids.emptyPrimary },
    );
    expect(d.school.staffing).toEqual([
      { indicator: 'BACKBONE_COUNTY_OR_ABOVE', meetsBaseline: null, value: { share: null, fullTimeTeachers: 0 } },
      { indicator: 'BACHELOR_OR_ABOVE', meetsBaseline: null, value: { share: null, fullTimeTeachers: 0 } },
    ]);
  });

  it("falls back to the city's urban schools when the district has none of the stage, and says so", async () => {
    const d = await gql(
      `query($id: ID!) { school(id: $id) { staffing { indicator meetsBaseline value { share } baseline { scope share } } } }`,
      { id: ids.townKgQ },
    );
    expect(d.school.staffing).toEqual([
      {
        indicator: 'BACKBONE_COUNTY_OR_ABOVE',
        meetsBaseline: true,
        value: { share: 0 },
        baseline: { scope: 'CITY', share: 0 },
      },
      {
        indicator: 'ASSOCIATE_OR_ABOVE',
        meetsBaseline: true,
        value: { share: 1 },
        baseline: { scope: 'CITY', share: 0.5 },
      },
    ]);
  });

  it('reports no baseline when no urban school of the stage exists anywhere', async () => {
    const d = await gql(`query($id: ID!) { school(id: $id) { staffing { meetsBaseline baseline { scope share } } } }`, {
      id: ids.townJuniorQ,
    });
    expect(d.school.staffing).toEqual([
      { meetsBaseline: null, baseline: { scope: 'NONE', share: null } },
      { meetsBaseline: null, baseline: { scope: 'NONE', share: null } },
    ]);
  });

  it('sums a town per stage, town-seat schools only on request', async () => {
    const q = `query($id: ID!, $seat: Boolean) { town(id: $id) { staffing(townSeatOnly: $seat) { indicator stage value { schoolCount fullTimeTeachers count } } } }`;
    const all = await gql(q, { id: ids.townP, seat: false });
    expect(
      all.town.staffing.find((s: any) => s.stage === 'PRIMARY' && s.indicator === 'BACHELOR_OR_ABOVE').value,
    ).toEqual({
      schoolCount: 3,
      fullTimeTeachers: 9,
      count: 6,
    });
    const seats = await gql(q, { id: ids.townP, seat: true });
    expect(seats.town.staffing.map((s: any) => [s.stage, s.value.schoolCount])).toEqual([
      ['PRIMARY', 1],
      ['PRIMARY', 1],
    ]);
  });

  it('counts only the schools the viewer may see, against the same baseline', async () => {
    const staff = await signInAs(t, 'staffing-school', [
      { role: Role.SCHOOL_STAFF, schoolId: parseGlobalId(ids.townPrimary!)!.id },
    ]);
    const d = await gql(
      `query($id: ID!) { district(id: $id) { staffing { indicator stage value { schoolCount fullTimeTeachers } baseline { fullTimeTeachers } } } }`,
      { id: ids.P },
      staff,
    );
    expect(d.district.staffing).toEqual([
      {
        indicator: 'BACKBONE_COUNTY_OR_ABOVE',
        stage: 'PRIMARY',
        value: { schoolCount: 1, fullTimeTeachers: 5 },
        baseline: { fullTimeTeachers: 4 },
      },
      {
        indicator: 'BACHELOR_OR_ABOVE',
        stage: 'PRIMARY',
        value: { schoolCount: 1, fullTimeTeachers: 5 },
        baseline: { fullTimeTeachers: 4 },
      },
    ]);
  });
});
