import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../schema.js';
import { DEMO_CITY, DEMO_PASSWORD } from './seed/accounts.js';
import { queryRootConnections, rootConnectionQueries } from '../scripts/root-connections.js';

/**
 * The embedded database as users meet it: `npm start` on an empty data directory (small
 * demo seed), stop, start again on the same files, as every user does the next morning.
 * Each start is a real server process: PGlite reads its type catalogue when the process
 * starts, and that is where a restarted database used to differ from a fresh one (enum
 * arrays came back as JS arrays and broke `trusteeships` and `townPlans`). Every root
 * connection and every kind of write runs on both starts; on the fresh one, enum arrays
 * used to be bound as text PGlite could not read (`createTrusteeship`, `createTownPlan`).
 */

const SERVER_ROOT = path.resolve(import.meta.dirname, '../..');
/** A limit, not a measure: a first start seeds the demo, which takes a while on a shared machine. */
const STARTS_AND_SEEDS = 300_000;

interface Running {
  url: string;
  /** resolves with the exit code (or the signal that ended it) */
  stop(): Promise<string>;
}

/**
 * Starts `src/main.ts` on `dataDir` with PORT=0 and resolves once it logs the port it
 * listens on: main.ts logs that after migrations and the seed, so the server is ready.
 */
function startServer(dataDir: string): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_START: 'true',
    SEED_SCALE: 'small',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL; // unset: the embedded database
  const child = spawn(process.execPath, ['--import', '@oxc-node/core/register', 'src/main.ts'], {
    cwd: SERVER_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(`${code ?? signal}`)));
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      log += `${line}\n`;
      const entry = (line.startsWith('{') ? JSON.parse(line) : {}) as { msg?: string; port?: number };
      if (entry.msg !== 'Zhuji is listening') return;
      resolve({
        url: `http://127.0.0.1:${entry.port}/graphql`,
        stop() {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((how) => reject(new Error(`the server exited (${how}) before listening:\n${log}`)));
  });
}

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;

async function signIn(url: string): Promise<{ token: string; gql: Gql }> {
  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await r.json()) as { data?: Record<string, any>; errors?: unknown[] };
  };
  const login = await post('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: DEMO_CITY,
    p: DEMO_PASSWORD,
  });
  const token = login.data!.login.token as string;
  return {
    token,
    // Every write must succeed: an error names the operation and what the server said.
    gql: async (query, variables = {}) => {
      const r = await post(query, variables, token);
      if (r.errors || !r.data) throw new Error(`${query.slice(0, 80)}…\n${JSON.stringify(r.errors)}`);
      return r.data;
    },
  };
}

const id = (data: Record<string, any>) => (Object.values(data)[0] as { id: string }).id;

/**
 * Creates, updates and deletes one of each record type through the API, as the demo city
 * admin. `tag` (two digits) keeps the codes of the two starts apart.
 */
