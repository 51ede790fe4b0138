import { ProgrammeGoal } from '../../modules/goals/goals.types.js';
import { isCountySeat, type Division, type TownRow } from './divisions.js';
import type { Family } from './network.js';
import { Random } from './random.js';

/**
 * The demo's story, decided before any record is written: which programme towns meet all
 * six goals in 2025 and 2026, and which fail, on what, and at which of their town-seat
 * schools. The generators (teachers, collaboration, research, ledger, assessments) then
 * write records that make the live goal engine reach exactly these verdicts, so the
 * summaries tell a believable story: about two thirds of the towns meet all six in 2026
 * (below the 80% target, but close), about a third did in 2025, and the failures are spread
 * over the goals and the districts, most towns that fail failing on one goal only.
 *
 * The years here are those of the base calendar (calendar.ts): 2026 is the latest assessed
 * year, 2025 the one before. The generators move every date, period and month they write
 * with the demo's calendar, so on any anchor day the story is told about the two latest
 * assessed years.
 */

/** The assessed years (一镇一评 periods) the demo writes. */
export const ASSESSED_YEARS = ['2025', '2026'] as const;
export type AssessedYear = (typeof ASSESSED_YEARS)[number];

/** Share of programme towns meeting all six in both years; failing in 2026 (and 2025); the rest improved in 2026. */
const SHARE_PASSING_BOTH = 0.37;
const SHARE_FAILING_2026 = 0.32;

/**
 * One failure: the goal, the town-seat school that carries it (by family: the central
 * primary school, the junior or nine-year school, the central kindergarten), the years it
 * shows in, and how it comes about.
 */
export type Failure =
  /** an open rectification item past its deadline: in 2025 and on, or only from 2026 */
  | { goal: ProgrammeGoal.CONDITIONS; family: Family; years: AssessedYear[]; how: 'overdue' }
  /** a staffing share below the district's urban baseline (judged on today's teachers, so both years) */
  | { goal: ProgrammeGoal.STAFFING; family: Family; years: AssessedYear[]; how: 'backbone' }
  /**
   * `gap`: the school never led a trusteeship or group; `lapsed`: its pairing ended in 2025;
   * `missed`: a month without joint research
   */
  | {
      goal: ProgrammeGoal.SUPPORT;
      family: Family;
      years: AssessedYear[];
      how: 'gap' | 'lapsed' | 'missed';
      months: string[];
    }
  | { goal: ProgrammeGoal.QUALITY; family: Family; years: AssessedYear[]; how: 'rate' | 'curriculum' }
  | { goal: ProgrammeGoal.ENVIRONMENT; family: Family; years: AssessedYear[]; how: 'score' }
  /** `enrolment`: the town's local enrolment share fell from 2025 to 2026 (so 2026 only) */
  | {
      goal: ProgrammeGoal.SATISFACTION;
      family: Family;
      years: AssessedYear[];
      how: 'parent' | 'student' | 'enrolment';
    };

export interface TownStory {
  town: TownRow;
  /** A: meets all six both years; B: met them in 2026 after failing in 2025; C: fails in 2026 */
  category: 'A' | 'B' | 'C';
  failures: Failure[];
}

export type Story = ReadonlyMap<string, TownStory>;

/** The failures of a town's school of `family` for `goal`, if any. */
export function failureOf<G extends ProgrammeGoal>(
  story: Story,
  townId: string,
  goal: G,
  family?: Family,
): Extract<Failure, { goal: G }> | undefined {
  return story.get(townId)?.failures.find((f) => f.goal === goal && (family === undefined || f.family === family)) as
    Extract<Failure, { goal: G }> | undefined;
}

/** The goals a town is meant to fail in `year`. */
export function goalsFailed(story: TownStory, year: AssessedYear): ProgrammeGoal[] {
  return [...new Set(story.failures.filter((f) => f.years.includes(year)).map((f) => f.goal))];
}

