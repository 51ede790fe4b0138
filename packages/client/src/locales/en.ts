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
    planState: { DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved', RETURNED: 'Returned', FILED: 'Filed' },
    ledgerStatus: { OPEN: 'Open', IN_PROGRESS: 'In progress', DONE: 'Done' },
    standardItem: {
      FUNCTIONAL_ROOMS: 'Functional rooms',
      EQUIPMENT: 'Equipment',
      CANTEEN: 'Canteen',
      DORMITORY: 'Dormitory',
      SCHOOL_BUS: 'School bus',
      ICT: 'ICT',
      OTHER: 'Other',
    },
    trusteeshipMode: {
      FULL_TRUSTEESHIP: 'Full trusteeship',
      GROUP_BRANCH: 'Group branch',
      PAIRING: 'Pairing',
      COUNTERPART_SUPPORT: 'Counterpart support',
    },
    trusteeshipStatus: { PLANNED: 'Planned', ACTIVE: 'Active', ENDED: 'Ended' },
    measure: {
      SECONDED_LEADERSHIP: 'Seconded leadership',
      JOINT_RESEARCH: 'Joint research',
      EXPERIENCE_SHARING: 'Experience sharing',
      CULTURE_SUPPORT: 'Culture support',
    },
    exchangeKind: {
      ROTATION: 'Rotation',
      OUTREACH_TEACHING: 'Outreach teaching',
      SUPPORT_TEACHING: 'Support teaching',
    },
    memberRole: { LEAD: 'Lead school', MEMBER: 'Member', BRANCH_CAMPUS: 'Branch campus' },
    degree: {
      POSTGRADUATE: 'Postgraduate',
      BACHELOR: 'Bachelor',
      ASSOCIATE: 'Associate',
      HIGH_SCHOOL_OR_BELOW: 'High school or below',
    },
    title: {
      SENIOR_PROFESSOR: 'Senior professor',
      SENIOR: 'Senior',
      FIRST: 'First grade',
      SECOND: 'Second grade',
      THIRD: 'Third grade',
      UNRANKED: 'Unranked',
    },
    backbone: { NONE: 'None', COUNTY: 'County', CITY: 'City', PROVINCE: 'Province' },
  },
  drafts: {
    restored: 'Restored your unsaved draft kept on this device at {{time}}',
    discard: 'Discard draft',
    savedLocally: 'Draft kept on this device',
    offline:
      'The connection dropped and nothing reached the server; your changes are kept on this device. Save again once you are back online',
    conflictTitle: 'Someone else changed this record',
    conflictBody:
      'The server’s version changed while you were editing. Compare the differences below and choose which to keep:',
    mine: 'My changes (draft on this device)',
    theirs: 'Latest version on the server',
    keepMine: 'Keep my changes',
    takeTheirs: 'Use the server’s version',
    blank: '(blank)',
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
    cancel: 'Cancel',
    confirm: 'OK',
    delete: 'Delete',
    edit: 'Edit',
    create: 'New',
    actions: 'Actions',
    deleted: 'Deleted',
    export: 'Export to Excel',
    exportFailed: 'Export failed',
  },
};

export default sharedEn;
