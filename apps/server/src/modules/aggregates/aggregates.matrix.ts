import { CITY_WIDE, SEES_SCHOOL_1, type MatrixModule } from '../../test/matrix-kit.js';

/** Aggregates count what the viewer's lists would show: allowed means a non-empty answer. */
export const aggregatesMatrix: MatrixModule = {
  rows: (kit) => ({
    teacherAggregates: {
      run: (tk, s) =>
        kit.gql(
          'query($id: ID!) { teacherAggregates(groupBy: [DEGREE], filter: { schoolId: $id }) { count } }',
          { id: kit.target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    schoolAggregates: {
      run: (tk, s) =>
        kit.gql(
          'query($id: ID!) { schoolAggregates(groupBy: [STAGE], filter: { townId: $id }) { count } }',
          { id: kit.target(s).townId },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
  }),
};
