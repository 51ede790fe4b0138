import { randomUUID } from 'node:crypto';
import type { PlanMeasure, TownPlan, TownPlanTransition } from '../../modules/plan/plan.entity.js';
import { ActionLine as L, TownPlanState as S } from '../../modules/plan/plan.enums.js';
import { ProgrammeGoal } from '../../modules/goals/goals.types.js';
import { addDays, minDate } from './calendar.js';
import type { TownRow } from './divisions.js';
import type { Actor } from './ledger.js';
import { SEED_ACTOR } from './ledger.js';
import { outerDistricts, type NetworkInput } from './network.js';
import { Random } from './random.js';
import { ASSESSED_YEARS, goalsFailed, type AssessedYear } from './story.js';

export type PlanRow = Omit<TownPlan, 'town' | 'district'>;
export type TransitionRow = Omit<TownPlanTransition, 'plan' | 'user'>;

export interface TownPlans {
  plans: PlanRow[];
  transitions: TransitionRow[];
}

/** Who acts on the demo district's plans: its town-seat school drafts, its bureau reviews, the city files. */
export interface PlanActors {
  /** the town demo-school drafts for, and the account */
  demoTown: { townId: string; actor: Actor };
  demoDistrictId: string;
  district: Actor;
  city: Actor;
}

/** The plan years the demo writes: the cycle in review (calendar.ts, `planYear`) and the two before it. */
export function planYears(planYear: number): number[] {
  return [planYear - 2, planYear - 1, planYear];
}
/** The plan of year Y is due on Y-03-29 (config.ts, PLAN_DUE_MONTH_DAY). */
const DUE = '03-29';

/** The current cycle's plans are spread over every state; the pattern repeats along the towns. */
// prettier-ignore
const STATES_CURRENT: S[] = [S.FILED, S.APPROVED, S.SUBMITTED, S.FILED, S.RETURNED, S.DRAFT, S.APPROVED, S.FILED, S.SUBMITTED, S.RETURNED, S.FILED, S.DRAFT];

const RETURN_COMMENTS = [
  '目标表述不够具体，请补充学业差异率、满意度等量化指标',
  '措施与十大提升行动对应不清，请逐条标注所服务的提升行动',
  '责任分工未落实到具体科室和责任人，请细化',
  '经费保障来源不明确，请补充整改项目资金测算',
  '预期成效缺少时间节点，请按季度列出',
];
const APPROVE_COMMENTS = ['同意，报市教育局备案', '经会商审核通过', null, null];

/**
 * 一镇一案 for every programme town, for the cycle in review and the two before it, with the
 * review history that led to each plan's state: earlier years nearly all filed, the current
 * cycle spread over every state (a step that would fall after the anchor has not happened yet), some first
 * submitted after the due date. `version` counts the writes as TownPlanService makes them:
 * 1 on creation, one more for every edit and every transition.
 */
export function planTownPlans(input: NetworkInput, actors: PlanActors): TownPlans {
  const out: TownPlans = { plans: [], transitions: [] };
  const current = input.calendar.planYear;
  let position = 0;
  for (const district of outerDistricts(input)) {
    const towns = district.division.towns.filter((t) => input.story.has(t.id));
    const demo = district.division.district.id === actors.demoDistrictId;
    for (const town of towns) {
      const rng = new Random(`town-plans:${town.code}`);
      const drafter = town.id === actors.demoTown.townId ? actors.demoTown.actor : SEED_ACTOR;
      const reviewer = demo ? actors.district : SEED_ACTOR;
      for (const year of planYears(current)) {
        const state =
          year === current
            ? STATES_CURRENT[position % STATES_CURRENT.length]!
            : rng.chance(year === current - 2 ? 0.95 : 0.88)
              ? S.FILED
              : S.APPROVED;
        writePlan(out, rng, input, town, year, state, { drafter, reviewer, city: actors.city });
      }
      position++;
    }
  }
  return out;
}

interface Event {
  day: string;
  from: S;
  to: S;
  actor: Actor;
  comment: string | null;
}

