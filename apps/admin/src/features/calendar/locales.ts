import type { Shape } from '@zhuji/client/locales';

/** The school calendar's text (Chinese, the default); en must have exactly the same keys. */
export const zhCN = {
  calendar: {
    title: '校历',
    intro: '每学年（九月至次年八月）全市统一的学期月与假期月。学期月每月须开展联合教研，假期月不要求，也不计为缺少。',
    schoolYear: '学年',
    schoolYearLabel: '{{start}}—{{end}} 学年',
    isDefault: '默认校历（二月寒假、八月暑假）',
    custom: '已调整',
    term: '学期',
    holiday: '假期',
    monthLabel: '{{year}} 年 {{month}} 月',
    termCount: '学期月 {{term}} 个，假期月 {{holiday}} 个',
    save: '保存校历',
    saved: '校历已保存',
    readOnly: '仅市级管理员可调整校历',
    unchanged: '尚未修改',
  },
};

export const en: Shape<typeof zhCN> = {
  calendar: {
    title: 'School calendar',
    intro:
      'The city-wide term and holiday months of each school year (September to August). Joint research is owed every term month; holiday months owe none and are never missing.',
    schoolYear: 'School year',
    schoolYearLabel: '{{start}}–{{end}} school year',
    isDefault: 'Default calendar (February and August holidays)',
    custom: 'Adjusted',
    term: 'Term',
    holiday: 'Holiday',
    monthLabel: '{{month}}/{{year}}',
    termCount: '{{term}} term months, {{holiday}} holiday months',
    save: 'Save calendar',
    saved: 'Calendar saved',
    readOnly: 'Only the city admin can change the school calendar',
    unchanged: 'No changes yet',
  },
};
