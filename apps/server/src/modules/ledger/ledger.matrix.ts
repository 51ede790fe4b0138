import {
  CITY,
  CITY_WIDE,
  MANAGES_SCHOOL_1,
  SEES_SCHOOL_1,
  type MatrixKit,
  type MatrixModule,
  type Scope,
} from '../../test/matrix-kit.js';

/**
 * Authorization rows for the rectification ledger. In scope: items of the scoped roles'
 * school (A's school 0); out of scope: B's school 0.
 */
const fixtures: Record<Scope, string> = { in: '', out: '' };

async function item(kit: MatrixKit, s: Scope): Promise<string> {
  const r = await kit.gql(
    'mutation($i: CreateRectificationItemInput!) { createRectificationItem(input: $i) { id } }',
    {
      i: {
        schoolId: kit.target(s).schoolIds[0],
        standardItem: 'CANTEEN',
        problem: '食堂面积不足',
        fundSource: 'DISTRICT',
        fundAmount: '300000.00',
        deadline: '2030-12-31',
        owner: '后勤处',
        measures: '扩建食堂',
      },
    },
    kit.city(),
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return (r.data as { createRectificationItem: { id: string } }).createRectificationItem.id;
}

export const ledgerMatrix: MatrixModule = {
  async setup(kit) {
    for (const s of ['in', 'out'] as Scope[]) fixtures[s] = await item(kit, s);
  },
  rows: (kit) => ({
    rectificationItems: {
      run: (tk, s) =>
        kit.gql(
          'query($id: ID!) { rectificationItems(filter: { schoolId: $id }) { totalCount } }',
          { id: kit.target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    rectificationItem: {
      run: (tk, s) => kit.gql('query($id: ID!) { rectificationItem(id: $id) { id } }', { id: fixtures[s] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    createRectificationItem: {
      ask: (s) => ({ action: 'LEDGER_CREATE', id: kit.target(s).schoolIds[0] }),
      run: (tk, s) =>
        kit.gql(
          'mutation($i: CreateRectificationItemInput!) { createRectificationItem(input: $i) { id } }',
          {
            i: {
              schoolId: kit.target(s).schoolIds[0],
              standardItem: 'ICT',
              problem: '多媒体设备老化',
              fundSource: 'CITY',
              deadline: '2030-06-30',
              owner: '信息中心',
              measures: '更换设备',
            },
          },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    updateRectificationItem: {
      ask: (s) => ({ action: 'LEDGER_UPDATE', id: fixtures[s] }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateRectificationItem(id: $id, input: { owner: "总务处" }) { id } }',
          { id: fixtures[s] },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    changeRectificationStatus: {
      ask: (s) => ({ action: 'LEDGER_UPDATE', id: fixtures[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { changeRectificationStatus(id: $id, input: { status: IN_PROGRESS }) { id } }',
          { id: await item(kit, s) },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
  }),
};
