import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, PASSWORD, type World } from '../../test/fixtures.js';

/**
 * A period is judged as of its last day (or today, for the period in progress), and a
 * question about a past year gets the same answer whenever it is asked. Hand-made histories,
 * written through the API on the days they happen (the clock is moved between steps).
 */
const VERDICT = `query($id: ID!, $p: String) { goalAttainment(townId: $id, period: $p) {
  period goals { goal met reason } } }`;

describe('verdicts as of the period’s last day', () => {
  let t: TestApp;
  let city: string;
  let w: World;
  const verdict = async (period: string | null, goal: string) => {
    const r = await t.gql(VERDICT, { id: w.townId, p: period }, city);
    expect(r.errors).toBeUndefined();
    return r.data!.goalAttainment.goals.find((g: { goal: string }) => g.goal === goal) as {
      met: boolean;
      reason: string | null;
    };
  };

  /** Moves the clock; a session does not outlive a jump of months, so sign in again. */
  const at = async (day: string) => {
    t.setToday(day);
    city = await t.login('city', PASSWORD);
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { ZHUJI_TODAY: '2025-03-01' } });
    city = await cityAdminToken(t);
    w = await buildWorld(t, city, { districtCode: '370198', schools: 1, teachersPerSchool: 2 });
  });
  afterAll(() => t.close());

  it('reads a ledger item’s status as it stood then: closing a 2025 item in 2027 leaves 2025 as it was', async () => {
    const created = await t.gql(
      'mutation($i: CreateRectificationItemInput!) { createRectificationItem(input: $i) { id } }',
      {
        i: {
          schoolId: w.schoolIds[0],
          standardItem: 'CANTEEN',
          problem: '食堂面积不足',
          fundSource: 'DISTRICT',
          deadline: '2025-06-30',
          owner: '张校长',
          measures: '扩建食堂',
        },
      },
      city,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const itemId = created.data!.createRectificationItem.id;

    await at('2026-02-01');
    const asked2026 = await verdict('2025', 'CONDITIONS');
    expect(asked2026).toMatchObject({ met: false });
    expect(asked2026.reason).toContain('有 1 项整改逾期未完成');

    await at('2027-05-01');
    const closed = await t.gql(
      'mutation($id: ID!) { changeRectificationStatus(id: $id, input: { status: DONE, evidence: "新食堂已验收" }) { status closedOn } }',
      { id: itemId },
      city,
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.changeRectificationStatus).toEqual({ status: 'DONE', closedOn: '2027-05-01' });
    expect(await verdict('2025', 'CONDITIONS')).toEqual(asked2026);
    expect((await verdict('2026', 'CONDITIONS')).met).toBe(false);
    expect((await verdict('2027', 'CONDITIONS')).met).toBe(true);

    await at('2028-03-01');
    expect(await verdict('2025', 'CONDITIONS')).toEqual(asked2026);
    expect((await verdict('2026', 'CONDITIONS')).met).toBe(false);
    // Before the item existed (2024), nothing was open.
    expect((await verdict('2024', 'CONDITIONS')).met).toBe(true);
  });

  it('owes joint research in term months only: February and August are holidays unless the city says otherwise', async () => {
    await at('2025-09-01');
    const r = await t.gql(
      'mutation($i: CreateResearcherInput!) { createResearcher(input: $i) { id } }',
      { i: { name: '王研', level: 'DISTRICT', districtId: w.districtId, subject: '语文' } },
      city,
    );
    const researcherId = r.data!.createResearcher.id;
    const assigned = await t.gql(
      'mutation($r: ID!, $i: AssignResearcherInput!) { assignResearcher(researcherId: $r, input: $i) { id } }',
      { r: researcherId, i: { schoolId: w.schoolIds[0], startDate: '2025-09-01' } },
      city,
    );
    expect(assigned.errors).toBeUndefined();
    await at('2027-01-10');
    // A session in every month of 2026 except the two holiday months.
    for (let m = 1; m <= 12; m++) {
      if (m === 2 || m === 8) continue;
      const held = await t.gql(
        'mutation($i: RecordJointResearchSessionInput!) { recordJointResearchSession(input: $i) { id } }',
        {
          i: {
            heldOn: `2026-${String(m).padStart(2, '0')}-10`,
            researcherId,
            schoolIds: [w.schoolIds[0]],
            subject: '语文',
            topic: `第${m}次联合教研`,
          },
        },
        city,
      );
      expect(held.errors).toBeUndefined();
    }
    const support = await verdict('2026', 'SUPPORT');
    expect(support.reason ?? '').not.toMatch(/2026-0[28]/);
    expect(support.reason ?? '').not.toContain('未开展联合教研');

    // The city makes February 2026 a term month (school year 2025): now it is missed.
    const set = await t.gql(
      'mutation { setSchoolCalendar(input: { schoolYear: 2025, holidayMonths: ["2026-07", "2026-08"] }) { isDefault } }',
      {},
      city,
    );
    expect(set.errors).toBeUndefined();
    expect((await verdict('2026', 'SUPPORT')).reason).toContain('2026-02 未开展联合教研');
  });

  it('defaults to the latest year with assessments up to today, and says a year without them has no data', async () => {
    await at('2027-01-10');
    const SUMMARY = `query($p: String) { programmeSummary(period: $p) { period hasData shareMeetingAll townCount
      trend(years: 2) { period hasData shareMeetingAll } } }`;
    const before = (await t.gql(SUMMARY, {}, city)).data!.programmeSummary;
    expect(before).toMatchObject({ period: '2027', hasData: false, shareMeetingAll: null });

    const a = await t.gql(
      'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }',
      {
        i: {
          schoolId: w.schoolIds[0],
          period: '2026',
          indicators: [{ kind: 'PARENT_SATISFACTION', value: 0.97, source: '家长问卷', measuredOn: '2026-06-01' }],
        },
      },
      city,
    );
    expect(a.errors).toBeUndefined();
    const after = (await t.gql(SUMMARY, {}, city)).data!.programmeSummary;
    expect(after).toMatchObject({ period: '2026', hasData: true });
    expect(after.shareMeetingAll).toBe(0);
    expect(after.trend).toEqual([
      { period: '2025', hasData: false, shareMeetingAll: null },
      { period: '2026', hasData: true, shareMeetingAll: 0 },
    ]);
    expect((await t.gql(VERDICT, { id: w.townId }, city)).data!.goalAttainment.period).toBe('2026');
    // Asked explicitly, a year without assessments is still reported as such.
    expect((await t.gql(SUMMARY, { p: '2027' }, city)).data!.programmeSummary).toMatchObject({
      period: '2027',
      hasData: false,
    });
  });
});