function writePlan(
  out: TownPlans,
  rng: Random,
  input: NetworkInput,
  town: TownRow,
  year: number,
  planned: S,
  who: { drafter: Actor; reviewer: Actor; city: Actor },
): void {
  const id = randomUUID();
  const { anchor, planYear } = input.calendar;
  const due = `${year}-${DUE}`;
  const created = addDays(`${year}-01-08`, rng.int(0, 45));
  let edits = rng.int(1, 3);
  let events: Event[] = [];
  let last = created;
  let state = planned;
  // Late: first submitted after the due date (more often in the current cycle, when some towns struggled).
  const late = rng.chance(year === planYear ? 0.3 : 0.12);
  if (state !== S.DRAFT) {
    const submitted = late ? addDays(due, rng.int(3, 45)) : addDays(due, -rng.int(0, 25));
    events.push({ day: submitted, from: S.DRAFT, to: S.SUBMITTED, actor: who.drafter, comment: null });
    last = submitted;
    const returnedFirst = state === S.RETURNED || rng.chance(0.2);
    if (returnedFirst) {
      last = addDays(last, rng.int(4, 15));
      events.push({
        day: last,
        from: S.SUBMITTED,
        to: S.RETURNED,
        actor: who.reviewer,
        comment: rng.pick(RETURN_COMMENTS),
      });
      // Revised after the return; resubmitted unless it is still being revised.
      const revisions = rng.int(1, 2);
      edits += state === S.RETURNED ? rng.int(0, 1) : revisions;
      if (state !== S.RETURNED) {
        last = addDays(last, rng.int(5, 20));
        events.push({ day: last, from: S.RETURNED, to: S.SUBMITTED, actor: who.drafter, comment: null });
      }
    }
    if (state === S.APPROVED || state === S.FILED) {
      last = addDays(last, rng.int(5, 20));
      events.push({
        day: last,
        from: S.SUBMITTED,
        to: S.APPROVED,
        actor: who.reviewer,
        comment: rng.pick(APPROVE_COMMENTS),
      });
    }
    if (state === S.FILED) {
      last = addDays(last, rng.int(7, 30));
      events.push({ day: last, from: S.APPROVED, to: S.FILED, actor: who.city, comment: '已备案' });
    }
  }
  // What would happen after the anchor has not happened yet: the plan stays where it stood that day.
  const pending = events.findIndex((e) => e.day > anchor);
  if (pending >= 0) {
    events = events.slice(0, pending);
    state = events[events.length - 1]?.to ?? S.DRAFT;
    last = events[events.length - 1]?.day ?? created;
  }
  if (state === S.DRAFT && !events.length) {
    last = minDate(addDays(created, rng.int(20, 200)), addDays(anchor, -2));
  }
  const at = (day: string) =>
    `${minDate(day, anchor)}T${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`;
  const stamps = events.map((e) => at(e.day));
  const submits = events.map((e, i) => (e.to === S.SUBMITTED ? stamps[i]! : null)).filter((s) => s !== null);
  const content = contentOf(input, town, year, rng);
  // A draft may still lack its expected outcomes: all four specifics are only needed to submit.
  if (state === S.DRAFT && rng.chance(0.5)) content.expectedOutcomes = null;
  const createdAt = at(created);
  out.plans.push({
    id,
    createdAt: createdAt as unknown as Date,
    updatedAt: (stamps[stamps.length - 1] ?? at(last)) as unknown as Date,
    townId: town.id,
    districtId: town.districtId,
    year,
    state,
    ...content,
    // jsonb travels as its text: the bulk inserter would send an array as a PostgreSQL array.
    measureItems: JSON.stringify(content.measureItems) as unknown as PlanMeasure[],
    version: 1 + edits + events.length,
    submittedAt: (submits[0] ?? null) as unknown as Date | null,
    lastSubmittedAt: (submits[submits.length - 1] ?? null) as unknown as Date | null,
  });
  events.forEach((e, i) =>
    out.transitions.push({
      id: randomUUID(),
      planId: id,
      fromState: e.from,
      toState: e.to,
      at: stamps[i]! as unknown as Date,
      userId: e.actor.userId,
      username: e.actor.username,
      comment: e.comment,
    }),
  );
}

