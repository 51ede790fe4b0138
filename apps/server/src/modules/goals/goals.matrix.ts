import { CITY_WIDE, SEES_SCHOOL_1, SIGNED_IN, type MatrixModule } from '../../test/matrix-kit.js';

/** Goal verdicts (one town's, or the list) are read by whoever sees a school of the town; summaries by anyone signed in, within scope. */
export const goalsMatrix: MatrixModule = {
  rows: (kit) => ({
    goalAttainment: {
      run: (tk, s) =>
        kit.gql('query($id: ID!) { goalAttainment(townId: $id) { meetsAll } }', { id: kit.target(s).townId }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    townGoalAttainments: {
      run: (tk, s) =>
        kit.gql(
          'query($d: ID!) { townGoalAttainments(filter: { districtId: $d }) { totalCount } }',
          { d: kit.target(s).districtId },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    programmeSummary: {
      run: (tk) => kit.gql('{ programmeSummary { townCount } }', {}, tk),
      allow: { in: SIGNED_IN, out: SIGNED_IN },
      scopeFree: true,
    },
  }),
};