async function everyKindOfWrite(gql: Gql, tag: string): Promise<{ districtId: string }> {
  const districtCode = `3709${tag}`;
  const districtId = id(
    await gql('mutation($i: CreateDistrictInput!) { createDistrict(input: $i) { id } }', {
      i: { code: districtCode, name: `重启区${tag}`, kind: 'DISTRICT' },
    }),
  );
  await gql('mutation($id: ID!) { updateDistrict(id: $id, input: { name: "重启区改" }) { id } }', { id: districtId });
  const town = (code: string) =>
    gql('mutation($i: CreateTownInput!) { createTown(input: $i) { id } }', {
      i: { code: `${districtCode}${code}`, name: `重启镇${tag}${code}`, kind: 'TOWN', districtId, inProgramme: true },
    }).then(id);
  const townId = await town('001');
  await gql('mutation($id: ID!) { updateTown(id: $id, input: { pilotLevel: CITY }) { id } }', { id: townId });
  const school = (n: number) =>
    gql('mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }', {
      i: {
        code: `37${tag}99000${n}`,
        name: `重启第${n}小学`,
        stage: 'PRIMARY',
        locality: n === 0 ? 'TOWN' : 'RURAL',
        isTownSeat: n === 0,
        townId,
      },
    }).then(id);
  const schools = [await school(0), await school(1), await school(2)];
  await gql('mutation($id: ID!) { updateSchool(id: $id, input: { studentCount: 420 }) { id } }', { id: schools[0] });
  const teacher = (n: number, schoolId: string) =>
    gql('mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }', {
      i: { staffNumber: `R${n}`, name: `重启教师${n}`, gender: 'FEMALE', degree: 'BACHELOR', schoolId },
    }).then(id);
  const teachers = [await teacher(1, schools[0]!), await teacher(2, schools[0]!)];
  await gql('mutation($id: ID!) { updateTeacher(id: $id, input: { subject: "语文" }) { id } }', { id: teachers[0] });

  // Collaboration: a group, a membership, a trusteeship with measures and one without.
  const group = () =>
    gql('mutation($i: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $i) { id } }', {
      i: { name: `重启集团${tag}${Math.random()}`, kind: 'EDUCATION_GROUP', leadSchoolId: schools[0] },
    }).then(id);
  const groupId = await group();
  await gql('mutation($id: ID!) { updateCollaborationGroup(id: $id, input: { description: "重启" }) { id } }', {
    id: groupId,
  });
  const membership = id(
    await gql(
      'mutation($g: ID!, $s: ID!) { addGroupMember(groupId: $g, input: { schoolId: $s, role: MEMBER, joinedOn: "2024-01-01" }) { id } }',
      { g: groupId, s: schools[1] },
    ),
  );
  await gql('mutation($id: ID!) { endGroupMembership(id: $id, leftOn: "2024-12-31") { id } }', { id: membership });
  await gql('mutation($id: ID!) { deleteCollaborationGroup(id: $id) }', { id: await group() });
  const trusteeship = async (partner: string, measures?: string[]) => {
    const r = await gql('mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) { id measures } }', {
      i: { leadSchoolId: schools[0], partnerSchoolId: partner, mode: 'PAIRING', startDate: '2024-01-01', measures },
    });
    expect(r.createTrusteeship.measures).toEqual(measures ?? []);
    return id(r);
  };
  await trusteeship(schools[1]!);
  const withMeasures = await trusteeship(schools[2]!, ['JOINT_RESEARCH', 'CULTURE_SUPPORT']);
  for (const measures of [[], ['SECONDED_LEADERSHIP']]) {
    const r = await gql(
      'mutation($id: ID!, $m: [TrusteeshipMeasure!]) { updateTrusteeship(id: $id, input: { measures: $m }) { measures } }',
      {
        id: withMeasures,
        m: measures,
      },
    );
    expect(r.updateTrusteeship.measures).toEqual(measures);
  }
  await gql(
    'mutation($id: ID!) { recordTrusteeshipActivity(trusteeshipId: $id, input: { measure: JOINT_RESEARCH, heldOn: "2024-05-01", description: "重启教研" }) { id } }',
    { id: withMeasures },
  );
  await gql('mutation($id: ID!) { endTrusteeship(id: $id, actualEndDate: "2024-12-31") { id } }', { id: withMeasures });

  // Exchanges.
  const exchange = (teacherId: string, startDate: string) =>
    gql('mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { id } }', {
      i: { teacherId, toSchoolId: schools[1], kind: 'ROTATION', startDate },
    }).then(id);
  const exchangeId = await exchange(teachers[0]!, '2024-09-01');
  await gql('mutation($id: ID!) { updateTeacherExchange(id: $id, input: { kind: OUTREACH_TEACHING }) { id } }', {
    id: exchangeId,
  });
  await gql('mutation($id: ID!) { endTeacherExchange(id: $id, endDate: "2025-01-31") { id } }', { id: exchangeId });
  await gql('mutation($id: ID!) { deleteTeacherExchange(id: $id) }', {
    id: await exchange(teachers[1]!, '2024-09-01'),
  });

  // Researchers, assignments, joint research sessions.
  const researcherId = id(
    await gql('mutation($i: CreateResearcherInput!) { createResearcher(input: $i) { id } }', {
      i: { name: `重启教研员${tag}`, level: 'DISTRICT', districtId, subject: '数学' },
    }),
  );
  await gql('mutation($id: ID!) { updateResearcher(id: $id, input: { subject: "语文" }) { id } }', {
    id: researcherId,
  });
  await gql('mutation($id: ID!) { linkResearcherUser(id: $id, userId: null) { id } }', { id: researcherId });
  const assignment = id(
    await gql(
      'mutation($r: ID!, $i: AssignResearcherInput!) { assignResearcher(researcherId: $r, input: $i) { id } }',
      {
        r: researcherId,
        i: { schoolId: schools[0], startDate: '2020-01-01' },
      },
    ),
  );
  const sessionId = id(
    await gql('mutation($i: RecordJointResearchSessionInput!) { recordJointResearchSession(input: $i) { id } }', {
      i: { heldOn: '2024-05-01', researcherId, schoolIds: [schools[0]], subject: '数学', topic: '重启教研' },
    }),
  );
  await gql('mutation($id: ID!) { updateJointResearchSession(id: $id, input: { participantCount: 20 }) { id } }', {
    id: sessionId,
  });
  await gql('mutation($id: ID!) { deleteJointResearchSession(id: $id) }', { id: sessionId });
  await gql('mutation($id: ID!) { endResearcherAssignment(id: $id, endDate: "2024-12-31") { id } }', {
    id: assignment,
  });

  // The rectification ledger.
  const itemId = id(
    await gql('mutation($i: CreateRectificationItemInput!) { createRectificationItem(input: $i) { id } }', {
      i: {
        schoolId: schools[0],
        standardItem: 'DORMITORY',
        problem: '宿舍床位不足',
        fundSource: 'PROVINCE',
        fundAmount: '120000.00',
        deadline: '2031-06-30',
        owner: '总务处',
        measures: '改建宿舍',
      },
    }),
  );
  await gql('mutation($id: ID!) { updateRectificationItem(id: $id, input: { owner: "后勤处" }) { id } }', {
    id: itemId,
  });
  await gql('mutation($id: ID!) { changeRectificationStatus(id: $id, input: { status: IN_PROGRESS }) { id } }', {
    id: itemId,
  });

  // Assessments and their indicators.
  const assessmentId = id(
    await gql('mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }', {
      i: {
        schoolId: schools[0],
        period: '2022',
        indicators: [{ kind: 'PARENT_SATISFACTION', value: 0.96, source: '家长问卷', measuredOn: '2022-06-01' }],
      },
    }),
  );
  await gql(
    'mutation($id: ID!, $i: [AssessmentIndicatorInput!]!) { recordAssessmentIndicators(assessmentId: $id, indicators: $i) { id } }',
    {
      id: assessmentId,
      i: [{ kind: 'CURRICULUM_COMPLETE', booleanValue: true, source: '课程督导', measuredOn: '2022-11-01' }],
    },
  );
  await gql('mutation($id: ID!) { removeAssessmentIndicator(assessmentId: $id, kind: CURRICULUM_COMPLETE) { id } }', {
    id: assessmentId,
  });
  await gql('mutation($id: ID!) { deleteAssessment(id: $id) }', { id: assessmentId });

  // A town plan with action lines, through its whole review.
  const content = { targets: '目标', measures: '措施', responsibilities: '分工', expectedOutcomes: '成效' };
  const created = await gql(
    'mutation($i: CreateTownPlanInput!) { createTownPlan(input: $i) { id version actionLines } }',
    {
      i: { townId, year: 2024, ...content, measureItems: [{ text: '培训', actionLines: ['TEACHERS', 'GOVERNANCE'] }] },
    },
  );
  expect([...created.createTownPlan.actionLines].sort()).toEqual(['GOVERNANCE', 'TEACHERS']);
  const planId = created.createTownPlan.id as string;
  let version = created.createTownPlan.version as number;
  const step = async (mutation: string, extra = '') => {
    const r = await gql(
      `mutation($id: ID!, $v: Int!) { p: ${mutation}(id: $id, expectedVersion: $v${extra}) { version actionLines } }`,
      {
        id: planId,
        v: version,
      },
    );
    version = r.p.version;
    return r.p.actionLines as string[];
  };
  expect(
    await step('updateTownPlan', ', input: { measureItems: [{ text: "评价", actionLines: [EVALUATION] }] }'),
  ).toEqual(['EVALUATION']);
  await step('submitTownPlan');
  await step('returnTownPlan', ', comment: "请补充"');
  await step('submitTownPlan');
  await step('approveTownPlan');
  await step('fileTownPlan');

  // Accounts and grants.
  const userId = id(
    await gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: {
        username: `restart-${tag}`,
        displayName: '重启用户',
        password: 'restart-password-1',
        grants: [{ role: 'SCHOOL_STAFF', schoolId: schools[0] }],
      },
    }),
  );
  const grantId = id(
    await gql('mutation($u: ID!, $g: GrantInput!) { grantRole(userId: $u, grant: $g) { id } }', {
      u: userId,
      g: { role: 'DISTRICT_ADMIN', districtId },
    }),
  );
  await gql('mutation($id: ID!) { revokeGrant(grantId: $id) }', { id: grantId });
  await gql('mutation($u: ID!) { setUserActive(userId: $u, isActive: false) { id } }', { u: userId });

  // Deletes of what nothing else refers to.
  await gql('mutation($id: ID!) { deleteTeacher(id: $id) }', { id: await teacher(3, schools[1]!) });
  await gql('mutation($id: ID!) { deleteSchool(id: $id) }', { id: await school(3) });
  await gql('mutation($id: ID!) { deleteTown(id: $id) }', { id: await town('002') });
  const spare = id(
    await gql('mutation($i: CreateDistrictInput!) { createDistrict(input: $i) { id } }', {
      i: { code: `3708${tag}`, name: `备用区${tag}`, kind: 'ZONE' },
    }),
  );
  await gql('mutation($id: ID!) { deleteDistrict(id: $id) }', { id: spare });
  await gql('mutation { logout }');
  return { districtId };
}

