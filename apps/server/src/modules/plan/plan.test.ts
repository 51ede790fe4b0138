import { Clock } from '../../common/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TEST_TODAY } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';
import { isLate, TRANSITIONS, type TransitionName } from './plan.service.js';
import { TownPlanState } from './plan.enums.js';

const FIELDS =
  'id state version year dueDate isLate submittedAt targets measures actionLines measureItems { text actionLines } transitions { fromState toState username comment }';
const CREATE = `mutation($i: CreateTownPlanInput!) { createTownPlan(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: TownPlanContentInput!) { updateTownPlan(id: $id, expectedVersion: $v, input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { townPlan(id: $id) { ${FIELDS} } }`;
const move = (name: TransitionName) =>
  `mutation($id: ID!, $v: Int!, $c: String${name === 'return' ? '!' : ''}) { p: ${name}TownPlan(id: $id, expectedVersion: $v, comment: $c) { ${FIELDS} } }`;

const CONTENT = {
  targets: '镇驻地学校学业差异率降至 0.15 以下',
  measures: '实施月度联合教研',
  responsibilities: '校长总负责，教导处具体实施',
  expectedOutcomes: '家长满意度达到 95%',
};

/** The plan due date is set to today (MM-DD) so "on the due date" and "after it" are both testable now. */
const DUE = TEST_TODAY.slice(5) === '02-29' ? '02-28' : TEST_TODAY.slice(5);
const THIS_YEAR = Number(TEST_TODAY.slice(0, 4));

