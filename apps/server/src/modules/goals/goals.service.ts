import { asNeighbourSchool } from '../../auth/neighbour.js';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import type { Context } from '../../context.js';
import { badInput } from '../../common/errors.js';
import { placeholders } from '../../common/sql.js';
import { requireViewer, schoolScope } from '../../auth/policy.js';
import { School } from '../school/school.entity.js';
import { Town } from '../town/town.entity.js';
import { District } from '../district/district.entity.js';
import { assessmentFacts, schoolOrTown } from './assessment-facts.js';
import { ledgerFacts, leadershipFacts, periodWindow, researchFacts, type PeriodWindow } from './goal-facts.js';
import { RULES, type SchoolFacts } from './goal-rules.js';
import { TownGoalOrderField, type TownGoalFilter, type TownGoalOrder } from './goals.inputs.js';
import type { TownFilter } from '../town/town.inputs.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { pageWindow, paginateRows } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { ProgrammeGoal, type GoalVerdict, type ProgrammeSummary, type TownGoalAttainment } from './goals.types.js';

const GOALS = Object.values(ProgrammeGoal);

/** Town names sort in pinyin order, as a Chinese reader expects; codes and counts as they are. */
const PINYIN = new Intl.Collator('zh-CN');
function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return PINYIN.compare(String(a), String(b));
}

/**
 * Goal attainment, computed live from the records on every request (nothing stored that
 * could go stale): a town meets a goal when every one of its town-seat schools does.
 * All facts for any number of towns come from a fixed number of grouped queries.
 */