// 商河县: the demo district's towns the demo accounts look at.
const YUHUANGMIAO = '370126107'; // 玉皇庙镇: demo-school's town, improved to meet all six in 2026
export const BAIQIAO = '370126108'; // 白桥镇: fails only on SUPPORT, demo-researcher's missed months
const SUNJI = '370126109'; // 孙集镇: meets all six both years

/** The goals towns of category C fail in 2026, in turn; every fourth such town fails on two. */
const FAILING_2026: ProgrammeGoal[] = [
  ProgrammeGoal.CONDITIONS,
  ProgrammeGoal.SUPPORT,
  ProgrammeGoal.STAFFING,
  ProgrammeGoal.SATISFACTION,
  ProgrammeGoal.QUALITY,
  ProgrammeGoal.CONDITIONS,
  ProgrammeGoal.ENVIRONMENT,
  ProgrammeGoal.SUPPORT,
  ProgrammeGoal.SATISFACTION,
  ProgrammeGoal.STAFFING,
  ProgrammeGoal.QUALITY,
];
/** What category B towns still failed in 2025. */
const FAILING_2025_ONLY: ProgrammeGoal[] = [
  ProgrammeGoal.QUALITY,
  ProgrammeGoal.SATISFACTION,
  ProgrammeGoal.SUPPORT,
  ProgrammeGoal.ENVIRONMENT,
  ProgrammeGoal.QUALITY,
  ProgrammeGoal.SUPPORT,
  ProgrammeGoal.SATISFACTION,
];
const SUPPORT_WAYS = ['missed', 'gap', 'missed', 'lapsed'] as const;
/**
 * Months a joint research session is missed in: busy term months (the end of term, harvest
 * time). Never February or August: holiday months owe no research (calendar.ts), so a miss
 * there would be no miss. 2026's are all over before the base calendar's day (BASE_AS_OF).
 */
const MISSED_2026 = ['2026-03', '2026-06', '2026-10', '2026-09'];
const MISSED_2025 = ['2025-03', '2025-11', '2025-07', '2025-01'];

/** The story of every programme town, the same on every run and at every scale. */
export function planStory(divisions: Division[]): Story {
  const rng = new Random('story');
  const pinned = new Map<string, TownStory>();
  const perDistrict = divisions.map((d) =>
    rng.shuffle(d.towns.filter((t) => t.inProgramme)).filter((t) => {
      if (t.code === YUHUANGMIAO) {
        pinned.set(t.id, {
          town: t,
          category: 'B',
          failures: [{ goal: ProgrammeGoal.QUALITY, family: 'primary', years: ['2025'], how: 'rate' }],
        });
      } else if (t.code === BAIQIAO) {
        pinned.set(t.id, {
          town: t,
          category: 'C',
          failures: [
            {
              goal: ProgrammeGoal.SUPPORT,
              family: 'primary',
              years: ['2026'],
              how: 'missed',
              months: ['2026-06', '2026-10'],
            },
          ],
        });
      } else if (t.code === SUNJI) {
        pinned.set(t.id, { town: t, category: 'A', failures: [] });
      } else return true;
      return false;
    }),
  );
  // Districts in turn, so every district gets its share of each category.
  const order: TownRow[] = [];
  for (let i = 0; perDistrict.some((l) => l.length > i); i++) {
    for (const list of perDistrict) if (list[i]) order.push(list[i]!);
  }
  const total = order.length + pinned.size;
  const wanted = {
    A: Math.round(total * SHARE_PASSING_BOTH),
    C: Math.round(total * SHARE_FAILING_2026),
    B: 0,
  };
  wanted.B = total - wanted.A - wanted.C;
  const assigned = { A: 0, B: 0, C: 0 };
  for (const s of pinned.values()) assigned[s.category]++;
  const remaining = { A: wanted.A - assigned.A, B: wanted.B - assigned.B, C: wanted.C - assigned.C };

  const story = new Map(pinned);
  const counters = { c: 0, b: 0, support: 0, conditions: 0, quality: 0, satisfaction: 0 };
  const given = { A: 0, B: 0, C: 0 };
  order.forEach((town, i) => {
    // Largest deficit first: the categories interleave evenly along the district rotation.
    const category = (['C', 'B', 'A'] as const).reduce((best, c) =>
      remaining[c] * (i + 1) - given[c] * order.length > remaining[best] * (i + 1) - given[best] * order.length
        ? c
        : best,
    );
    given[category]++;
    const failures: Failure[] = [];
    if (category === 'C') {
      const n = counters.c++;
      const goals = [FAILING_2026[n % FAILING_2026.length]!];
      if (n % 4 === 3) goals.push(FAILING_2026[(n + 1) % FAILING_2026.length]!);
      for (const goal of goals) failures.push(failing(goal, town, rng, counters, true));
      // Those whose failure began in 2026 failed something in 2025 too.
      if (!failures.some((f) => f.years.includes('2025'))) {
        failures.push({ goal: ProgrammeGoal.QUALITY, family: rng.pick(SCHOOLS), years: ['2025'], how: 'rate' });
      }
    } else if (category === 'B') {
      const goal = FAILING_2025_ONLY[counters.b++ % FAILING_2025_ONLY.length]!;
      failures.push(failing(goal, town, rng, counters, false));
    }
    story.set(town.id, { town, category, failures });
  });
  return story;
}

