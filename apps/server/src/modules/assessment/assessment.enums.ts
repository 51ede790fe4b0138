import { registerEnumType } from 'type-graphql';

/** 一镇一评 / 一校一评: what is assessed. */
export enum AssessmentSubjectKind {
  SCHOOL = 'SCHOOL',
  TOWN = 'TOWN',
}
registerEnumType(AssessmentSubjectKind, {
  name: 'AssessmentSubjectKind',
  description: '评价对象类别 / What an assessment is of',
  valuesConfig: {
    SCHOOL: { description: '一校一评：学校 / A school' },
    TOWN: { description: '一镇一评：乡镇 / A town' },
  },
});

/**
 * The indicators the 2023 plan names for its goals (二、行动目标). Staffing shares and the
 * ledger are computed from their own records, not recorded here.
 */
export enum AssessmentIndicatorKind {
  ACADEMIC_DIFFERENCE_RATE = 'ACADEMIC_DIFFERENCE_RATE',
  CURRICULUM_COMPLETE = 'CURRICULUM_COMPLETE',
  NO_IRREGULAR_PRACTICES = 'NO_IRREGULAR_PRACTICES',
  PHYSICAL_HEALTH_PASS_RATE = 'PHYSICAL_HEALTH_PASS_RATE',
  ARTS_SKILL_RATE = 'ARTS_SKILL_RATE',
  STUDY_CLUB_COUNT = 'STUDY_CLUB_COUNT',
  ENVIRONMENT_SCORE = 'ENVIRONMENT_SCORE',
  MENTAL_HEALTH_SCORE = 'MENTAL_HEALTH_SCORE',
  PARENT_SATISFACTION = 'PARENT_SATISFACTION',
  STUDENT_SATISFACTION = 'STUDENT_SATISFACTION',
  LOCAL_ENROLLMENT_PRESCHOOL = 'LOCAL_ENROLLMENT_PRESCHOOL',
  LOCAL_ENROLLMENT_PRIMARY = 'LOCAL_ENROLLMENT_PRIMARY',
  LOCAL_ENROLLMENT_JUNIOR = 'LOCAL_ENROLLMENT_JUNIOR',
}
registerEnumType(AssessmentIndicatorKind, {
  name: 'AssessmentIndicatorKind',
  description: '评价指标（括号内为取值）/ Assessment indicator; its value type in brackets',
  valuesConfig: {
    ACADEMIC_DIFFERENCE_RATE: {
      description:
        '学业水平与城区优质学校差异率（0–1，目标低于 0.15）/ Academic difference rate vs urban quality schools (0–1; goal below 0.15)',
    },
    CURRICULUM_COMPLETE: {
      description: '开齐开足课程、音体美课程开设齐全（是/否）/ Full curriculum including music, PE and art (boolean)',
    },
    NO_IRREGULAR_PRACTICES: { description: '无违规办学行为（是/否）/ No irregular school practices (boolean)' },
    PHYSICAL_HEALTH_PASS_RATE: {
      description: '学生体质健康达标率（0–1）/ Share of students meeting physical health standards (0–1)',
    },
    ARTS_SKILL_RATE: {
      description: '掌握一门以上艺术特长的学生比例（0–1）/ Share of students with at least one arts skill (0–1)',
    },
    STUDY_CLUB_COUNT: { description: '学习类社团数量（非负整数）/ Number of study clubs (non-negative integer)' },
    ENVIRONMENT_SCORE: { description: '校园环境评分（0–100）/ Campus environment score (0–100)' },
    MENTAL_HEALTH_SCORE: {
      description: '师生心理健康水平评分（0–100）/ Mental health of staff and students, score (0–100)',
    },
    PARENT_SATISFACTION: {
      description: '家长满意度（0–1，目标至少 0.95）/ Parent satisfaction (0–1; goal at least 0.95)',
    },
    STUDENT_SATISFACTION: {
      description: '学生满意度（0–1，目标至少 0.95）/ Student satisfaction (0–1; goal at least 0.95)',
    },
    LOCAL_ENROLLMENT_PRESCHOOL: {
      description:
        '户籍儿童学前在当地就读比例（0–1，逐年提升）/ Share of local children in local preschools (0–1; rising yearly)',
    },
    LOCAL_ENROLLMENT_PRIMARY: {
      description:
        '户籍儿童小学在当地就读比例（0–1，逐年提升）/ Share of local children in local primary schools (0–1; rising yearly)',
    },
    LOCAL_ENROLLMENT_JUNIOR: {
      description:
        '户籍儿童初中在当地就读比例（0–1，逐年提升）/ Share of local children in local junior schools (0–1; rising yearly)',
    },
  },
});

export type IndicatorValueType = 'ratio' | 'score' | 'count' | 'boolean';

/** How each indicator's value is typed and bounded. */
export const INDICATOR_VALUE_TYPE: Record<AssessmentIndicatorKind, IndicatorValueType> = {
  ACADEMIC_DIFFERENCE_RATE: 'ratio',
  CURRICULUM_COMPLETE: 'boolean',
  NO_IRREGULAR_PRACTICES: 'boolean',
  PHYSICAL_HEALTH_PASS_RATE: 'ratio',
  ARTS_SKILL_RATE: 'ratio',
  STUDY_CLUB_COUNT: 'count',
  ENVIRONMENT_SCORE: 'score',
  MENTAL_HEALTH_SCORE: 'score',
  PARENT_SATISFACTION: 'ratio',
  STUDENT_SATISFACTION: 'ratio',
  LOCAL_ENROLLMENT_PRESCHOOL: 'ratio',
  LOCAL_ENROLLMENT_PRIMARY: 'ratio',
  LOCAL_ENROLLMENT_JUNIOR: 'ratio',
};
