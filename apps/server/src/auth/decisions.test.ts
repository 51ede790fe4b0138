import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { startTestApp, type GqlResult, type TestApp } from '../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../test/fixtures.js';
import { parseGlobalId } from '../common/global-id.js';
import { createSchema } from '../schema.js';
import { createServices } from '../services.js';
import { Role } from './viewer.js';
import { ViewerAction } from './viewer-can.resolver.js';
import { RECORD_POLICIES } from './decisions/registry.js';

/**
 * The decisions the matrix does not reach with its one school per role: a town's non-seat
 * school, a session spanning two districts, actions that do not apply to a record type. Each
 * case asks viewerCan and runs the mutation, and both must say the same.
 */
const dbId = (globalId: string) => parseGlobalId(globalId)!.id;
const CONTENT = { targets: '目标', measures: '措施', responsibilities: '分工', expectedOutcomes: '成效' };

describe('one decision per action', () => {
  let t: TestApp;
  let city: string;
  let a: World;
  let b: World;
  let seatStaff: string; // staff of A's school 0, the town seat
  let otherStaff: string; // staff of A's school 1, not a seat
  let year = 2030;

  const can = async (token: string, action: string, id?: string) => {
    const r = await t.gql<{ viewerCan: boolean }>(
      `query($id: ID) { viewerCan(action: ${action}, id: $id) }`,
      { id: id ?? null },
      token,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.viewerCan;
  };
  const outcome = (r: GqlResult) => (r.errors ? (r.errors[0]!.extensions?.code as string) : 'OK');

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    a = await buildWorld(t, city, { districtCode: '370961', schools: 2, teachersPerSchool: 1 });
    b = await buildWorld(t, city, { districtCode: '370962', schools: 1, teachersPerSchool: 1 });
    seatStaff = await signInAs(t, 'seat', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(a.schoolIds[0]!) }]);
    otherStaff = await signInAs(t, 'other', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(a.schoolIds[1]!) }]);
  });
  afterAll(() => t.close());

  const createPlan = (token: string) =>
    t.gql<{ createTownPlan: { id: string; version: number } }>(
      'mutation($i: CreateTownPlanInput!) { createTownPlan(input: $i) { id version } }',
      { i: { townId: a.townId, year: year++, ...CONTENT } },
      token,
    );

  it("lets a town-seat school's staff draft and submit the town's plan, and tells them so", async () => {
    expect(await can(seatStaff, 'PLAN_DRAFT', a.townId)).toBe(true);
    const created = await createPlan(seatStaff);
    expect(outcome(created)).toBe('OK');
    const { id, version } = created.data!.createTownPlan;
    expect(await can(seatStaff, 'PLAN_SUBMIT', id)).toBe(true);
    const submitted = await t.gql(
      'mutation($id: ID!, $v: Int!) { submitTownPlan(id: $id, expectedVersion: $v) { state } }',
      { id, v: version },
      seatStaff,
    );
    expect(outcome(submitted)).toBe('OK');
  });

  it("refuses the staff of the town's other schools, and tells them so", async () => {
    expect(await can(otherStaff, 'PLAN_DRAFT', a.townId)).toBe(false);
    expect(outcome(await createPlan(otherStaff))).toBe('FORBIDDEN');
    const { id, version } = (await createPlan(city)).data!.createTownPlan;
    expect(await can(otherStaff, 'PLAN_DRAFT', id)).toBe(false);
    expect(await can(otherStaff, 'PLAN_SUBMIT', id)).toBe(false);
    const submitted = await t.gql(
      'mutation($id: ID!, $v: Int!) { submitTownPlan(id: $id, expectedVersion: $v) { state } }',
      { id, v: version },
      otherStaff,
    );
    expect(outcome(submitted)).toBe('FORBIDDEN');
  });

  it('needs every school of a joint research session, in viewerCan as in the mutation', async () => {
    const researcher = await t.gql<{ createResearcher: { id: string } }>(
      'mutation { createResearcher(input: { name: "市教研员", level: CITY, subject: "数学" }) { id } }',
      {},
      city,
    );
    const session = await t.gql<{ recordJointResearchSession: { id: string } }>(
      'mutation($i: RecordJointResearchSessionInput!) { recordJointResearchSession(input: $i) { id } }',
      {
        i: {
          heldOn: '2026-10-01',
          researcherId: researcher.data!.createResearcher.id,
          schoolIds: [a.schoolIds[0], b.schoolIds[0]],
          subject: '数学',
          topic: '跨区教研',
        },
      },
      city,
    );
    const id = session.data!.recordJointResearchSession.id;
    // The seat staff sees the session (one of its schools is theirs) but may not change it alone.
    expect(await can(seatStaff, 'SESSION_RECORD', id)).toBe(false);
    expect(await can(seatStaff, 'SESSION_RECORD', a.schoolIds[0])).toBe(true);
    const updated = await t.gql(
      'mutation($id: ID!) { updateJointResearchSession(id: $id, input: { participantCount: 3 }) { id } }',
      { id },
      seatStaff,
    );
    expect(outcome(updated)).toBe('FORBIDDEN');
    expect(await can(city, 'SESSION_RECORD', id)).toBe(true);
  });

  it('answers false for an action that does not apply to the record, or an id that names nothing', async () => {
    expect(await can(city, 'PLAN_FILE', a.schoolIds[0])).toBe(false);
    expect(await can(city, 'SCHOOL_UPDATE', a.townId)).toBe(false);
    expect(await can(city, 'SCHOOL_UPDATE', 'not-an-id')).toBe(false);
    expect(await can(city, 'SCHOOL_UPDATE', a.schoolIds[0])).toBe(true);
  });

  it('keeps viewerCan without an id as "anywhere"', async () => {
    expect(await can(otherStaff, 'TEACHER_CREATE')).toBe(true);
    expect(await can(otherStaff, 'SCHOOL_CREATE')).toBe(false);
    expect(await can(city, 'PROGRAMME_CONFIGURE')).toBe(true);
    expect(await can(seatStaff, 'PROGRAMME_CONFIGURE')).toBe(false);
  });

  it('registers only record types viewerCan can read, and every action can be asked', async () => {
    const schema = await createSchema();
    const services = createServices(t.ds, t.config);
    for (const policy of RECORD_POLICIES) {
      const type = schema.getType(policy.type);
      expect(type && isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'), policy.type).toBe(true);
      expect(services.byTypeName(policy.type), policy.type).toBeDefined();
      for (const action of Object.keys(policy.decide)) {
        expect(Object.values(ViewerAction) as string[], `${policy.type} ${action}`).toContain(action);
      }
    }
  });
});
