import type { Shape } from '@zhuji/client/locales';
import type zhCN from './zh-CN';
import * as teachersText from '../features/teachers/locales';
import * as groupsText from '../features/groups/locales';
import * as trusteeshipsText from '../features/trusteeships/locales';
import * as exchangesText from '../features/exchanges/locales';
import * as researchersText from '../features/researchers/locales';
import * as plansText from '../features/plans/locales';
import * as ledgerText from '../features/ledger/locales';
import * as assessmentsText from '../features/assessments/locales';
import * as dashboardText from '../features/dashboard/locales';
import * as townsText from '../features/towns/locales';
import * as usersText from '../features/users/locales';
import * as auditText from '../features/audit/locales';
import * as importText from '../features/import/locales';
import * as calendarText from '../features/calendar/locales';

/** English: the same keys as zh-CN.ts (the type makes a missing or extra key an error). */
const en: Shape<typeof zhCN> = {
  app: {
    title: 'Zhuji · Admin',
  },
  login: {
    title: 'Sign in to Zhuji Admin',
  },
  nav: {
    dashboard: 'Dashboard',
    records: 'Records',
    schools: 'Schools',
    teachers: 'Teachers',
    groups: 'Groups',
    trusteeships: 'Trusteeships',
    exchanges: 'Exchanges',
    researchers: 'Researchers',
    programme: 'Programme',
    towns: 'Town goals',
    plans: 'Town plans',
    ledger: 'Ledger',
    assessments: 'Assessments',
    calendar: 'School calendar',
    admin: 'System',
    users: 'Users & grants',
    audit: 'Audit log',
    import: 'Bulk import',
  },
  pickers: { school: 'Type a school name or code', district: 'Choose a district' },
  records: {
    ongoing: 'Ongoing',
    ended: 'Ended',
    outOfScope: '(outside your scope)',
    withNote: '{{name}} ({{note}})',
    labelled: '{{label}}: {{value}}',
    because: ': {{reason}}',
  },
  list: {
    total: '{{count}} in all',
    pageSize: '{{size}} per page',
    previous: 'Previous',
    next: 'Next',
    clearFilters: 'Clear filters',
    sort: 'Sort',
    direction: { ASC: 'Ascending', DESC: 'Descending' },
  },
  schools: {
    title: 'Schools',
    search: 'Search name or school code',
    district: 'District',
    town: 'Town',
    stage: 'Stage',
    locality: 'Locality',
    isTownSeat: 'Town-seat school',
    sort: 'Sort',
    sortField: { NAME: 'By name', CODE: 'By school code', STUDENT_COUNT: 'By students' },
    export: 'Export to Excel',
    exportFailed: 'Export failed',
    column: {
      code: 'School code',
      name: 'Name',
      district: 'District',
      town: 'Town',
      stage: 'Stage',
      locality: 'Locality',
      isTownSeat: 'Town seat',
      studentCount: 'Students',
      classCount: 'Classes',
    },
  },
  school: {
    notFound: 'No such school, or it is outside your scope',
    basics: 'Basics',
    staffing: 'Staffing against the urban baseline',
    edit: 'Edit',
    readOnly: 'You may not change this school',
    indicator: 'Indicator',
    value: 'This school',
    baseline: 'Urban baseline',
    meets: 'Not below baseline',
    noData: 'No data',
    field: {
      code: 'School code',
      name: 'Name',
      stage: 'Stage',
      locality: 'Locality',
      isTownSeat: 'Town-seat school',
      studentCount: 'Students',
      classCount: 'Classes',
      address: 'Address',
      foundedYear: 'Year founded',
      isBoarding: 'Boarding',
      providesLunch: 'Provides lunch',
      runsSchoolBus: 'School bus',
    },
    rule: {
      code: 'The school code is 10 digits',
      name: 'The name has 2–100 characters',
      count: 'A whole number, 0 or more',
      required: 'Required',
    },
    saveFailed: 'Could not save',
  },
  dashboard: {
    title: 'Strong Towns programme overview ({{period}})',
    shareMeetingAll: 'Towns meeting all six goals',
    target: 'Target {{target}}',
    meetsTarget: 'Target reached',
    belowTarget: 'Below target',
    noData: 'No assessment data',
    noDataHint: 'No town assessments for {{period}} yet, so nothing is judged',
    towns: 'Programme towns',
    townsMeetingAll: 'Meeting all six',
    perDistrict: 'By district',
    perGoal: 'By goal',
    district: 'District',
    townCount: 'Towns',
    share: 'Share',
    goal: 'Goal',
    townsMeeting: 'Towns meeting it',
    viewSchools: 'Schools',
  },
  ...teachersText.en,
  ...groupsText.en,
  ...trusteeshipsText.en,
  ...exchangesText.en,
  ...researchersText.en,
  ...plansText.en,
  ...ledgerText.en,
  ...assessmentsText.en,
  ...dashboardText.en,
  ...townsText.en,
  ...usersText.en,
  ...auditText.en,
  ...importText.en,
  ...calendarText.en,
};

export default en;
