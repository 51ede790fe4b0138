import type { Config } from '../../config.js';
import type { StaffingIndicator } from '../staffing/staffing.types.js';
import { StaffingIndicatorKind } from '../staffing/staffing.types.js';
import type { LeadershipFacts, LedgerFacts, PeriodWindow, ResearchFacts } from './goal-facts.js';
import type { AssessmentFacts } from './assessment-facts.js';
import { ProgrammeGoal, type GoalInput } from './goals.types.js';

/**
 * The six goals as rules over one town-seat school's facts. Each rule returns its verdict
 * with the inputs it used and, when it fails, the reason in words (Chinese and English):
 * a bureau must be able to check every figure, a data team to reproduce it.
 */

export interface SchoolFacts {
  ledger: LedgerFacts;
  staffing: StaffingIndicator[];
  leadership: LeadershipFacts;
  research: ResearchFacts;
  /** this period's assessment (school, else its town), and the previous period's */
  assessment: AssessmentFacts | null;
  previous: AssessmentFacts | null;
}

export interface RuleResult {
  met: boolean;
  reasons: { zh: string; en: string }[];
  inputs: GoalInput[];
}

type Rule = (facts: SchoolFacts, window: PeriodWindow, goals: Config['goals']) => RuleResult;

const pct = (v: number | null | undefined) => (v == null ? null : `${(v * 100).toFixed(1)}%`);
const input = (name: string, value: string | number | null, extra: Partial<GoalInput> = {}): GoalInput => ({
  name,
  value: value == null ? null : String(value),
  baseline: null,
  threshold: null,
  period: null,
  source: null,
  ...extra,
});
const result = (inputs: GoalInput[], reasons: RuleResult['reasons']): RuleResult => ({
  met: reasons.length === 0,
  reasons,
  inputs,
});

const STAFFING_NAMES: Record<StaffingIndicatorKind, [string, string]> = {
  [StaffingIndicatorKind.BACKBONE_COUNTY_OR_ABOVE]: ['县级及以上骨干教师比例', 'county-or-above backbone share'],
  [StaffingIndicatorKind.BACHELOR_OR_ABOVE]: ['本科及以上学历教师比例', 'bachelor-or-above share'],
  [StaffingIndicatorKind.ASSOCIATE_OR_ABOVE]: ['专科及以上学历教师比例', 'associate-or-above share'],
};

const noAssessment = (window: PeriodWindow) => ({
  zh: `没有 ${window.period} 年度的评估数据`,
  en: `no assessment for ${window.period}`,
});

/** Where the baseline comes from, in both languages as the inputs' names are ("中文 / English"). */
const BASELINE_SCOPE = {
  DISTRICT: ['本区县城区', "the district's urban schools"],
  CITY: ['全市城区', "the city's urban schools"],
  NONE: ['无可比基准', 'no baseline'],
} as const;

function staffingSource(s: {
  value: { count: number; fullTimeTeachers: number };
  baseline: { scope: keyof typeof BASELINE_SCOPE; count: number; fullTimeTeachers: number };
}): string {
  const [zh, en] = BASELINE_SCOPE[s.baseline.scope];
  const ours = `${s.value.count}/${s.value.fullTimeTeachers}`;
  const theirs = `${s.baseline.count}/${s.baseline.fullTimeTeachers}`;
  return `专任教师 ${ours}；基准：${zh} ${theirs} / full-time teachers ${ours}; baseline: ${en} ${theirs}`;
}

