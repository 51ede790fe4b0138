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

/** The console's own text, Chinese (the default), on top of packages/client's shared vocabulary. */
const zhCN = {
  app: {
    title: '筑基 · 管理端',
  },
  login: {
    title: '登录筑基管理端',
  },
  nav: {
    dashboard: '总览',
    records: '基础数据',
    schools: '学校',
    teachers: '教师',
    groups: '集团与共同体',
    trusteeships: '托管',
    exchanges: '交流轮岗',
    researchers: '教研员',
    programme: '强镇筑基',
    towns: '乡镇目标达成',
    plans: '乡镇方案',
    ledger: '问题台账',
    assessments: '考核评估',
    calendar: '校历',
    admin: '系统',
    users: '用户与授权',
    audit: '操作日志',
    import: '批量导入',
  },
  pickers: { school: '输入学校名称或标识码搜索', district: '选择区县' },
  records: {
    ongoing: '进行中',
    ended: '已结束',
    outOfScope: '（不在查看范围内）',
    // The punctuation around a name is the language's own: full-width in Chinese.
    withNote: '{{name}}（{{note}}）',
    labelled: '{{label}}：{{value}}',
    because: '：{{reason}}',
  },
  list: {
    total: '共 {{count}} 条',
    pageSize: '每页 {{size}} 条',
    previous: '上一页',
    next: '下一页',
    clearFilters: '清除筛选',
    sort: '排序',
    direction: { ASC: '升序', DESC: '降序' },
  },
  schools: {
    title: '学校',
    search: '搜索名称或学校标识码',
    district: '区县',
    town: '乡镇',
    stage: '学段',
    locality: '城乡分类',
    isTownSeat: '镇驻地学校',
    sort: '排序',
    sortField: { NAME: '按名称', CODE: '按学校标识码', STUDENT_COUNT: '按在校生数' },
    export: '导出 Excel',
    exportFailed: '导出失败',
    column: {
      code: '学校标识码',
      name: '名称',
      district: '区县',
      town: '乡镇',
      stage: '学段',
      locality: '城乡分类',
      isTownSeat: '镇驻地',
      studentCount: '在校生',
      classCount: '班级',
    },
  },
  school: {
    notFound: '未找到该学校，或不在您的查看范围内',
    basics: '基本信息',
    staffing: '师资指标（对比城区基准）',
    edit: '编辑',
    readOnly: '您没有修改这所学校的权限',
    indicator: '指标',
    value: '本校',
    baseline: '城区基准',
    meets: '不低于基准',
    noData: '无数据',
    field: {
      code: '学校标识码',
      name: '名称',
      stage: '学段',
      locality: '城乡分类',
      isTownSeat: '镇驻地学校',
      studentCount: '在校生数',
      classCount: '班级数',
      address: '地址',
      foundedYear: '建校年份',
      isBoarding: '寄宿制',
      providesLunch: '提供午餐',
      runsSchoolBus: '开通校车',
    },
    rule: {
      code: '学校标识码须为 10 位数字',
      name: '名称须为 2–100 个字',
      count: '须为不小于 0 的整数',
      required: '必填',
    },
    saveFailed: '保存失败',
  },
  dashboard: {
    title: '强镇筑基行动总览（{{period}} 年）',
    shareMeetingAll: '六项目标全部达成的乡镇比例',
    target: '目标 {{target}}',
    meetsTarget: '已达到目标',
    belowTarget: '未达到目标',
    noData: '暂无评估数据',
    noDataHint: '{{period}} 年尚无乡镇评估结果，不作达成判定',
    towns: '纳入行动的乡镇',
    townsMeetingAll: '六项全部达成',
    perDistrict: '各区县',
    perGoal: '各项目标',
    district: '区县',
    townCount: '乡镇数',
    share: '比例',
    goal: '目标',
    townsMeeting: '达成乡镇数',
    viewSchools: '查看学校',
  },
  ...teachersText.zhCN,
  ...groupsText.zhCN,
  ...trusteeshipsText.zhCN,
  ...exchangesText.zhCN,
  ...researchersText.zhCN,
  ...plansText.zhCN,
  ...ledgerText.zhCN,
  ...assessmentsText.zhCN,
  ...dashboardText.zhCN,
  ...townsText.zhCN,
  ...usersText.zhCN,
  ...auditText.zhCN,
  ...importText.zhCN,
  ...calendarText.zhCN,
};

export default zhCN;
