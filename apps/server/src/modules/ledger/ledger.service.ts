import DataLoader from 'dataloader';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { badInput, conflict } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { applySchoolScope, isInScope, schoolScope } from '../../auth/policy.js';
import { assertMay } from '../../auth/decisions/decide.js';
import { SCHOOL } from '../../auth/decisions/organisation.js';
import { LEDGER_ITEM } from '../../auth/decisions/programme.js';
import { School } from '../school/school.entity.js';
import { RectificationItem, RectificationStatusChange } from './ledger.entity.js';
import { RectificationStatus, StandardItem } from './ledger.enums.js';
import {
  RECTIFICATION_SORT_PROPERTIES,
  RectificationItemOrderField,
  type ChangeRectificationStatusInput,
  type CreateRectificationItemInput,
  type RectificationItemFilter,
  type RectificationItemOrder,
  type UpdateRectificationItemInput,
} from './ledger.inputs.js';

/** Overdue: not done and the deadline (its last allowed day) is before `day`. Derived, never stored. */
export function isOverdue(item: Pick<RectificationItem, 'status' | 'deadline'>, day: string): boolean {
  return item.status !== RectificationStatus.DONE && item.deadline < day;
}

/** The same rule in SQL, for the `overdue` filter; `:overdueDay` is bound by the caller. */
function overdueSql(alias: string): string {
  return `(${alias}.status <> '${RectificationStatus.DONE}' AND ${alias}.deadline < :overdueDay)`;
}

const perRequest = new WeakMap<Context, DataLoader<string, RectificationStatusChange[]>>();

