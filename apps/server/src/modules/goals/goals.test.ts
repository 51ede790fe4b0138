import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp, TEST_TODAY } from '../../test/harness.js';
import { cityAdminToken, nextSchoolCode, signInAs } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { QUERY_EXPORT_DEFAULTS, setQueryExportOptions } from '../export/export-query.route.js';
import { Role } from '../../auth/viewer.js';
import { RectificationItem } from '../ledger/ledger.entity.js';
import { FundSource, RectificationStatus, StandardItem } from '../ledger/ledger.enums.js';
import { Trusteeship } from '../collaboration/collaboration.entity.js';
import { RelationApproval, TrusteeshipMode } from '../collaboration/collaboration.enums.js';
import {
  JointResearchSession,
  JointResearchSessionSchool,
  Researcher,
  ResearcherAssignment,
  ResearcherLevel,
} from '../research/research.entity.js';

const ATTAINMENT = `query($id: ID!, $p: String) { goalAttainment(townId: $id, period: $p) {
  period meetsAll goals { goal met reason reasonEn inputs { name value baseline threshold period source }
    schools { school { name } met reason } } } }`;

/** Hand-made histories with known verdicts; "today" is the real today in Jinan. */
describe('goal attainment', () => {
  let t: TestApp;
  let token: string;
  const id: Record<string, string> = {};
  const db = (key: string) => parseGlobalId(id[key]!)!.id;
  const year = TEST_TODAY.slice(0, 4);
  const month = Number(TEST_TODAY.slice(5, 7));
  const shift = (days: number) =>
    new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  async function gql(q: string, v: Record<string, unknown> = {}, tk = token) {
    const r = await t.gql(q, v, tk);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as any;
  }
  async function school(key: string, townKey: string, locality: string, isTownSeat: boolean) {
    id[key] = (
      await gql('mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }', {
        i: { code: nextSchoolCode(), name: `目标${key}`, stage: 'PRIMARY', locality, isTownSeat, townId: id[townKey] },
      })
    ).createSchool.id;
  }
  async function teachers(key: string, bachelors: number, others: number) {
    for (let i = 0; i < bachelors + others; i++) {
      await gql('mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }', {
        i: {
          staffNumber: `${key}${i}`,
          name: `师${key}${i}`,
          gender: 'MALE',
          schoolId: id[key],
          degree: i < bachelors ? 'BACHELOR' : 'ASSOCIATE',
        },
      });
    }
  }
  const goal = (r: any, g: string) => r.goalAttainment.goals.find((x: any) => x.goal === g);

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    id.D = (
      await gql('mutation { createDistrict(input: { code: "370921", name: "目标区", kind: COUNTY }) { id } }')
    ).createDistrict.id;
    for (const [key, code] of [
      ['T', '001'],
      ['Empty', '002'],
    ] as const) {
      id[key] = (
        await gql('mutation($i: CreateTownInput!) { createTown(input: $i) { id } }', {
          i: { code: `370921${code}`, name: `目标镇${key}`, kind: 'TOWN', districtId: id.D, inProgramme: true },
        })
      ).createTown.id;
    }
    await school('Urban', 'T', 'URBAN', false);
    await school('Seat', 'T', 'TOWN', true);
    await school('Partner', 'T', 'RURAL', false);
    await teachers('Urban', 3, 1); // bachelor share 0.75
    await teachers('Seat', 3, 1); // 0.75: meets the baseline exactly
    // The seat school leads an active trusteeship, and a researcher is attached since January.
    const em = t.ds.manager;
    await em.insert(Trusteeship, {
      leadSchoolId: db('Seat'),
      partnerSchoolId: db('Partner'),
      leadDistrictId: db('D'),
      partnerDistrictId: db('D'),
      mode: TrusteeshipMode.PAIRING,
      measures: [],
      startDate: `${Number(year) - 1}-09-01`,
      approval: RelationApproval.APPROVED,
    });
    // A proposal nobody approved (and one declined) counts for nothing: the input stays 1.
    for (const approval of [RelationApproval.PENDING, RelationApproval.DECLINED]) {
      await em.insert(Trusteeship, {
        leadSchoolId: db('Seat'),
        partnerSchoolId: db('Partner'),
        leadDistrictId: db('D'),
        partnerDistrictId: db('D'),
        mode: TrusteeshipMode.COUNTERPART_SUPPORT,
        measures: [],
        startDate: `${Number(year) - 1}-09-01`,
        approval,
      });
    }
    const researcher = await em.save(
      Researcher,
      em.create(Researcher, { name: '李研', level: ResearcherLevel.DISTRICT, districtId: db('D'), subject: '语文' }),
    );
    await em.insert(ResearcherAssignment, {
      researcherId: researcher.id,
      schoolId: db('Seat'),
      districtId: db('D'),
      startDate: `${year}-01-15`,
    });
    // A session every month so far, on the month's last day, except March.
    for (let m = 1; m <= month; m++) {
      if (m === 3) continue;
      const last = new Date(Date.UTC(Number(year), m, 0)).toISOString().slice(0, 10);
      const heldOn = last > TEST_TODAY ? TEST_TODAY : last;
      const session = await em.save(
        JointResearchSession,
        em.create(JointResearchSession, {
          heldOn,
          researcherId: researcher.id,
          subject: '语文',
          topic: `第${m}次联合教研`,
          participantCount: 10,
        }),
      );
      await em.insert(JointResearchSessionSchool, { sessionId: session.id, schoolId: db('Seat'), districtId: db('D') });
    }
  });
  afterAll(() => t.close());

  const ledger = (deadline: string, status: RectificationStatus) =>
    t.ds.manager.save(
      RectificationItem,
      t.ds.manager.create(RectificationItem, {
        schoolId: db('Seat'),
        townId: db('T'),
        districtId: db('D'),
        standardItem: StandardItem.CANTEEN,
        problem: '食堂面积不足',
        fundSource: FundSource.DISTRICT,
        deadline,
        owner: '校长',
        measures: '扩建',
        status,
        closedOn: status === RectificationStatus.DONE ? deadline : null,
      }),
    );

  it('judges conditions by overdue ledger items: due today is not overdue, yesterday is, done never', async () => {
    await ledger(TEST_TODAY, RectificationStatus.OPEN);
    await ledger(shift(-30), RectificationStatus.DONE);
    expect(goal(await gql(ATTAINMENT, { id: id.T }), 'CONDITIONS')).toMatchObject({ met: true, reason: null });
    await ledger(shift(-1), RectificationStatus.IN_PROGRESS);
    const g = goal(await gql(ATTAINMENT, { id: id.T }), 'CONDITIONS');
    expect(g).toMatchObject({
      met: false,
      reason: '目标Seat：有 1 项整改逾期未完成',
      reasonEn: '目标Seat: 1 rectification item(s) open past their deadline',
    });
    expect(g.inputs[0]).toMatchObject({ value: '1', threshold: '0' });
    // Each input names its school in both halves of its "中文 / English" name, and the
    // period is written in both languages too, for a client that shows one of them.
    expect(g.inputs[0].name).toBe('目标Seat：逾期未完成整改项 / 目标Seat: rectification items past deadline');
    expect(g.inputs[0].period).toMatch(/^截至 \d{4}-\d{2}-\d{2} \/ as of \d{4}-\d{2}-\d{2}$/);
  });

  it('judges staffing against the urban baseline and shows both figures', async () => {
    const g = goal(await gql(ATTAINMENT, { id: id.T }), 'STAFFING');
    expect(g.met).toBe(true);
    const bachelor = g.inputs.find((i: any) => i.name.includes('本科'));
    expect(bachelor).toMatchObject({ value: '75.0%', baseline: '75.0%' });
    expect(bachelor.source).toMatch(/^专任教师 3\/4；基准：.+ \/ full-time teachers 3\/4; baseline: .+$/);
    await gql('mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }', {
      i: { staffNumber: 'extra', name: '新教师', gender: 'FEMALE', schoolId: id.Seat, degree: 'ASSOCIATE' },
    });
    const after = goal(await gql(ATTAINMENT, { id: id.T }), 'STAFFING');
    expect(after.met).toBe(false);
    expect(after.reason).toContain('本科及以上学历教师比例 60.0% 低于城区基准 75.0%');
  });

  it('judges support by leadership and monthly joint research, naming the missed month', async () => {
    const g = goal(await gql(ATTAINMENT, { id: id.T }), 'SUPPORT');
    if (month >= 3) {
      expect(g.met).toBe(false);
      expect(g.reason).toBe(`目标Seat：${year}-03 未开展联合教研`);
    }
    expect(g.inputs.find((i: any) => i.name.includes('托管'))).toMatchObject({ value: '1' });
    // The month still running is not missed yet, even with no session in it so far.
    await t.ds.query(`DELETE FROM joint_research_session WHERE held_on >= date_trunc('month', $1::date)`, [TEST_TODAY]);
    const running = goal(await gql(ATTAINMENT, { id: id.T }), 'SUPPORT');
    expect(running.reason).toBe(g.reason);
    // The previous year: the assignment had not started, so no researcher was attached.
    const last = goal(await gql(ATTAINMENT, { id: id.T, p: String(Number(year) - 1) }), 'SUPPORT');
    expect(last.reason).toBe('目标Seat：本期没有包挂教研员');
  });

  it('needs assessments for quality, environment and satisfaction, and says so', async () => {
    const r = await gql(ATTAINMENT, { id: id.T });
    for (const g of ['QUALITY', 'ENVIRONMENT', 'SATISFACTION']) {
      expect(goal(r, g)).toMatchObject({ met: false, reason: `目标Seat：没有 ${year} 年度的评估数据` });
    }
    expect(r.goalAttainment.meetsAll).toBe(false);
  });

  it('fails every goal of a town without a town-seat school, with that reason', async () => {
    const r = await gql(ATTAINMENT, { id: id.Empty });
    expect(r.goalAttainment.goals.every((g: any) => g.met === false && g.reason === '该乡镇没有镇驻地学校')).toBe(true);
  });

  it('summarises the programme towns against the target, within scope', async () => {
    const q = `query($d: ID) { programmeSummary(districtId: $d) { period hasData townCount townsMeetingAll shareMeetingAll target meetsTarget
      goals { goal townsMeeting share } districts { district { name } townCount } } }`;
    const s = (await gql(q, { d: id.D })).programmeSummary;
    expect(s).toMatchObject({
      // No assessments anywhere: the default period is this year, and it has no data, so no
      // share is reported (null, not 0%).
      period: year,
      hasData: false,
      townCount: 2,
      townsMeetingAll: 0,
      shareMeetingAll: null,
      target: 0.8,
      meetsTarget: false,
    });
    expect(s.goals.find((g: any) => g.goal === 'CONDITIONS')).toEqual({
      goal: 'CONDITIONS',
      townsMeeting: 0,
      share: null,
    });
    const trend = (
      await gql(
        'query($d: ID) { programmeSummary(districtId: $d) { trend(years: 2) { period hasData townCount townsMeetingAll shareMeetingAll } } }',
        { d: id.D },
      )
    ).programmeSummary.trend;
    expect(trend).toEqual([
      { period: String(Number(year) - 1), hasData: false, townCount: 2, townsMeetingAll: 0, shareMeetingAll: null },
      { period: year, hasData: false, townCount: 2, townsMeetingAll: 0, shareMeetingAll: null },
    ]);
    const staff = await signInAs(t, 'goal-staff', [{ role: Role.SCHOOL_STAFF, schoolId: db('Partner') }]);
    expect((await gql(q, { d: id.D }, staff)).programmeSummary.townCount).toBe(1);
    expect((await gql(ATTAINMENT, { id: id.Empty }, staff)).goalAttainment).toBeNull();
    expect((await t.gql(ATTAINMENT, { id: id.T, p: 'last year' }, token)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'period' }],
    });
  });
  it('lists the verdicts as one connection, filtered by verdict and paged exactly, in a fixed number of queries', async () => {
    // Five more programme towns, each with a town-seat school of no teachers: they can meet
    // CONDITIONS at most, and two of them have an item past its deadline.
    for (const [n, overdue] of [
      [3, true],
      [4, false],
      [5, true],
      [6, false],
      [7, false],
    ] as const) {
      id[`L${n}`] = (
        await gql('mutation($i: CreateTownInput!) { createTown(input: $i) { id } }', {
          i: { code: `37092100${n}`, name: `目标镇L${n}`, kind: 'TOWN', districtId: id.D, inProgramme: true },
        })
      ).createTown.id;
      await school(`LS${n}`, `L${n}`, 'TOWN', true);
      if (overdue) {
        await t.ds.manager.insert(RectificationItem, {
          schoolId: db(`LS${n}`),
          townId: db(`L${n}`),
          districtId: db('D'),
          standardItem: StandardItem.CANTEEN,
          problem: '食堂面积不足',
          fundSource: FundSource.DISTRICT,
          deadline: shift(-10),
          owner: '校长',
          measures: '扩建',
          status: RectificationStatus.OPEN,
        });
      }
    }
    const PAGE = `query($f: TownGoalFilter, $o: TownGoalOrder, $first: Int, $after: String, $last: Int, $before: String) {
      townGoalAttainments(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        nodes { period meetsAll goalsMet town { id name } goals { goal met } conditions: verdict(goal: CONDITIONS) { met reason } } } }`;
    type Node = {
      meetsAll: boolean;
      goalsMet: number;
      town: { id: string; name: string };
      goals: { goal: string; met: boolean }[];
      conditions: { met: boolean; reason: string | null };
    };
    /** Every node, two at a time forwards (or backwards, returned in list order). */
    async function walk(vars: Record<string, unknown>, tk = token, backwards = false) {
      const seen: Node[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: any = (
          await gql(PAGE, backwards ? { ...vars, last: 2, before: cursor } : { ...vars, first: 2, after: cursor }, tk)
        ).townGoalAttainments;
        if (backwards) seen.unshift(...page.nodes);
        else seen.push(...page.nodes);
        const more = backwards ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
        if (!more) return { nodes: seen, totalCount: page.totalCount as number };
        cursor = backwards ? page.pageInfo.startCursor : page.pageInfo.endCursor;
      }
      throw new Error('did not end');
    }
    const names = (ns: Node[]) => ns.map((n) => n.town.name);
    const inD = { districtId: id.D };

    const all = await walk({ f: inD });
    expect(names(all.nodes)).toEqual(['T', 'Empty', 'L3', 'L4', 'L5', 'L6', 'L7'].map((k) => `目标镇${k}`));
    expect(all.totalCount).toBe(7);
    // Each row is goalAttainment's verdict for that town: one source of truth.
    for (const n of all.nodes) {
      const single = (await gql(ATTAINMENT, { id: n.town.id })).goalAttainment;
      expect(n.goals).toEqual(single.goals.map((g: any) => ({ goal: g.goal, met: g.met })));
      expect(n.meetsAll).toBe(single.meetsAll);
      expect(n.goalsMet).toBe(single.goals.filter((g: any) => g.met).length);
      expect(n.conditions).toEqual({
        met: goal({ goalAttainment: single }, 'CONDITIONS').met,
        reason: goal({ goalAttainment: single }, 'CONDITIONS').reason,
      });
    }

    // A verdict filter holds across pages, and totalCount counts what it keeps.
    const failing = await walk({ f: { ...inD, failingGoal: 'CONDITIONS' } });
    expect(names(failing.nodes)).toEqual(['目标镇T', '目标镇Empty', '目标镇L3', '目标镇L5']);
    expect(failing.totalCount).toBe(4);
    expect(names((await walk({ f: { ...inD, failingGoal: 'CONDITIONS' } }, token, true)).nodes)).toEqual(
      names(failing.nodes),
    );
    expect((await walk({ f: { ...inD, meetsAll: false } })).totalCount).toBe(7);
    expect((await walk({ f: { ...inD, meetsAll: true } })).nodes).toEqual([]);
    expect(names((await walk({ f: { ...inD, failingGoal: 'CONDITIONS', search: 'L' } })).nodes)).toEqual([
      '目标镇L3',
      '目标镇L5',
    ]);

    // Weakest first: fewest goals met, then by id; the same walked backwards.
    const weakest = await walk({ f: inD, o: { field: 'GOALS_MET' } });
    expect(weakest.nodes.map((n) => n.goalsMet)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(names(weakest.nodes.slice(4)).sort()).toEqual(['目标镇L4', '目标镇L6', '目标镇L7']);
    expect(names((await walk({ f: inD, o: { field: 'GOALS_MET' } }, token, true)).nodes)).toEqual(names(weakest.nodes));
    const strongest = await walk({ f: inD, o: { field: 'GOALS_MET', direction: 'DESC' } });
    expect(names(strongest.nodes)).toEqual(names(weakest.nodes).reverse());
    // A cursor belongs to its ordering.
    const byCode = (await gql(PAGE, { f: inD, first: 1 })).townGoalAttainments.pageInfo.endCursor;
    expect(
      (await t.gql(PAGE, { f: inD, o: { field: 'NAME' }, first: 1, after: byCode }, token)).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ constraint: 'cursorOrder' }] });

    // The programme summary counts the same verdicts.
    const summary = (
      await gql('query($d: ID) { programmeSummary(districtId: $d) { townsMeetingAll goals { goal townsMeeting } } }', {
        d: id.D,
      })
    ).programmeSummary;
    expect(summary.goals.find((g: any) => g.goal === 'CONDITIONS').townsMeeting).toBe(7 - failing.totalCount);

    // Within scope: a school's staff see the verdicts of their own school's town only.
    const staff = await signInAs(t, 'goal-list-staff', [{ role: Role.SCHOOL_STAFF, schoolId: db('Partner') }]);
    expect(names((await walk({ f: inD }, staff)).nodes)).toEqual(['目标镇T']);

    // The export walks this one connection, filter and verdict columns included.
    setQueryExportOptions({ pageSize: 2 });
    try {
      const res = await fetch(t.url.replace(/\/graphql$/, '/api/export/query.csv'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query($f: TownGoalFilter) { townGoalAttainments(filter: $f, first: 100) {
            nodes { town { name } meetsAll conditions: verdict(goal: CONDITIONS) { met } staffing: verdict(goal: STAFFING) { met } } } }`,
          variables: { f: { ...inD, failingGoal: 'CONDITIONS' } },
          columns: [
            { path: 'town.name', heading: '乡镇' },
            { path: 'meetsAll', heading: '全部达成' },
            { path: 'conditions.met', heading: '办学条件' },
            { path: 'staffing.met', heading: '师资' },
          ],
        }),
      });
      expect(res.status).toBe(200);
      const [head, ...rows] = parse(await res.text(), { bom: true }) as string[][];
      expect(head).toEqual(['乡镇', '全部达成', '办学条件', '师资']);
      expect(rows.map((r) => r[0])).toEqual(names(failing.nodes));
      expect(rows.every((r) => r[1] === '否' && r[2] === '否')).toBe(true);
    } finally {
      setQueryExportOptions(QUERY_EXPORT_DEFAULTS);
    }

    // All verdicts of a page come from one batch: seven towns cost what one does (目标镇T,
    // the one with a researcher, so both pages read the calendar and the sessions).
    const statements = async (f: Record<string, unknown>) => {
      t.statements.reset();
      await gql(PAGE, { f, first: 20 });
      return t.statements.statements.filter((q) => !/"auth_session"|"app_user"|"role_grant"/.test(q)).length;
    };
    expect(await statements(inD)).toBe(await statements({ ...inD, search: '目标镇T' }));
  });
});
