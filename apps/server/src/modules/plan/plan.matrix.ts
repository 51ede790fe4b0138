import { Role } from '../../auth/viewer.js';
import {
  ADMINS,
  CITY,
  CITY_WIDE,
  SEES_SCHOOL_1,
  type MatrixKit,
  type MatrixModule,
  type Scope,
  type Who,
} from '../../test/matrix-kit.js';

/**
 * Authorization rows for town plans. In scope: plans of A's town, whose town-seat school is
 * the scoped roles' school; out of scope: B's town. Every transition row works on a fresh
 * plan brought to the right state by the city admin, each for a year of its own.
 */
const fixtures: Record<Scope, string> = { in: '', out: '' };
const years: Record<Scope, number> = { in: 2021, out: 2021 };

/** Town-seat staff draft and submit; their bureaus may too. */
const DRAFTS: Who[] = [Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.SCHOOL_STAFF];

const CONTENT = { targets: '目标', measures: '措施', responsibilities: '分工', expectedOutcomes: '成效' };

async function plan(kit: MatrixKit, s: Scope, steps: ('submit' | 'approve' | 'file')[] = []) {
  const r = await kit.gql(
    'mutation($i: CreateTownPlanInput!) { createTownPlan(input: $i) { id version } }',
    { i: { townId: kit.target(s).townId, year: years[s]++, ...CONTENT } },
    kit.city(),
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  const { id, version: created } = r.data.createTownPlan as { id: string; version: number };
  let version = created;
  for (const step of steps) {
    const m = await kit.gql(
      `mutation($id: ID!, $v: Int!) { p: ${step}TownPlan(id: $id, expectedVersion: $v) { version } }`,
      { id, v: version },
      kit.city(),
    );
    if (!m.data) throw new Error(JSON.stringify(m.errors));
    version = (m.data as { p: { version: number } }).p.version;
  }
  return { id, version };
}

async function versionOf(kit: MatrixKit, id: string): Promise<number> {
  const r = await kit.gql('query($id: ID!) { townPlan(id: $id) { version } }', { id }, kit.city());
  return (r.data as { townPlan: { version: number } }).townPlan.version;
}

const transition = (kit: MatrixKit, name: string, before: ('submit' | 'approve')[], comment = '') => ({
  run: async (tk: string | undefined, s: Scope) => {
    const p = await plan(kit, s, before);
    return kit.gql(
      `mutation($id: ID!, $v: Int!) { ${name}(id: $id, expectedVersion: $v${comment}) { id } }`,
      { id: p.id, v: p.version },
      tk,
    );
  },
});

export const planMatrix: MatrixModule = {
  async setup(kit) {
    for (const s of ['in', 'out'] as Scope[]) fixtures[s] = (await plan(kit, s)).id;
  },
  rows: (kit) => ({
    townPlans: {
      run: (tk, s) =>
        kit.gql('query($t: ID!) { townPlans(filter: { townId: $t }) { totalCount } }', { t: kit.target(s).townId }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    townPlan: {
      run: (tk, s) => kit.gql('query($id: ID!) { townPlan(id: $id) { id } }', { id: fixtures[s] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    createTownPlan: {
      ask: (s) => ({ action: 'PLAN_DRAFT', id: kit.target(s).townId }),
      run: (tk, s) =>
        kit.gql(
          'mutation($i: CreateTownPlanInput!) { createTownPlan(input: $i) { id } }',
          { i: { townId: kit.target(s).townId, year: years[s]++ } },
          tk,
        ),
      allow: { in: DRAFTS, out: CITY },
    },
    updateTownPlan: {
      ask: (s) => ({ action: 'PLAN_DRAFT', id: fixtures[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!, $v: Int!) { updateTownPlan(id: $id, expectedVersion: $v, input: { targets: "新目标" }) { id } }',
          { id: fixtures[s], v: await versionOf(kit, fixtures[s]) },
          tk,
        ),
      allow: { in: DRAFTS, out: CITY },
    },
    submitTownPlan: {
      ask: (s) => ({ action: 'PLAN_SUBMIT', id: fixtures[s] }),
      ...transition(kit, 'submitTownPlan', []),
      allow: { in: DRAFTS, out: CITY },
    },
    approveTownPlan: {
      ask: (s) => ({ action: 'PLAN_REVIEW', id: fixtures[s] }),
      ...transition(kit, 'approveTownPlan', ['submit']),
      allow: { in: ADMINS, out: CITY },
    },
    returnTownPlan: {
      ask: (s) => ({ action: 'PLAN_REVIEW', id: fixtures[s] }),
      ...transition(kit, 'returnTownPlan', ['submit'], ', comment: "请补充"'),
      allow: { in: ADMINS, out: CITY },
    },
    fileTownPlan: {
      ask: (s) => ({ action: 'PLAN_FILE', id: fixtures[s] }),
      ...transition(kit, 'fileTownPlan', ['submit', 'approve']),
      allow: { in: CITY, out: CITY },
    },
  }),
};