const SCHOOLS: Family[] = ['primary', 'secondary'];
const ALL: Family[] = ['primary', 'secondary', 'kindergarten'];

/** A failure of `goal` in `town`: from 2026 on (category C, some also in 2025) or only in 2025 (category B). */
function failing(
  goal: ProgrammeGoal,
  town: TownRow,
  rng: Random,
  counters: { support: number; conditions: number; quality: number; satisfaction: number },
  in2026: boolean,
): Failure {
  const county = isCountySeat(town);
  switch (goal) {
    case ProgrammeGoal.CONDITIONS:
      // Half were due in 2025 and are still open; half fell due in 2026.
      return {
        goal,
        family: rng.pick(ALL),
        years: counters.conditions++ % 2 ? ['2025', '2026'] : ['2026'],
        how: 'overdue',
      };
    case ProgrammeGoal.STAFFING:
      // County-town schools are the urban baseline themselves: their towns fail on support instead.
      if (county) return failing(ProgrammeGoal.SUPPORT, town, rng, counters, in2026);
      return { goal, family: rng.pick(ALL), years: ['2025', '2026'], how: 'backbone' };
    case ProgrammeGoal.SUPPORT: {
      if (!in2026) {
        return { goal, family: rng.pick(ALL), years: ['2025'], how: 'missed', months: [rng.pick(MISSED_2025)] };
      }
      const how = county ? 'missed' : SUPPORT_WAYS[counters.support++ % SUPPORT_WAYS.length]!;
      const family: Family = how === 'missed' ? rng.pick(ALL) : rng.pick(['secondary', 'kindergarten'] as const);
      return {
        goal,
        family,
        years: how === 'gap' ? ['2025', '2026'] : ['2026'],
        how,
        months: how === 'missed' ? [rng.pick(MISSED_2026)] : [],
      };
    }
    case ProgrammeGoal.QUALITY: {
      const how = counters.quality++ % 3 === 2 ? 'curriculum' : 'rate';
      return { goal, family: rng.pick(SCHOOLS), years: in2026 ? ['2025', '2026'] : ['2025'], how };
    }
    case ProgrammeGoal.ENVIRONMENT:
      return { goal, family: rng.pick(ALL), years: in2026 ? ['2025', '2026'] : ['2025'], how: 'score' };
    case ProgrammeGoal.SATISFACTION: {
      const ways = in2026 ? (['parent', 'enrolment', 'student'] as const) : (['parent', 'student'] as const);
      const how = ways[counters.satisfaction++ % ways.length]!;
      return {
        goal,
        family: rng.pick(ALL),
        years: how === 'enrolment' ? ['2026'] : in2026 ? ['2025', '2026'] : ['2025'],
        how,
      };
    }
  }
}
