import { ALL, CITY, SIGNED_IN, type MatrixModule } from '../../test/matrix-kit.js';

/**
 * The programme day is public (the sign-in page may show it); the school calendar is read by
 * anyone signed in and set by the city admin only. Setting writes the default back, so every
 * run starts from the same state.
 */
export const calendarMatrix: MatrixModule = {
  rows: (kit) => ({
    today: {
      run: (tk) => kit.gql('{ today }', {}, tk),
      allow: { in: ALL, out: ALL },
      scopeFree: true,
    },
    schoolCalendar: {
      run: (tk) => kit.gql('{ schoolCalendar(schoolYear: 2030) { isDefault } }', {}, tk),
      allow: { in: SIGNED_IN, out: SIGNED_IN },
      scopeFree: true,
    },
    setSchoolCalendar: {
      ask: () => ({ action: 'PROGRAMME_CONFIGURE' }),
      run: (tk) =>
        kit.gql(
          'mutation { setSchoolCalendar(input: { schoolYear: 2030, holidayMonths: ["2031-02", "2031-08"] }) { schoolYear } }',
          {},
          tk,
        ),
      allow: { in: CITY, out: CITY },
      scopeFree: true,
    },
  }),
};