describe('town plans', () => {
  let t: TestApp;
  let city: string;
  let district: string;
  let seatStaff: string;
  let otherStaff: string;
  let w: World;
  let year = 2030;
  const dbId = (id: string) => parseGlobalId(id)!.id;
  type Plan = Record<string, any> & { id: string; version: number; state: string };

  async function plan(extra: Record<string, unknown> = {}, token = city): Promise<Plan> {
    const r = await t.gql(CREATE, { i: { townId: w.townId, year: year++, ...CONTENT, ...extra } }, token);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createTownPlan as Plan;
  }
  async function step(p: Plan, name: TransitionName, token = city, comment: string | null = '意见'): Promise<Plan> {
    const r = await t.gql(move(name), { id: p.id, v: p.version, c: comment }, token);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.p as Plan;
  }
  /** A fresh plan brought to `state` by the city admin. */
  async function planIn(state: TownPlanState): Promise<Plan> {
    let p = await plan();
    const path: Record<TownPlanState, TransitionName[]> = {
      DRAFT: [],
      SUBMITTED: ['submit'],
      APPROVED: ['submit', 'approve'],
      RETURNED: ['submit', 'return'],
      FILED: ['submit', 'approve', 'file'],
    };
    for (const name of path[state]) p = await step(p, name);
    expect(p.state).toBe(state);
    return p;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { PLAN_DUE_MONTH_DAY: DUE } });
    city = await cityAdminToken(t);
    w = await buildWorld(t, city, { districtCode: '370982', schools: 2, teachersPerSchool: 0 });
    district = await signInAs(t, 'plan-district', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(w.districtId) }]);
    seatStaff = await signInAs(t, 'plan-seat', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(w.schoolIds[0]!) }]);
    otherStaff = await signInAs(t, 'plan-other', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(w.schoolIds[1]!) }]);
  });
  afterAll(() => t.close());

  it('creates a draft with the action lines its measures serve, one per town and year', async () => {
    const p = await plan(
      {
        measureItems: [
          { text: '建设智慧教室', actionLines: ['SMART_EDUCATION', 'CONDITIONS'] },
          { text: '月度联合教研', actionLines: ['TEACHING_QUALITY', 'CONDITIONS'] },
        ],
      },
      seatStaff,
    );
    expect(p).toMatchObject({ state: 'DRAFT', version: 1, transitions: [], submittedAt: null });
    expect(p.measureItems[0]).toEqual({ text: '建设智慧教室', actionLines: ['CONDITIONS', 'SMART_EDUCATION'] });
    expect(p.actionLines).toEqual(['CONDITIONS', 'TEACHING_QUALITY', 'SMART_EDUCATION']);
    const dup = await t.gql(CREATE, { i: { townId: w.townId, year: p.year } }, city);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'input.year' }] });
    const byLine = await t.gql(
      'query($t: ID!) { townPlans(filter: { townId: $t, actionLine: SMART_EDUCATION }) { nodes { id } } }',
      { t: w.townId },
      city,
    );
    expect(byLine.data!.townPlans.nodes).toEqual([{ id: p.id }]);
    const empty = await t.gql(
      CREATE,
      { i: { townId: w.townId, year: year++, measureItems: [{ text: '无行动', actionLines: [] }] } },
      city,
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.measureItems.0.actionLines' }],
    });
  });

  it('runs the whole review: submit, return with a comment, revise, resubmit, approve, file — each step recorded', async () => {
    let p = await plan({}, seatStaff);
    p = await step(p, 'submit', seatStaff, null);
    expect(p).toMatchObject({ state: 'SUBMITTED', version: 2 });
    expect(p.submittedAt).toBeTruthy();
    const firstSubmission = p.submittedAt;

    const noComment = await t.gql(move('return'), { id: p.id, v: p.version, c: '  ' }, district);
    expect(noComment.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'comment', constraint: 'required' }],
    });
    p = await step(p, 'return', district, '措施不够具体');
    expect(p.state).toBe('RETURNED');

    const revised = await t.gql(
      UPDATE,
      { id: p.id, v: p.version, i: { measures: '每月第一周开展联合教研' } },
      seatStaff,
    );
    p = revised.data!.updateTownPlan as Plan;
    expect(p).toMatchObject({ state: 'RETURNED', measures: '每月第一周开展联合教研' });

    p = await step(p, 'submit', seatStaff, '已按意见修改');
    expect(p.submittedAt).toBe(firstSubmission);
    p = await step(p, 'approve', district, null);
    p = await step(p, 'file', city, '备案');
    expect(p.state).toBe('FILED');
    expect(p.transitions).toEqual([
      { fromState: 'DRAFT', toState: 'SUBMITTED', username: 'plan-seat', comment: null },
      { fromState: 'SUBMITTED', toState: 'RETURNED', username: 'plan-district', comment: '措施不够具体' },
      { fromState: 'RETURNED', toState: 'SUBMITTED', username: 'plan-seat', comment: '已按意见修改' },
      { fromState: 'SUBMITTED', toState: 'APPROVED', username: 'plan-district', comment: null },
      { fromState: 'APPROVED', toState: 'FILED', username: 'city', comment: '备案' },
    ]);
    const audit = await t.ds.query(`SELECT action FROM audit_entry WHERE record_type = 'TownPlan' AND record_id = $1`, [
      dbId(p.id),
    ]);
    expect(audit).toHaveLength(7);
  });

  const STATES = Object.values(TownPlanState);
  for (const from of STATES) {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      const allowed = (TRANSITIONS[name].from as TownPlanState[]).includes(from);
      it(`${allowed ? 'allows' : 'refuses'} ${name} from ${from}`, async () => {
        const p = await planIn(from);
        const r = await t.gql(move(name), { id: p.id, v: p.version, c: '意见' }, city);
        const after = (await t.gql(GET, { id: p.id }, city)).data!.townPlan as Plan;
        if (allowed) {
          expect(r.errors).toBeUndefined();
          expect(after).toMatchObject({ state: TRANSITIONS[name].to, version: p.version + 1 });
          expect(after.transitions.at(-1)).toMatchObject({ fromState: from, toState: TRANSITIONS[name].to });
        } else {
          expect(r.errors?.[0]?.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            fields: [{ path: 'id', constraint: 'transition' }],
          });
          expect(after).toMatchObject({ state: from, version: p.version });
          expect(after.transitions).toHaveLength(p.transitions.length);
        }
      });
    }
  }

  it('edits only DRAFT and RETURNED plans', async () => {
    for (const state of STATES) {
      const p = await planIn(state);
      const r = await t.gql(UPDATE, { id: p.id, v: p.version, i: { targets: '改' } }, city);
      if (state === 'DRAFT' || state === 'RETURNED') {
        expect(r.data!.updateTownPlan).toMatchObject({ state, targets: '改', version: p.version + 1 });
      } else {
        expect(r.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ constraint: 'editable' }],
        });
        expect(((await t.gql(GET, { id: p.id }, city)).data!.townPlan as Plan).targets).toBe(CONTENT.targets);
      }
    }
  });

  it('refuses to submit without all four specifics, naming each missing one, and writes nothing', async () => {
    const p = await plan({ targets: null, responsibilities: '  ', expectedOutcomes: null });
    const r = await t.gql(move('submit'), { id: p.id, v: p.version }, city);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = r.errors![0]!.extensions!.fields as { path: string; constraint: string }[];
    expect(fields.map((f) => f.path)).toEqual(['targets', 'responsibilities', 'expectedOutcomes']);
    expect(fields.every((f) => f.constraint === 'requiredToSubmit')).toBe(true);
    expect((await t.gql(GET, { id: p.id }, city)).data!.townPlan).toMatchObject({
      state: 'DRAFT',
      version: p.version,
      submittedAt: null,
      transitions: [],
    });
  });

  it('refuses a stale version with CONFLICT and the current version; the first edit survives', async () => {
    const p = await plan();
    const first = await t.gql(UPDATE, { id: p.id, v: p.version, i: { targets: '甲的目标' } }, seatStaff);
    expect(first.data!.updateTownPlan).toMatchObject({ targets: '甲的目标', version: p.version + 1 });
    const second = await t.gql(UPDATE, { id: p.id, v: p.version, i: { targets: '乙的目标' } }, district);
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: p.version + 1,
      fields: [{ path: 'expectedVersion', constraint: 'version' }],
    });
    const stored = (await t.gql(GET, { id: p.id }, city)).data!.townPlan as Plan;
    expect(stored).toMatchObject({ targets: '甲的目标', version: p.version + 1 });

    const staleMove = await t.gql(move('submit'), { id: p.id, v: p.version }, city);
    expect(staleMove.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: p.version + 1 });
    expect(((await t.gql(GET, { id: p.id }, city)).data!.townPlan as Plan).state).toBe('DRAFT');
  });

  it('lets exactly one of two simultaneous edits with the same version through', async () => {
    const p = await plan();
    const results = await Promise.all(
      ['并发甲', '并发乙'].map((targets) => t.gql(UPDATE, { id: p.id, v: p.version, i: { targets } }, city)),
    );
    const ok = results.filter((r) => r.data?.updateTownPlan);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect([ok.length, refused.length]).toEqual([1, 1]);
    const stored = (await t.gql(GET, { id: p.id }, city)).data!.townPlan as Plan;
    expect(stored).toMatchObject({ targets: ok[0]!.data!.updateTownPlan.targets, version: p.version + 1 });
  });

  it('shows the configured due date and which plans are late', () => {
    const config = { planDueMonthDay: '03-29', clock: new Clock('2023-03-29') };
    const at = (iso: string) => new Date(iso);
    // Jinan is UTC+8: 2023-03-29T15:59Z is still the 29th there, 16:00Z is the 30th.
    expect(isLate({ year: 2023, submittedAt: at('2023-03-29T15:59:00Z') }, config)).toBe(false);
    expect(isLate({ year: 2023, submittedAt: at('2023-03-29T16:00:00Z') }, config)).toBe(true);
    expect(isLate({ year: 2023, submittedAt: null }, config)).toBe(false);
    config.clock.pin('2023-03-30');
    expect(isLate({ year: 2023, submittedAt: null }, config)).toBe(true);
  });

  it('marks late submissions and unsubmitted plans past due, by field and by filter', async () => {
    const t2 = await buildWorld(t, city, { districtCode: '370983', schools: 1, teachersPerSchool: 0 });
    const mk = async (y: number) =>
      (await t.gql(CREATE, { i: { townId: t2.townId, year: y, ...CONTENT } }, city)).data!.createTownPlan as Plan;
    const onTime = await step(await mk(THIS_YEAR), 'submit'); // submitted on the due date itself
    const lateSubmitted = await step(await mk(THIS_YEAR - 1), 'submit');
    const lateDraft = await mk(THIS_YEAR - 2);
    const future = await mk(THIS_YEAR + 1);
    expect(onTime).toMatchObject({ dueDate: `${THIS_YEAR}-${DUE}`, isLate: false });
    expect(lateSubmitted.isLate).toBe(true);
    expect(lateDraft.isLate).toBe(true);
    expect(future.isLate).toBe(false);
    const late = await t.gql(
      'query($t: ID!, $l: Boolean) { townPlans(filter: { townId: $t, late: $l }, orderBy: { field: YEAR }) { nodes { id } } }',
      { t: t2.townId, l: true },
      city,
    );
    expect(late.data!.townPlans.nodes).toEqual([{ id: lateDraft.id }, { id: lateSubmitted.id }]);
    const notLate = await t.gql(
      'query($t: ID!) { townPlans(filter: { townId: $t, late: false }, orderBy: { field: YEAR }) { nodes { id } } }',
      { t: t2.townId },
      city,
    );
    expect(notLate.data!.townPlans.nodes).toEqual([{ id: onTime.id }, { id: future.id }]);
  });

  it('lets town-seat staff draft and submit but not review; other schools of the town read only', async () => {
    const p = await plan();
    const approve = await t.gql(move('approve'), { id: p.id, v: p.version }, seatStaff);
    expect(approve.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const create = await t.gql(CREATE, { i: { townId: w.townId, year: year++ } }, otherStaff);
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(GET, { id: p.id }, otherStaff)).data!.townPlan.id).toBe(p.id);
    const edit = await t.gql(UPDATE, { id: p.id, v: p.version, i: { targets: '越权' } }, otherStaff);
    expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const submitted = await step(p, 'submit', seatStaff);
    const file = await t.gql(move('file'), { id: p.id, v: submitted.version }, district);
    expect(file.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('hides plans from viewers outside the town and its district', async () => {
    const p = await plan();
    const b = await buildWorld(t, city, { districtCode: '370984', schools: 1, teachersPerSchool: 0 });
    const outsider = await signInAs(t, 'plan-outsider', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(b.schoolIds[0]!) }]);
    const otherBureau = await signInAs(t, 'plan-bureau-b', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(b.districtId) },
    ]);
    for (const token of [outsider, otherBureau]) {
      expect((await t.gql(GET, { id: p.id }, token)).data!.townPlan).toBeNull();
      const list = await t.gql('query($t: ID!) { town(id: $t) { plans { totalCount } } }', { t: w.townId }, token);
      expect(list.data!.town.plans.totalCount).toBe(0);
      const r = await t.gql(UPDATE, { id: p.id, v: p.version, i: { targets: 'x' } }, token);
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const nested = await t.gql(
      'query($t: ID!) { town(id: $t) { plans(first: 100) { totalCount } } }',
      { t: w.townId },
      seatStaff,
    );
    expect(nested.data!.town.plans.totalCount).toBeGreaterThan(0);
  });
});
