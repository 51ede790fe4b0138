import type sharedZhCN from './zh-CN';

/** Maps a resource's shape to strings, so en files must have exactly zh-CN's keys. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English: the same keys as zh-CN.ts (the type makes a missing or extra key an error). */
const sharedEn: Shape<typeof sharedZhCN> = {
  app: {
    language: 'Language',
    signOut: 'Sign out',
    loading: 'Loading…',
    notFound: 'Page not found',
    backHome: 'Back to the start page',
  },
  login: {
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    expired: 'Your session has expired; please sign in again',
    failed: 'Sign-in failed',
  },
  roles: {
    CITY_ADMIN: 'City bureau admin',
    DISTRICT_ADMIN: 'District bureau admin',
    GROUP_LEADER: 'Group leader',
    SCHOOL_STAFF: 'School staff',
    RESEARCHER: 'Researcher',
    ANALYST: 'Data team',
  },
  scope: { city: 'Whole city' },
  enums: {
    stage: { KINDERGARTEN: 'Kindergarten', PRIMARY: 'Primary', JUNIOR: 'Junior secondary', NINE_YEAR: 'Nine-year' },
    locality: { URBAN: 'Urban', TOWN: 'Town area', RURAL: 'Rural' },
    indicator: {
      ASSOCIATE_OR_ABOVE: 'Associate degree or above',
      BACHELOR_OR_ABOVE: "Bachelor's degree or above",
      BACKBONE_COUNTY_OR_ABOVE: 'County-level backbone or above',
    },
    baselineScope: { DISTRICT: 'District urban', CITY: 'City urban', NONE: 'No baseline' },
    goal: {
      CONDITIONS: 'Conditions',
      ENVIRONMENT: 'Environment',
      QUALITY: 'Quality',
      SATISFACTION: 'Satisfaction',
      STAFFING: 'Staffing',
      SUPPORT: 'Support',
    },
  },
  common: {
    yes: 'Yes',
    no: 'No',
    all: 'All',
    retry: 'Retry',
    error: 'Could not load',
    empty: 'Nothing here',
    save: 'Save',
    saved: 'Saved',
    reset: 'Reset',
    back: 'Back',
  },
};

export default sharedEn;
