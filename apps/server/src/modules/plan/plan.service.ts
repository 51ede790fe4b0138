import DataLoader from 'dataloader';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Config } from '../../config.js';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { AppError, badInput, ErrorCode, type FieldError } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { RecordService } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { PROGRAMME_TIME_ZONE } from '../../common/dates.js';
import { dayInJinan } from '../../common/clock.js';
import { schoolScope } from '../../auth/policy.js';
import { assertMay } from '../../auth/decisions/decide.js';
import { TOWN } from '../../auth/decisions/organisation.js';
import { PLAN, townScopeSql } from '../../auth/decisions/programme.js';
import { Town } from '../town/town.entity.js';
import { TownPlan, TownPlanTransition, type PlanMeasure } from './plan.entity.js';
import { ActionLine, TownPlanState } from './plan.enums.js';
import {
  TOWN_PLAN_SORT_PROPERTIES,
  TownPlanOrderField,
  type CreateTownPlanInput,
  type PlanMeasureInput,
  type TownPlanContentInput,
  type TownPlanFilter,
  type TownPlanOrder,
} from './plan.inputs.js';

/** The due date of the plan of `year`: `${year}-${PLAN_DUE_MONTH_DAY}` (the 2023 plan set 03-29). */
export function dueDate(year: number, config: Pick<Config, 'planDueMonthDay'>): string {
  return `${year}-${config.planDueMonthDay}`;
}

/**
 * Late: first submitted (in Jinan's calendar) after the due date, or never submitted and
 * the due date has passed. The due date itself is on time. A plan submitted on time and
 * later returned is not late: the deadline is about the first submission.
 */
export function isLate(
  plan: Pick<TownPlan, 'year' | 'submittedAt'>,
  config: Pick<Config, 'planDueMonthDay' | 'clock'>,
): boolean {
  const due = dueDate(plan.year, config);
  return plan.submittedAt ? dayInJinan(plan.submittedAt) > due : config.clock.today() > due;
}

/** The four specifics (四个具体), all required to submit. */
const SPECIFICS = ['targets', 'measures', 'responsibilities', 'expectedOutcomes'] as const;

/** Editing is for the town: only drafts and returned plans change. */
const EDITABLE = new Set([TownPlanState.DRAFT, TownPlanState.RETURNED]);

export interface TransitionRule {
  to: TownPlanState;
  from: TownPlanState[];
  /** decided by PLAN in auth/decisions/programme.ts */
  action: 'plan:submit' | 'plan:review' | 'plan:file';
  verb: string;
  verbZh: string;
}

/** Every allowed transition; anything else is refused with constraint `transition`. */
export const TRANSITIONS = {
  submit: {
    to: TownPlanState.SUBMITTED,
    from: [TownPlanState.DRAFT, TownPlanState.RETURNED],
    action: 'plan:submit',
    verb: 'submitted',
    verbZh: '报送',
  },
  approve: {
    to: TownPlanState.APPROVED,
    from: [TownPlanState.SUBMITTED],
    action: 'plan:review',
    verb: 'approved',
    verbZh: '审核通过',
  },
  return: {
    to: TownPlanState.RETURNED,
    from: [TownPlanState.SUBMITTED],
    action: 'plan:review',
    verb: 'returned',
    verbZh: '退回',
  },
  file: {
    to: TownPlanState.FILED,
    from: [TownPlanState.APPROVED],
    action: 'plan:file',
    verb: 'filed',
    verbZh: '备案',
  },
} satisfies Record<string, TransitionRule>;
export type TransitionName = keyof typeof TRANSITIONS;

const perRequest = new WeakMap<Context, DataLoader<string, TownPlanTransition[]>>();

