import { registerEnumType } from 'type-graphql';

/** 十大提升行动: the ten action lines of the 2023 plan, section 三. */
export enum ActionLine {
  CONDITIONS = 'CONDITIONS',
  TEACHERS = 'TEACHERS',
  WHOLE_ENVIRONMENT_EDUCATION = 'WHOLE_ENVIRONMENT_EDUCATION',
  TEACHING_QUALITY = 'TEACHING_QUALITY',
  STAGE_TRANSITION = 'STAGE_TRANSITION',
  SMART_EDUCATION = 'SMART_EDUCATION',
  READING = 'READING',
  VITALITY = 'VITALITY',
  GOVERNANCE = 'GOVERNANCE',
  EVALUATION = 'EVALUATION',
}
registerEnumType(ActionLine, {
  name: 'ActionLine',
  description: '十大提升行动 / The ten action lines of the programme',
  valuesConfig: {
    CONDITIONS: { description: '办学条件提升行动 / Improving school conditions' },
    TEACHERS: { description: '教师队伍发展行动 / Developing the teaching staff' },
    WHOLE_ENVIRONMENT_EDUCATION: { description: '全环境立德树人深化行动 / Whole-environment moral education' },
    TEACHING_QUALITY: { description: '教育教学质量增效行动 / Raising teaching quality' },
    STAGE_TRANSITION: { description: '学段衔接攻坚行动（泉引桥）/ Stage transitions (Quan Yin Qiao)' },
    SMART_EDUCATION: { description: '智慧教育支撑行动 / Smart education' },
    READING: { description: '中小学生读书行动 / Student reading' },
    VITALITY: { description: '办学活力激发行动 / School autonomy and vitality' },
    GOVERNANCE: { description: '管理机制创新行动 / Management mechanisms' },
    EVALUATION: { description: '发展评价探索行动 / Development evaluation' },
  },
});

/** 会商审核: the review states of a town plan. */
export enum TownPlanState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
  FILED = 'FILED',
}
registerEnumType(TownPlanState, {
  name: 'TownPlanState',
  description: '推进方案审核状态 / Review state of a town plan',
  valuesConfig: {
    DRAFT: { description: '草稿（镇驻地学校编制中）/ Draft, being written by the town-seat school' },
    SUBMITTED: { description: '已报送区县待审核 / Submitted to the district for review' },
    APPROVED: { description: '区县审核通过，待市局备案 / Approved by the district, awaiting filing by the city' },
    RETURNED: { description: '区县退回修改 / Returned by the district for revision' },
    FILED: { description: '市教育局已备案 / Filed by the city bureau' },
  },
});