export class GoalService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
  ) {}

  /**
   * The period asked for, or, when omitted, the latest year with assessments up to this year
   * (this year when there are none at all): in January the year just begun has no
   * assessments yet, and judging it would show every town failing.
   */
  private async period(period: string | undefined): Promise<string> {
    const thisYear = this.config.clock.today().slice(0, 4);
    if (period === undefined) {
      const [row] = await this.ds.query(`SELECT MAX(period) AS period FROM assessment WHERE period <= $1`, [thisYear]);
      return (row?.period as string | null) ?? thisYear;
    }
    const p = period;
    if (!/^\d{4}$/.test(p)) {
      throw badInput([
        {
          path: 'period',
          message: 'must be a year, e.g. 2026',
          messageZh: '期间应为年份，如 2026',
          constraint: 'period',
        },
      ]);
    }
    return p;
  }

  /**
   * Towns the viewer may judge: the city-wide roles any; others those with a school in their
   * scope. `filter` is the towns list's own filter, applied by the town service.
   */
  private async visibleTowns(
    ctx: Context,
    where: { townIds?: string[]; districtId?: string; inProgramme?: boolean; filter?: TownFilter },
  ): Promise<Town[]> {
    requireViewer(ctx.viewer);
    const qb = where.filter
      ? ctx.services.town.filtered(ctx, where.filter)
      : this.ds.getRepository(Town).createQueryBuilder('t');
    if (where.townIds) qb.andWhere('t.id IN (:...townIds)', { townIds: where.townIds.length ? where.townIds : [null] });
    if (where.districtId) qb.andWhere('t.districtId = :districtId', { districtId: where.districtId });
    if (where.inProgramme) qb.andWhere('t.inProgramme = true');
    const scope = schoolScope(ctx.viewer);
    if (!scope.all) {
      const parts = ['FALSE'];
      if (scope.districtIds.length) parts.push('t.districtId IN (:...sd)');
      if (scope.schoolIds.length)
        parts.push('EXISTS (SELECT 1 FROM school vs WHERE vs.town_id = t.id AND vs.id IN (:...ss))');
      qb.andWhere(`(${parts.join(' OR ')})`, { sd: scope.districtIds, ss: scope.schoolIds });
    }
    return qb.orderBy('t.code', 'ASC').getMany();
  }

  /** Every goal of every town, from one batch of facts. */
  async evaluate(ctx: Context, towns: Town[], period: string): Promise<TownGoalAttainment[]> {
    const window = periodWindow(period, this.config.clock.today());
    const schools = towns.length
      ? await this.ds
          .getRepository(School)
          .createQueryBuilder('s')
          .where('s.townId IN (:...townIds)', { townIds: towns.map((t) => t.id) })
          .andWhere('s.isTownSeat = true')
          .orderBy('s.code', 'ASC')
          .getMany()
      : [];
    const facts = await this.facts(ctx, schools, towns, window);
    return towns.map((town) => {
      const seats = schools.filter((s) => s.townId === town.id);
      const goals = GOALS.map((goal) => this.townVerdict(goal, seats, facts, window, (s) => asNeighbourSchool(ctx, s)));
      return { town, period, meetsAll: goals.every((g) => g.met), goalsMet: goals.filter((g) => g.met).length, goals };
    });
  }

  private async facts(
    ctx: Context,
    schools: School[],
    towns: Town[],
    window: PeriodWindow,
  ): Promise<Map<string, SchoolFacts>> {
    const ids = schools.map((s) => s.id);
    const previousPeriod = String(Number(window.period) - 1);
    const [ledger, leadership, research, assessments, previous, staffingGroups] = await Promise.all([
      ledgerFacts(this.ds, ids, window),
      leadershipFacts(this.ds, ids, window),
      researchFacts(this.ds, ctx.services.calendar, ids, window),
      assessmentFacts(
        this.ds,
        ids,
        towns.map((t) => t.id),
        window.period,
      ),
      assessmentFacts(
        this.ds,
        ids,
        towns.map((t) => t.id),
        previousPeriod,
      ),
      // Staffing is judged on the whole school, whoever asks: bypass the viewer's school scope.
      this.staffingCounts(ids),
    ]);
    const out = new Map<string, SchoolFacts>();
    for (const s of schools) {
      const pick = (m: typeof assessments) => schoolOrTown(m.get(`school:${s.id}`), m.get(`town:${s.townId}`));
      out.set(s.id, {
        ledger: ledger.get(s.id) ?? { open: 0, overdue: 0 },
        leadership: leadership.get(s.id) ?? { trusteeships: 0, groupMembers: 0 },
        research: research.get(s.id) ?? { assignments: 0, expectedMonths: 0, missingMonths: [] },
        staffing: await ctx.services.staffing.indicators(ctx, s.districtId, staffingGroups.get(s.id) ?? []),
        assessment: pick(assessments),
        previous: pick(previous),
      });
    }
    return out;
  }

  private async staffingCounts(ids: string[]) {
    if (!ids.length) return new Map();
    const rows: {
      id: string;
      stage: School['stage'];
      full_time: number;
      backbone: number;
      bachelor: number;
      associate: number;
    }[] = await this.ds.query(
      `SELECT s.id, s.stage, COALESCE(c.full_time, 0)::int AS full_time, COALESCE(c.backbone, 0)::int AS backbone,
                COALESCE(c.bachelor_or_above, 0)::int AS bachelor, COALESCE(c.associate_or_above, 0)::int AS associate
           FROM school s LEFT JOIN school_staffing c ON c.school_id = s.id WHERE s.id IN (${placeholders(ids, 1)})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        [
          {
            stage: r.stage,
            schoolCount: 1,
            fullTime: r.full_time,
            backbone: r.backbone,
            bachelorOrAbove: r.bachelor,
            associateOrAbove: r.associate,
          },
        ],
      ]),
    );
  }

  private townVerdict(
    goal: ProgrammeGoal,
    seats: School[],
    facts: Map<string, SchoolFacts>,
    window: PeriodWindow,
    /** a verdict names every town-seat school; those outside the viewer's scope by their public part */
    shown: (school: School) => School,
  ): GoalVerdict {
    if (!seats.length) {
      return {
        goal,
        met: false,
        reason: '该乡镇没有镇驻地学校',
        reasonEn: 'the town has no town-seat school',
        inputs: [],
        schools: [],
      };
    }
    const schools = seats.map((school) => {
      const r = RULES[goal](facts.get(school.id)!, window, this.config.goals);
      return {
        school: shown(school),
        met: r.met,
        reason: r.met ? null : r.reasons.map((x) => x.zh).join('；'),
        reasonEn: r.met ? null : r.reasons.map((x) => x.en).join('; '),
        inputs: r.inputs.map((i) => ({ ...i, name: schoolInputName(school.name, i.name) })),
      };
    });
    const failing = schools.filter((s) => !s.met);
    return {
      goal,
      met: failing.length === 0,
      reason: failing.length ? failing.map((s) => `${s.school.name}：${s.reason}`).join('；') : null,
      reasonEn: failing.length ? failing.map((s) => `${s.school.name}: ${s.reasonEn}`).join('; ') : null,
      inputs: schools.flatMap((s) => s.inputs),
      schools,
    };
  }

  async townAttainment(ctx: Context, townId: string, period: string | undefined): Promise<TownGoalAttainment | null> {
    const towns = await this.visibleTowns(ctx, { townIds: [townId] });
    if (!towns.length) return null;
    return (await this.evaluate(ctx, towns, await this.period(period)))[0]!;
  }

  /**
   * The towns in scope with their verdicts as a connection, filterable by verdict. Verdicts
   * are judged in TypeScript, so the page is cut after judging: every matching town of the
   * period is judged in one batch (the same fixed number of queries as programmeSummary,
   * whatever the number of towns; a city has about 130), then filtered, sorted and paged by
   * the keyset cursor in memory, so a filter on a verdict stays exact across pages.
   */
  async attainmentPage(
    ctx: Context,
    period: string | undefined,
    filter: TownGoalFilter | undefined,
    orderBy: TownGoalOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<TownGoalAttainment>> {
    const p = await this.period(period);
    const sort = sortSpec(orderBy, { CODE: 'code', NAME: 'name', GOALS_MET: 'goalsMet' }, TownGoalOrderField.CODE);
    // The window is checked before any verdict is computed: a bad cursor costs nothing.
    pageWindow(args, sort, ctx.config.maxPageSize);
    const { meetsAll, failingGoal, ...townFilter } = filter ?? {};
    const towns = await this.visibleTowns(ctx, { filter: townFilter });
    const judged = (await this.evaluate(ctx, towns, p)).filter(
      (r) =>
        (meetsAll == null || r.meetsAll === meetsAll) &&
        (!failingGoal || r.goals.some((g) => g.goal === failingGoal && !g.met)),
    );
    const key = (r: TownGoalAttainment) => ({
      value:
        sort.field === TownGoalOrderField.GOALS_MET
          ? r.goalsMet
          : sort.field === TownGoalOrderField.NAME
            ? r.town.name
            : r.town.code,
      id: r.town.id,
    });
    return paginateRows(judged, args, sort, ctx.config.maxPageSize, key, compareSortValues);
  }

  /** The share meeting all goals for `years` years up to `period`, oldest first. */
  async trend(ctx: Context, districtId: string | undefined, period: string, years: number) {
    if (!Number.isInteger(years) || years < 1 || years > 10) {
      throw badInput([
        { path: 'years', message: 'must be between 1 and 10', messageZh: '年数须在 1 到 10 之间', constraint: 'range' },
      ]);
    }
    const towns = await this.visibleTowns(ctx, { districtId, inProgramme: true });
    const out = [];
    for (let y = Number(period) - years + 1; y <= Number(period); y++) {
      const hasData = await this.hasData(String(y));
      const results = await this.evaluate(ctx, towns, String(y));
      const all = results.filter((r) => r.meetsAll).length;
      out.push({
        period: String(y),
        townCount: towns.length,
        townsMeetingAll: all,
        hasData,
        shareMeetingAll: towns.length && hasData ? all / towns.length : null,
      });
    }
    return out;
  }

  /** Whether any assessment of the period exists: without them no town can be judged. */
  private async hasData(period: string): Promise<boolean> {
    const [row] = await this.ds.query(`SELECT EXISTS (SELECT 1 FROM assessment WHERE period = $1) AS has`, [period]);
    return row?.has === true;
  }

  async summary(ctx: Context, districtId: string | undefined, period: string | undefined): Promise<ProgrammeSummary> {
    const p = await this.period(period);
    const hasData = await this.hasData(p);
    const towns = await this.visibleTowns(ctx, { districtId, inProgramme: true });
    const results = await this.evaluate(ctx, towns, p);
    const target = this.config.goals.targetShare;
    // A year with no assessments has no verdicts to share: null, not 0%.
    const share = (n: number, of: number) => (of && hasData ? n / of : null);
    const meetingAll = results.filter((r) => r.meetsAll).length;
    const districtIds = [...new Set(towns.map((t) => t.districtId))];
    const districts = districtIds.length
      ? await this.ds
          .getRepository(District)
          .createQueryBuilder('d')
          .whereInIds(districtIds)
          .orderBy('d.code')
          .getMany()
      : [];
    return {
      districtScope: districtId,
      period: p,
      townCount: towns.length,
      townsMeetingAll: meetingAll,
      shareMeetingAll: share(meetingAll, towns.length),
      target,
      hasData,
      meetsTarget: hasData && towns.length > 0 && meetingAll / towns.length >= target,
      goals: GOALS.map((goal) => {
        const n = results.filter((r) => r.goals.find((g) => g.goal === goal)!.met).length;
        return { goal, townsMeeting: n, share: share(n, towns.length) };
      }),
      districts: districts.map((district) => {
        const mine = results.filter((r) => r.town.districtId === district.id);
        const all = mine.filter((r) => r.meetsAll).length;
        return {
          district,
          townCount: mine.length,
          townsMeetingAll: all,
          shareMeetingAll: share(all, mine.length),
          hasData,
        };
      }),
      towns: results,
    };
  }
}

/**
 * "孙集镇中心小学：逾期未完成整改项 / 孙集镇中心小学: rectification items past deadline": the
 * school named in both halves of the input's "中文 / English" name, so a client showing one
 * language still says whose figure it is.
 */
export function schoolInputName(school: string, name: string): string {
  const at = name.lastIndexOf(' / ');
  if (at < 0) return `${school}：${name}`;
  return `${school}：${name.slice(0, at)} / ${school}: ${name.slice(at + 3)}`;
}