/** townPlan.transitions for every plan on a page in one statement. */
export function transitionsLoader(ctx: Context): DataLoader<string, TownPlanTransition[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (planIds) => {
      const rows = await ctx.ds
        .getRepository(TownPlanTransition)
        .find({ where: { planId: In([...planIds]) }, order: { at: 'ASC', id: 'ASC' } });
      return planIds.map((id) => rows.filter((r) => r.planId === id));
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}

function normaliseMeasures(items: PlanMeasureInput[]): PlanMeasure[] {
  return items.map((m) => ({
    text: m.text.trim(),
    actionLines: Object.values(ActionLine).filter((line) => m.actionLines.includes(line)),
  }));
}

function unionOfLines(items: PlanMeasure[]): ActionLine[] {
  return Object.values(ActionLine).filter((line) => items.some((m) => m.actionLines.includes(line)));
}

function staleVersion(row: TownPlan, expected: number): AppError {
  return new AppError(
    ErrorCode.CONFLICT,
    `The plan was changed by someone else (version ${row.version}, you read ${expected}); reload it and reapply your change`,
    `该方案已被他人修改（当前版本 ${row.version}，您读取的是 ${expected}），请刷新后重新修改`,
    {
      currentVersion: row.version,
      fields: [
        {
          path: 'expectedVersion',
          message: `is stale; current version is ${row.version}`,
          messageZh: '版本已过期',
          constraint: 'version',
        },
      ],
    },
  );
}

/**
 * Town plans (一镇一案) and their review (会商审核). Every write locks the plan row, then
 * compares `expectedVersion`: two people editing the same plan queue on the lock and the
 * second is refused with CONFLICT instead of silently overwriting the first.
 */
export class TownPlanService extends RecordService<TownPlan> {
  readonly typeName = 'TownPlan';
  protected readonly entity = TownPlan;

  protected auditScope(_em: EntityManager, row: TownPlan) {
    return { districtId: row.districtId, schoolId: null };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<TownPlan> {
    const qb = em.getRepository(TownPlan).createQueryBuilder(alias);
    const { sql, params } = townScopeSql(schoolScope(ctx.viewer), `${alias}.townId`, `${alias}.districtId`);
    return sql === 'TRUE' ? qb : qb.andWhere(sql, params);
  }

  private filtered(ctx: Context, filter: TownPlanFilter | undefined) {
    const qb = this.scoped(ctx, 'tp');
    if (filter?.districtId) {
      qb.andWhere('tp.districtId = :districtId', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.townId) {
      qb.andWhere('tp.townId = :townId', { townId: fromGlobalId(filter.townId, 'Town', 'filter.townId') });
    }
    if (filter?.year != null) qb.andWhere('tp.year = :year', { year: filter.year });
    if (filter?.state) qb.andWhere('tp.state = :state', { state: filter.state });
    if (filter?.actionLine) {
      qb.andWhere('tp.actionLines @> ARRAY[:actionLine]::"action_line"[]', { actionLine: filter.actionLine });
    }
    if (filter?.late != null) {
      const [m, d] = this.config.planDueMonthDay.split('-').map(Number);
      const due = 'make_date(tp.year, :dueMonth, :dueDay)';
      const late =
        `((tp.submittedAt IS NOT NULL AND (tp.submittedAt AT TIME ZONE '${PROGRAMME_TIME_ZONE}')::date > ${due})` +
        ` OR (tp.submittedAt IS NULL AND ${due} < :lateToday))`;
      qb.andWhere(filter.late ? late : `NOT ${late}`, { dueMonth: m, dueDay: d, lateToday: this.config.clock.today() });
    }
    return qb;
  }

  list(ctx: Context, filter: TownPlanFilter | undefined, orderBy: TownPlanOrder | undefined, args: ConnectionArgs) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, TOWN_PLAN_SORT_PROPERTIES, TownPlanOrderField.YEAR),
      ctx.config.maxPageSize,
    );
  }

  /** town.plans, batched per request. */
  pageForTown(
    ctx: Context,
    townId: string,
    filter: TownPlanFilter | undefined,
    orderBy: TownPlanOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<TownPlan>> {
    return ctx.loaders.pages.load<TownPlan>(townId, {
      key: `TownPlan.townId:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty: 'townId',
      args,
      sort: sortSpec(orderBy, TOWN_PLAN_SORT_PROPERTIES, TownPlanOrderField.YEAR),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  private static applyContent(row: TownPlan, input: TownPlanContentInput): void {
    for (const key of SPECIFICS) {
      const value = input[key];
      if (value !== undefined) row[key] = value === null || !value.trim() ? null : value;
    }
    if (input.measureItems !== undefined && input.measureItems !== null) {
      row.measureItems = normaliseMeasures(input.measureItems);
      row.actionLines = unionOfLines(row.measureItems);
    }
  }

  create(ctx: Context, input: CreateTownPlanInput): Promise<TownPlan> {
    return inTransaction(ctx, async (em, audit) => {
      const town = await em.getRepository(Town).findOneBy({ id: fromGlobalId(input.townId, 'Town', 'input.townId') });
      if (!town) {
        throw badInput([
          { path: 'input.townId', message: 'no such town', messageZh: '乡镇不存在', constraint: 'exists' },
        ]);
      }
      await assertMay(ctx, TOWN, 'plan:draft', town, em);
      const row = em.create(TownPlan, {
        townId: town.id,
        districtId: town.districtId,
        year: input.year,
        state: TownPlanState.DRAFT,
        targets: null,
        measures: null,
        responsibilities: null,
        expectedOutcomes: null,
        measureItems: [],
        actionLines: [],
        submittedAt: null,
        lastSubmittedAt: null,
      });
      TownPlanService.applyContent(row, input);
      return this.persist(em, audit, row, null);
    });
  }

  /** The plan, visible, locked for this transaction, and at the version the caller read. */
  private async lockAtVersion(
    ctx: Context,
    em: EntityManager,
    id: string,
    expectedVersion: number,
    authorize: (row: TownPlan) => Promise<void> | void,
  ): Promise<TownPlan> {
    const visible = await this.requireVisible(ctx, id, 'id', em);
    await authorize(visible);
    const row = await em
      .getRepository(TownPlan)
      .createQueryBuilder('tp')
      .setLock('pessimistic_write')
      .where('tp.id = :id', { id: visible.id })
      .getOneOrFail();
    if (row.version !== expectedVersion) throw staleVersion(row, expectedVersion);
    return row;
  }

  update(ctx: Context, id: string, expectedVersion: number, input: TownPlanContentInput): Promise<TownPlan> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.lockAtVersion(ctx, em, id, expectedVersion, (r) =>
        assertMay(ctx, PLAN, 'plan:draft', r, em),
      );
      if (!EDITABLE.has(row.state)) {
        throw badInput([
          {
            path: 'id',
            message: `a ${row.state} plan cannot be edited; only DRAFT and RETURNED plans can`,
            messageZh: '只有草稿或退回修改的方案可以编辑',
            constraint: 'editable',
          },
        ]);
      }
      const before = { ...row };
      TownPlanService.applyContent(row, input);
      // A returned plan stays RETURNED while it is revised, until it is resubmitted.
      return this.persist(em, audit, row, before);
    });
  }

  transition(
    ctx: Context,
    id: string,
    name: TransitionName,
    expectedVersion: number,
    comment: string | null | undefined,
  ): Promise<TownPlan> {
    const rule: TransitionRule = TRANSITIONS[name];
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.lockAtVersion(ctx, em, id, expectedVersion, (r) =>
        assertMay(ctx, PLAN, rule.action, r, em),
      );
      if (!rule.from.includes(row.state)) {
        throw badInput([
          {
            path: 'id',
            message: `a ${row.state} plan cannot be ${rule.verb}; only from ${rule.from.join(' or ')}`,
            messageZh: `当前状态（${row.state}）的方案不能${rule.verbZh}`,
            constraint: 'transition',
          },
        ]);
      }
      const before = { ...row };
      const note = comment?.trim() ? comment.trim() : null;
      if (name === 'return' && !note) {
        throw badInput([
          {
            path: 'comment',
            message: 'returning a plan needs a comment saying what to revise',
            messageZh: '退回方案须填写修改意见',
            constraint: 'required',
          },
        ]);
      }
      if (name === 'submit') {
        const missing: FieldError[] = SPECIFICS.filter((k) => !row[k]?.trim()).map((k) => ({
          path: k,
          message: 'is required to submit (四个具体)',
          messageZh: '报送前须填写（四个具体）',
          constraint: 'requiredToSubmit',
        }));
        if (missing.length) throw badInput(missing, `The plan lacks ${missing.map((f) => f.path).join(', ')}`);
        const now = this.config.clock.now();
        row.submittedAt ??= now;
        row.lastSubmittedAt = now;
      }
      row.state = rule.to;
      const saved = await this.persist(em, audit, row, before);
      await em.save(
        TownPlanTransition,
        em.create(TownPlanTransition, {
          planId: saved.id,
          fromState: before.state,
          toState: rule.to,
          userId: ctx.viewer?.userId ?? null,
          username: ctx.viewer?.username ?? null,
          comment: note,
        }),
      );
      return saved;
    });
  }
}