/** Measures a plan picks from, each with the action lines it serves. */
// prettier-ignore
const MEASURES: { text: string; lines: L[]; goal?: ProgrammeGoal }[] = [
  { text: '按省定办学标准补齐功能室和教学装备，年底前完成整改台账销号', lines: [L.CONDITIONS], goal: ProgrammeGoal.CONDITIONS },
  { text: '实施食堂、宿舍改造，保障寄宿生和午餐学生需求', lines: [L.CONDITIONS] },
  { text: '落实县管校聘，城区学校骨干教师到镇驻地学校交流轮岗不少于一学年', lines: [L.TEACHERS], goal: ProgrammeGoal.STAFFING },
  { text: '支持教师在职提升学历，新评选县级骨干教师向镇驻地学校倾斜', lines: [L.TEACHERS], goal: ProgrammeGoal.STAFFING },
  { text: '依托教育集团开展全面托管、携手结对，镇驻地学校牵头带动村小和村园', lines: [L.GOVERNANCE, L.VITALITY], goal: ProgrammeGoal.SUPPORT },
  { text: '包挂教研员每月到校开展联合教研，建立教研活动台账', lines: [L.TEACHING_QUALITY], goal: ProgrammeGoal.SUPPORT },
  { text: '开齐开足国家课程，配齐音体美教师，开展课堂教学诊断与改进', lines: [L.TEACHING_QUALITY], goal: ProgrammeGoal.QUALITY },
  { text: '参与“泉引桥”幼小、小初衔接项目，开展衔接课程研讨', lines: [L.STAGE_TRANSITION] },
  { text: '建设智慧教室和录播教室，常态开展城乡同步课堂', lines: [L.SMART_EDUCATION, L.CONDITIONS] },
  { text: '建设书香校园，开展整本书阅读和师生共读活动', lines: [L.READING] },
  { text: '推进全环境立德树人，建设温馨教室、温馨宿舍和心理辅导室', lines: [L.WHOLE_ENVIRONMENT_EDUCATION], goal: ProgrammeGoal.ENVIRONMENT },
  { text: '每学期开展家长满意度调查，建立家校沟通问题清单并限时回复', lines: [L.EVALUATION, L.GOVERNANCE], goal: ProgrammeGoal.SATISFACTION },
  { text: '完善学校发展性评价，开展一校一评、一镇一评自评', lines: [L.EVALUATION] },
];

function contentOf(
  input: NetworkInput,
  town: TownRow,
  year: number,
  rng: Random,
): Pick<PlanRow, 'targets' | 'measures' | 'responsibilities' | 'expectedOutcomes' | 'measureItems' | 'actionLines'> {
  const story = input.story.get(town.id)!;
  // A plan's focus: what the town fell short of the year before, then the programme's staples.
  const before = String(year - 1 - input.calendar.shift);
  const weak = ASSESSED_YEARS.includes(before as AssessedYear) ? goalsFailed(story, before as AssessedYear) : [];
  const focus = MEASURES.filter((m) => m.goal && weak.includes(m.goal));
  const others = rng.shuffle(MEASURES.filter((m) => !focus.includes(m)));
  const chosen = [...focus, ...others].slice(0, rng.int(4, 6));
  const measureItems: PlanMeasure[] = chosen.map((m) => ({
    text: m.text,
    actionLines: Object.values(L).filter((l) => m.lines.includes(l)),
  }));
  const rate = `${15 - rng.int(1, 4)}%`;
  const short = town.name.replace(/(街道|镇|乡)$/, '');
  return {
    targets:
      `${year}年，${town.name}镇驻地学校办学条件全面达到省定标准，与城区优质学校学业差异率控制在${rate}以内，` +
      `家长和学生满意度均达到95%以上，户籍儿童本地就读比例较上年提高；` +
      `镇域内学校全部纳入教育共同体管理，联合教研每月不少于一次。`,
    measures: measureItems.map((m, i) => `${i + 1}. ${m.text}`).join('\n'),
    responsibilities:
      `${town.name}党委政府统筹推进，分管负责同志牵头；${short}中心小学校长为方案第一责任人，` +
      `镇中学、中心幼儿园负责人分别落实本学段任务；区县教体局业务科室、包挂教研员对口指导，` +
      `整改项目由学校后勤处建立台账、按月调度。`,
    expectedOutcomes:
      `到${year}年底，镇驻地学校在六项行动目标上全部达标，整改台账按期销号，` +
      `形成可复制的${short}“镇域一体”办学经验，${year + 1}年初接受一镇一评。`,
    measureItems,
    actionLines: Object.values(L).filter((l) => measureItems.some((m) => m.actionLines.includes(l))),
  };
}