export const RULES: Record<ProgrammeGoal, Rule> = {
  [ProgrammeGoal.CONDITIONS]: ({ ledger }, window) =>
    result(
      [
        input('逾期未完成整改项 / rectification items past deadline', ledger.overdue, {
          threshold: '0',
          period: `截至 ${window.end} / as of ${window.end}`,
        }),
        input('未完成整改项 / open rectification items', ledger.open),
      ],
      ledger.overdue > 0
        ? [
            {
              zh: `有 ${ledger.overdue} 项整改逾期未完成`,
              en: `${ledger.overdue} rectification item(s) open past their deadline`,
            },
          ]
        : [],
    ),

  [ProgrammeGoal.STAFFING]: ({ staffing }) => {
    const reasons: RuleResult['reasons'] = [];
    const inputs = staffing.map((s) => {
      const [zh, en] = STAFFING_NAMES[s.indicator];
      if (s.meetsBaseline !== true) {
        reasons.push(
          s.value.share == null
            ? { zh: `${zh}：没有专任教师`, en: `${en}: no full-time teachers` }
            : s.baseline.share == null
              ? { zh: `${zh}：没有可比的城区基准`, en: `${en}: no urban baseline to compare with` }
              : {
                  zh: `${zh} ${pct(s.value.share)} 低于城区基准 ${pct(s.baseline.share)}`,
                  en: `${en} ${pct(s.value.share)} is below the urban baseline ${pct(s.baseline.share)}`,
                },
        );
      }
      return input(`${zh} / ${en} (${s.stage})`, pct(s.value.share), {
        baseline: pct(s.baseline.share),
        source: staffingSource(s),
      });
    });
    if (!staffing.length) reasons.push({ zh: '没有师资数据', en: 'no staffing data' });
    return result(inputs, reasons);
  },

  [ProgrammeGoal.SUPPORT]: ({ leadership, research }, window) => {
    const reasons: RuleResult['reasons'] = [];
    if (leadership.trusteeships + leadership.groupMembers === 0) {
      reasons.push({
        zh: '本期没有牵头开展托管帮扶或教育共同体',
        en: 'leads no trusteeship or collaboration group in the period',
      });
    }
    if (research.assignments === 0) {
      reasons.push({ zh: '本期没有包挂教研员', en: 'no researcher attached in the period' });
    } else if (research.missingMonths.length) {
      reasons.push({
        zh: `${research.missingMonths.join('、')} 未开展联合教研`,
        en: `no joint research in ${research.missingMonths.join(', ')}`,
      });
    }
    return result(
      [
        input('牵头的托管帮扶 / trusteeships led', leadership.trusteeships, { period: window.period }),
        input('牵头共同体的成员校 / members of groups led', leadership.groupMembers, { period: window.period }),
        input('包挂教研员 / researcher assignments', research.assignments, { period: window.period }),
        input('缺少联合教研的月份 / months without joint research', research.missingMonths.join(', ') || '0', {
          threshold: '0',
          baseline: `应开展 ${research.expectedMonths} 个月`,
          period: `${window.start} – ${window.end}`,
        }),
      ],
      reasons,
    );
  },

  [ProgrammeGoal.QUALITY]: ({ assessment }, window, goals) => {
    if (!assessment) return result([], [noAssessment(window)]);
    const reasons: RuleResult['reasons'] = [];
    const rate = assessment.academicDifferenceRate;
    if (rate == null) reasons.push({ zh: '缺少学业差异率', en: 'academic difference rate missing' });
    else if (rate >= goals.academicDifferenceMax) {
      reasons.push({
        zh: `与城区优质学校学业差异率 ${pct(rate)} 未低于 ${pct(goals.academicDifferenceMax)}`,
        en: `academic difference rate ${pct(rate)} is not below ${pct(goals.academicDifferenceMax)}`,
      });
    }
    if (assessment.curriculumComplete === false) reasons.push({ zh: '课程未开齐开足', en: 'curriculum incomplete' });
    if (assessment.curriculumComplete == null)
      reasons.push({ zh: '缺少课程开设情况', en: 'curriculum completeness missing' });
    if (assessment.noIrregularPractices === false)
      reasons.push({ zh: '存在违规办学行为', en: 'irregular school practices found' });
    return result(
      [
        input('学业差异率 / academic difference rate', pct(rate), {
          threshold: `< ${pct(goals.academicDifferenceMax)}`,
          period: assessment.period,
          source: assessment.sources.academicDifferenceRate ?? null,
        }),
        input(
          '课程开齐开足 / full curriculum',
          assessment.curriculumComplete == null ? null : String(assessment.curriculumComplete),
          {
            period: assessment.period,
            source: assessment.sources.curriculumComplete ?? null,
          },
        ),
      ],
      reasons,
    );
  },

  [ProgrammeGoal.ENVIRONMENT]: ({ assessment }, window, goals) => {
    if (!assessment) return result([], [noAssessment(window)]);
    const score = assessment.environmentScore;
    const reasons =
      score == null
        ? [{ zh: '缺少校园环境评估得分', en: 'environment score missing' }]
        : score < goals.environmentScoreMin
          ? [
              {
                zh: `校园环境得分 ${score} 低于 ${goals.environmentScoreMin}`,
                en: `environment score ${score} is below ${goals.environmentScoreMin}`,
              },
            ]
          : [];
    return result(
      [
        input('校园环境得分 / environment score', score, {
          threshold: `≥ ${goals.environmentScoreMin}`,
          period: assessment.period,
          source: assessment.sources.environmentScore ?? null,
        }),
      ],
      reasons,
    );
  },

  [ProgrammeGoal.SATISFACTION]: ({ assessment, previous }, window, goals) => {
    if (!assessment) return result([], [noAssessment(window)]);
    const reasons: RuleResult['reasons'] = [];
    const inputs: GoalInput[] = [];
    for (const [key, zh, en] of [
      ['parentSatisfaction', '家长满意度', 'parent satisfaction'],
      ['studentSatisfaction', '学生满意度', 'student satisfaction'],
    ] as const) {
      const v = assessment[key];
      inputs.push(
        input(`${zh} / ${en}`, pct(v), {
          threshold: `≥ ${pct(goals.satisfactionMin)}`,
          period: assessment.period,
          source: assessment.sources[key] ?? null,
        }),
      );
      if (v == null) reasons.push({ zh: `缺少${zh}`, en: `${en} missing` });
      else if (v < goals.satisfactionMin) {
        reasons.push({
          zh: `${zh} ${pct(v)} 低于 ${pct(goals.satisfactionMin)}`,
          en: `${en} ${pct(v)} is below ${pct(goals.satisfactionMin)}`,
        });
      }
    }
    // 域内户籍儿童本地就读比例逐年提高: this period's share must not fall below the last one's.
    for (const [key, zh, en] of [
      ['localEnrollmentPreschool', '学前本地就读比例', 'local enrolment (preschool)'],
      ['localEnrollmentPrimary', '小学本地就读比例', 'local enrolment (primary)'],
      ['localEnrollmentJunior', '初中本地就读比例', 'local enrolment (junior)'],
    ] as const) {
      const now = assessment[key];
      const before = previous?.[key] ?? null;
      if (now == null) continue;
      inputs.push(
        input(`${zh} / ${en}`, pct(now), {
          baseline: pct(before),
          period: assessment.period,
          source: assessment.sources[key] ?? null,
        }),
      );
      if (before != null && now < before) {
        reasons.push({
          zh: `${zh} 由 ${pct(before)} 降至 ${pct(now)}`,
          en: `${en} fell from ${pct(before)} to ${pct(now)}`,
        });
      }
    }
    return result(inputs, reasons);
  },
};