describe('the embedded database, fresh and after a restart on the same files', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhuji-pglite-restart-'));
  let schema: GraphQLSchema;
  let server: Running | undefined;
  let written: { districtId: string } | undefined;

  beforeAll(async () => {
    schema = await createSchema();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function everyRootConnection(url: string, token: string) {
    const answers = await queryRootConnections(schema, url, token);
    expect(answers.filter((a) => a.errors)).toEqual([]);
    // The demo has rows in every list (the audit log's come from the writes): an empty
    // answer would prove little.
    expect(answers.filter((a) => !a.totalCount && a.field !== 'auditEntries').map((a) => a.field)).toEqual([]);
  }

  it('queries every root connection, with every scalar field, as they are in the schema', () => {
    const fields = rootConnectionQueries(schema).map((q) => q.field);
    expect(fields).toContain('trusteeships');
    expect(fields).toContain('townPlans');
    expect(rootConnectionQueries(schema).find((q) => q.field === 'trusteeships')!.query).toMatch(/\bmeasures\b/);
  });

  it(
    'a fresh database answers every root connection and takes every kind of write',
    async () => {
      server = await startServer(dataDir);
      const { token, gql } = await signIn(server.url);
      await everyRootConnection(server.url, token);
      written = await everyKindOfWrite(gql, '91');
      expect(await server.stop()).toBe('0');
      server = undefined;
    },
    STARTS_AND_SEEDS,
  );

  it(
    'started again on the same files, it still answers every root connection and takes every kind of write',
    async () => {
      server = await startServer(dataDir);
      const { token, gql } = await signIn(server.url);
      await everyRootConnection(server.url, token);
      // What the first start wrote reads back as it was written.
      const before = await gql(
        'query($d: ID!) { trusteeships(filter: { districtId: $d }) { nodes { measures } } townPlans(filter: { districtId: $d, actionLine: EVALUATION }) { nodes { actionLines } } }',
        { d: written!.districtId },
      );
      expect(before.trusteeships.nodes.map((n: { measures: string[] }) => n.measures).sort()).toEqual([
        [],
        ['SECONDED_LEADERSHIP'],
      ]);
      expect(before.townPlans.nodes).toEqual([{ actionLines: ['EVALUATION'] }]);
      await everyKindOfWrite(gql, '92'); // ends with a logout
      await everyRootConnection(server.url, (await signIn(server.url)).token);
    },
    STARTS_AND_SEEDS,
  );
});