/** rectificationItem.statusHistory for every item on a page in one statement. */
export function statusHistoryLoader(ctx: Context): DataLoader<string, RectificationStatusChange[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (itemIds) => {
      const rows = await ctx.ds
        .getRepository(RectificationStatusChange)
        .find({ where: { itemId: In([...itemIds]) }, order: { at: 'ASC', id: 'ASC' } });
      return itemIds.map((id) => rows.filter((r) => r.itemId === id));
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}

/**
 * The rectification ledger (整改工作台账). Items are read in the school scope; whoever runs
 * the school (its staff, its group leader, its district bureau, the city) writes them.
 * Status changes are kept as rows; reopening a done item is allowed with a note (a later
 * inspection can find the problem back), and clears the closing day.
 */
export class RectificationItemService extends RecordService<RectificationItem> {
  readonly typeName = 'RectificationItem';
  protected readonly entity = RectificationItem;

  protected auditScope(_em: EntityManager, row: RectificationItem) {
    return { districtId: row.districtId, schoolId: row.schoolId };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<RectificationItem> {
    const qb = em.getRepository(RectificationItem).createQueryBuilder(alias);
    return applySchoolScope(qb, schoolScope(ctx.viewer), `${alias}.schoolId`, `${alias}.districtId`);
  }

  private filtered(ctx: Context, filter: RectificationItemFilter | undefined) {
    const qb = this.scoped(ctx, 'ri');
    if (filter?.districtId) {
      qb.andWhere('ri.districtId = :districtId', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.townId) {
      qb.andWhere('ri.townId = :townId', { townId: fromGlobalId(filter.townId, 'Town', 'filter.townId') });
    }
    if (filter?.schoolId) {
      qb.andWhere('ri.schoolId = :schoolId', { schoolId: fromGlobalId(filter.schoolId, 'School', 'filter.schoolId') });
    }
    if (filter?.status) qb.andWhere('ri.status = :status', { status: filter.status });
    if (filter?.standardItem) qb.andWhere('ri.standardItem = :standardItem', { standardItem: filter.standardItem });
    if (filter?.fundSource) qb.andWhere('ri.fundSource = :fundSource', { fundSource: filter.fundSource });
    if (filter?.overdue != null) {
      qb.andWhere(filter.overdue ? overdueSql('ri') : `NOT ${overdueSql('ri')}`, {
        overdueDay: this.config.clock.today(),
      });
    }
    // Calendar days, both ends included; served by the (…, deadline, id) indexes.
    if (filter?.deadlineFrom && filter.deadlineTo && filter.deadlineFrom > filter.deadlineTo) {
      throw badInput([
        {
          path: 'filter.deadlineTo',
          message: 'must not be before deadlineFrom',
          messageZh: '结束日期不能早于开始日期',
          constraint: 'range',
        },
      ]);
    }
    if (filter?.deadlineFrom) qb.andWhere('ri.deadline >= :deadlineFrom', { deadlineFrom: filter.deadlineFrom });
    if (filter?.deadlineTo) qb.andWhere('ri.deadline <= :deadlineTo', { deadlineTo: filter.deadlineTo });
    return qb;
  }

  list(
    ctx: Context,
    filter: RectificationItemFilter | undefined,
    orderBy: RectificationItemOrder | undefined,
    args: ConnectionArgs,
  ) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, RECTIFICATION_SORT_PROPERTIES, RectificationItemOrderField.DEADLINE),
      ctx.config.maxPageSize,
    );
  }

  /** school.rectificationItems, batched per request. */
  pageForSchool(
    ctx: Context,
    schoolId: string,
    filter: RectificationItemFilter | undefined,
    orderBy: RectificationItemOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<RectificationItem>> {
    return ctx.loaders.pages.load<RectificationItem>(schoolId, {
      key: `RectificationItem.schoolId:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty: 'schoolId',
      args,
      sort: sortSpec(orderBy, RECTIFICATION_SORT_PROPERTIES, RectificationItemOrderField.DEADLINE),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  private static assertDetail(row: RectificationItem, path: string): void {
    if (row.standardItem === StandardItem.OTHER && !row.standardDetail?.trim()) {
      throw badInput([
        {
          path,
          message: 'is required when the standard item is OTHER',
          messageZh: '标准条目为“其他”时须填写说明',
          constraint: 'requiredForOther',
        },
      ]);
    }
  }

  private recordChange(
    em: EntityManager,
    ctx: Context,
    item: RectificationItem,
    from: RectificationStatus | null,
    note: string | null,
  ) {
    return em.save(
      RectificationStatusChange,
      em.create(RectificationStatusChange, {
        itemId: item.id,
        fromStatus: from,
        toStatus: item.status,
        // Stamped on the programme clock, not the database's: a year's verdict reads the
        // status as it stood on the year's last day from these stamps (goal-facts.ts).
        at: this.config.clock.now(),
        userId: ctx.viewer?.userId ?? null,
        username: ctx.viewer?.username ?? null,
        note,
      }),
    );
  }

  create(ctx: Context, input: CreateRectificationItemInput): Promise<RectificationItem> {
    return inTransaction(ctx, async (em, audit) => {
      const schoolId = fromGlobalId(input.schoolId, 'School', 'input.schoolId');
      const school = await em.getRepository(School).findOneBy({ id: schoolId });
      if (!school || !isInScope(schoolScope(ctx.viewer), school.id, school.districtId)) {
        throw badInput([
          { path: 'input.schoolId', message: 'no such school', messageZh: '学校不存在', constraint: 'exists' },
        ]);
      }
      await assertMay(ctx, SCHOOL, 'ledger:create', school, em);
      const row = em.create(RectificationItem, {
        schoolId: school.id,
        townId: school.townId,
        districtId: school.districtId,
        standardItem: input.standardItem,
        standardDetail: input.standardDetail ?? null,
        problem: input.problem,
        fundSource: input.fundSource,
        fundAmount: input.fundAmount ?? null,
        deadline: input.deadline,
        owner: input.owner,
        measures: input.measures,
        status: RectificationStatus.OPEN,
        evidence: null,
        closedOn: null,
      });
      RectificationItemService.assertDetail(row, 'input.standardDetail');
      const saved = await this.persist(em, audit, row, null);
      await this.recordChange(em, ctx, saved, null, null);
      return saved;
    });
  }

  /** The item, visible and writable, locked so status changes and edits of one item queue. */
  private async requireWritable(ctx: Context, em: EntityManager, id: string): Promise<RectificationItem> {
    const visible = await this.requireVisible(ctx, id, 'id', em);
    await assertMay(ctx, LEDGER_ITEM, 'ledger:update', visible, em);
    return em
      .getRepository(RectificationItem)
      .createQueryBuilder('ri')
      .setLock('pessimistic_write')
      .where('ri.id = :id', { id: visible.id })
      .getOneOrFail();
  }

  update(ctx: Context, id: string, input: UpdateRectificationItemInput): Promise<RectificationItem> {
    rejectNulls(input, ['standardItem', 'problem', 'fundSource', 'deadline', 'owner', 'measures']);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireWritable(ctx, em, id);
      const before = { ...row };
      applyChanges(row, input);
      RectificationItemService.assertDetail(row, 'input.standardDetail');
      return this.persist(em, audit, row, before);
    });
  }

  changeStatus(ctx: Context, id: string, input: ChangeRectificationStatusInput): Promise<RectificationItem> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireWritable(ctx, em, id);
      // Two people closing the same item from stale screens: the second sees the first's
      // change instead of silently stacking a status on top of it.
      if (input.expectedStatus && input.expectedStatus !== row.status) {
        throw conflict(
          `The item's status changed to ${row.status} since you read ${input.expectedStatus}; reload it`,
          `该条目的状态已被他人改为其他状态，请刷新后再处理`,
          [
            {
              path: 'input.expectedStatus',
              message: `is stale; now ${row.status}`,
              messageZh: '状态已过期',
              constraint: 'stale',
            },
          ],
        );
      }
      const before = { ...row };
      this.applyStatus(row, input);
      const saved = await this.persist(em, audit, row, before);
      await this.recordChange(em, ctx, saved, before.status, input.note ?? null);
      return saved;
    });
  }

  private applyStatus(row: RectificationItem, input: ChangeRectificationStatusInput): void {
    const day = this.config.clock.today();
    if (input.status === row.status) {
      throw badInput([
        {
          path: 'input.status',
          message: `the item is already ${row.status}`,
          messageZh: '状态未变化',
          constraint: 'unchanged',
        },
      ]);
    }
    if (input.closedOn != null && input.status !== RectificationStatus.DONE) {
      throw badInput([
        {
          path: 'input.closedOn',
          message: 'only a DONE item has a closing day',
          messageZh: '只有已完成的条目才有完成日期',
          constraint: 'onlyWhenDone',
        },
      ]);
    }
    if (input.evidence !== undefined) row.evidence = input.evidence;
    if (input.status === RectificationStatus.DONE) {
      if (!row.evidence?.trim()) {
        throw badInput([
          {
            path: 'input.evidence',
            message: 'closing an item needs evidence notes',
            messageZh: '完成整改须填写佐证说明',
            constraint: 'requiredWhenDone',
          },
        ]);
      }
      const closedOn = input.closedOn ?? day;
      if (closedOn > day) {
        throw badInput([
          {
            path: 'input.closedOn',
            message: `must not be after today (${day})`,
            messageZh: '完成日期不能晚于今天',
            constraint: 'notFuture',
          },
        ]);
      }
      row.closedOn = closedOn;
    } else {
      if (row.status === RectificationStatus.DONE && !input.note?.trim()) {
        throw badInput([
          {
            path: 'input.note',
            message: 'reopening a done item needs a note saying why',
            messageZh: '重新打开已完成的条目须说明原因',
            constraint: 'requiredToReopen',
          },
        ]);
      }
      row.closedOn = null;
    }
    row.status = input.status;
  }
}
