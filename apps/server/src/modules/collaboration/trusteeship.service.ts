import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { OrderDirection } from '../../common/connection.js';
import { activeOnSql } from '../../common/dates.js';
import { badInput, conflict } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate, type SortSpec } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { requireViewer, schoolScope } from '../../auth/policy.js';
import { assertMay, assertOn, decideOn } from '../../auth/decisions/decide.js';
import { NEW_TRUSTEESHIP, TRUSTEESHIP } from '../../auth/decisions/collaboration.js';
import { Trusteeship, TrusteeshipActivity } from './collaboration.entity.js';
import { RelationApproval, TrusteeshipMode, TrusteeshipStatus } from './collaboration.enums.js';
import { applyDecision, initialApproval } from './collaboration.approval.js';
import {
  TRUSTEESHIP_SORT_PROPERTIES,
  TrusteeshipOrderField,
  type CreateTrusteeshipInput,
  type RecordTrusteeshipActivityInput,
  type TrusteeshipFilter,
  type TrusteeshipOrder,
  type UpdateTrusteeshipInput,
} from './collaboration.inputs.js';
import { applyTrusteeshipScope } from './collaboration.scope.js';
import { dateOrderProblem, sameSchoolsProblem } from './collaboration.rules.js';
import { requireAnySchool, requireVisibleSchool } from './group.service.js';

/** PLANNED before its start, ENDED after its actual end day, ACTIVE in between (derived, never stored). */
export function trusteeshipStatus(row: Pick<Trusteeship, 'startDate' | 'actualEndDate'>, day: string) {
  if (row.startDate > day) return TrusteeshipStatus.PLANNED;
  if (row.actualEndDate !== null && row.actualEndDate < day) return TrusteeshipStatus.ENDED;
  return TrusteeshipStatus.ACTIVE;
}

function notBefore(path: string, value: string, start: string, what: string, whatZh: string) {
  const problem = dateOrderProblem(value, start, what, whatZh);
  if (problem) throw badInput([{ path, ...problem }]);
}

export class TrusteeshipService extends RecordService<Trusteeship> {
  readonly typeName = 'Trusteeship';
  protected readonly entity = Trusteeship;

  protected auditScope(_em: EntityManager, row: Trusteeship) {
    return { districtId: row.leadDistrictId, schoolId: row.leadSchoolId };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<Trusteeship> {
    return applyTrusteeshipScope(
      em.getRepository(Trusteeship).createQueryBuilder(alias),
      schoolScope(ctx.viewer),
      alias,
    );
  }

  private filtered(ctx: Context, filter: TrusteeshipFilter | undefined) {
    const qb = this.scoped(ctx, 't');
    if (filter?.districtId) {
      qb.andWhere('(t.leadDistrictId = :districtId OR t.partnerDistrictId = :districtId)', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.leadSchoolId) {
      qb.andWhere('t.leadSchoolId = :leadSchoolId', {
        leadSchoolId: fromGlobalId(filter.leadSchoolId, 'School', 'filter.leadSchoolId'),
      });
    }
    if (filter?.partnerSchoolId) {
      qb.andWhere('t.partnerSchoolId = :partnerSchoolId', {
        partnerSchoolId: fromGlobalId(filter.partnerSchoolId, 'School', 'filter.partnerSchoolId'),
      });
    }
    if (filter?.mode) qb.andWhere('t.mode = :mode', { mode: filter.mode });
    if (filter?.approval) qb.andWhere('t.approval = :approval', { approval: filter.approval });
    if (filter?.activeOn)
      qb.andWhere(activeOnSql('t.startDate', 't.actualEndDate', 'activeOn'), { activeOn: filter.activeOn });
    if (filter?.status) {
      const day = this.config.clock.today();
      if (filter.status === TrusteeshipStatus.PLANNED) qb.andWhere('t.startDate > :statusDay', { statusDay: day });
      else if (filter.status === TrusteeshipStatus.ENDED)
        qb.andWhere('t.actualEndDate < :statusDay', { statusDay: day });
      else qb.andWhere(activeOnSql('t.startDate', 't.actualEndDate', 'statusDay'), { statusDay: day });
    }
    return qb;
  }

  list(
    ctx: Context,
    filter: TrusteeshipFilter | undefined,
    orderBy: TrusteeshipOrder | undefined,
    args: ConnectionArgs,
  ) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, TRUSTEESHIP_SORT_PROPERTIES, TrusteeshipOrderField.START_DATE),
      ctx.config.maxPageSize,
    );
  }

  /** `school.trusteeshipsAsLead` / `school.trusteeshipsAsPartner`, batched over schools. */
  pageForSchool(
    ctx: Context,
    parentProperty: 'leadSchoolId' | 'partnerSchoolId',
    schoolId: string,
    filter: TrusteeshipFilter | undefined,
    orderBy: TrusteeshipOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<Trusteeship>> {
    return ctx.loaders.pages.load<Trusteeship>(schoolId, {
      key: `Trusteeship.${parentProperty}:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty,
      args,
      sort: sortSpec(orderBy, TRUSTEESHIP_SORT_PROPERTIES, TrusteeshipOrderField.START_DATE),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  /**
   * Every rule is checked here first, so the user gets a typed error naming the field; the
   * database's CHECK and exclusion constraints only back these checks up.
   */
  create(ctx: Context, input: CreateTrusteeshipInput): Promise<Trusteeship> {
    return inTransaction(ctx, async (em, audit) => {
      const viewer = requireViewer(ctx.viewer);
      const leadId = fromGlobalId(input.leadSchoolId, 'School', 'input.leadSchoolId');
      const partnerId = fromGlobalId(input.partnerSchoolId, 'School', 'input.partnerSchoolId');
      // Whoever runs the lead school may propose; an authority over the partner may set one up
      // for any lead school (it then needs no sight of the lead).
      const runsLead = await ctx.services.school.findVisible(ctx, leadId, em);
      const seenPartner = await ctx.services.school.findVisible(ctx, partnerId, em);
      const ends = {
        lead: runsLead && { districtId: runsLead.districtId, schoolId: runsLead.id },
        partner: seenPartner && { districtId: seenPartner.districtId, schoolId: seenPartner.id },
      };
      if (!decideOn(viewer, NEW_TRUSTEESHIP, 'trusteeship:create', ends)) {
        if (!runsLead) await requireVisibleSchool(ctx, em, input.leadSchoolId, 'input.leadSchoolId');
        assertOn(ctx, NEW_TRUSTEESHIP, 'trusteeship:create', ends);
      }
      const sameSchools = sameSchoolsProblem(leadId, partnerId);
      if (sameSchools) throw badInput([{ path: 'input.partnerSchoolId', ...sameSchools }]);
      if (input.plannedEndDate != null) {
        notBefore('input.plannedEndDate', input.plannedEndDate, input.startDate, 'the planned end', '计划结束日期');
      }
      // Lock the partner first: concurrent full trusteeships of one partner queue here,
      // and each sees the others' committed rows when it checks.
      const partner = await requireAnySchool(em, input.partnerSchoolId, 'input.partnerSchoolId', true);
      const lead = runsLead ?? (await requireAnySchool(em, input.leadSchoolId, 'input.leadSchoolId'));
      if (input.mode === TrusteeshipMode.FULL_TRUSTEESHIP) {
        await this.assertNoOverlappingFull(em, partner.id, partner.name, input.startDate, null, null);
      }
      const row = em.create(Trusteeship, {
        leadSchoolId: lead.id,
        partnerSchoolId: partner.id,
        leadDistrictId: lead.districtId,
        partnerDistrictId: partner.districtId,
        mode: input.mode,
        measures: [...new Set(input.measures ?? [])],
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate ?? null,
        actualEndDate: null,
        agreementRef: input.agreementRef ?? null,
        notes: input.notes ?? null,
        ...initialApproval(viewer, this.config, 'trusteeship:approve', {
          districtId: partner.districtId,
          schoolId: partner.id,
        }),
      });
      return this.persist(em, audit, row, null);
    });
  }

  /**
   * Approves or declines a pending trusteeship: the city bureau or the partner school's
   * district bureau only. The row is locked, so two decisions cannot both pass.
   */
  decide(
    ctx: Context,
    id: string,
    decision: RelationApproval.APPROVED | RelationApproval.DECLINED,
    comment: string | null | undefined,
  ): Promise<Trusteeship> {
    return inTransaction(ctx, async (em, audit) => {
      const visible = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, TRUSTEESHIP, 'trusteeship:approve', visible, em);
      const row = (await em
        .getRepository(Trusteeship)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id: visible.id })
        .getOne())!;
      const before = { ...row, measures: [...row.measures] };
      applyDecision(row, ctx.viewer!, this.config, decision, comment);
      // filed under the partner's district, whose decision it is (its audit log shows it)
      return this.persist(em, audit, row, before, { districtId: row.partnerDistrictId, schoolId: row.partnerSchoolId });
    });
  }

  /** A partner school has at most one full trusteeship on any day. */
  private async assertNoOverlappingFull(
    em: EntityManager,
    partnerId: string,
    partnerName: string,
    start: string,
    end: string | null,
    exceptId: string | null,
  ) {
    const qb = em
      .getRepository(Trusteeship)
      .createQueryBuilder('t')
      .where('t.partnerSchoolId = :partnerId AND t.mode = :mode', {
        partnerId,
        mode: TrusteeshipMode.FULL_TRUSTEESHIP,
      })
      // a declined proposal never held
      .andWhere('t.approval <> :declined', { declined: RelationApproval.DECLINED })
      .andWhere('(t.actualEndDate IS NULL OR t.actualEndDate >= :start)', { start });
    if (end !== null) qb.andWhere('t.startDate <= :end', { end });
    if (exceptId) qb.andWhere('t.id <> :exceptId', { exceptId });
    const existing = await qb.orderBy('t.startDate', 'ASC').getOne();
    if (existing) {
      const until = existing.actualEndDate ?? 'open-ended';
      throw conflict(
        `${partnerName} is already under full trusteeship from ${existing.startDate} (${until}); a school has at most one active full trusteeship`,
        `${partnerName}自 ${existing.startDate} 起已被全面托管（${existing.actualEndDate ?? '未结束'}），同一学校同时只能有一个全面托管`,
        [
          {
            path: 'input.partnerSchoolId',
            message: 'already has an overlapping full trusteeship',
            messageZh: '该校已有时间重叠的全面托管',
            constraint: 'oneFullTrusteeship',
          },
        ],
      );
    }
  }

  update(ctx: Context, id: string, input: UpdateTrusteeshipInput): Promise<Trusteeship> {
    rejectNulls(input, ['measures']);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, TRUSTEESHIP, 'trusteeship:update', row, em);
      if (input.plannedEndDate != null) {
        notBefore('input.plannedEndDate', input.plannedEndDate, row.startDate, 'the planned end', '计划结束日期');
      }
      const before = { ...row, measures: [...row.measures] };
      applyChanges(row, input, ['measures']);
      if (input.measures) row.measures = [...new Set(input.measures)];
      return this.persist(em, audit, row, before);
    });
  }

  /**
   * Ends a trusteeship on its last day. The row stays, as history: as-of queries before
   * that day still find it. Ending twice is refused (the end day is a fact on record).
   */
  end(ctx: Context, id: string, actualEndDate: string): Promise<Trusteeship> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, TRUSTEESHIP, 'trusteeship:update', row, em);
      if (row.actualEndDate !== null) {
        throw conflict(
          `This trusteeship already ended on ${row.actualEndDate}`,
          `该关系已于 ${row.actualEndDate} 结束`,
          [{ path: 'id', message: 'has already ended', messageZh: '已结束', constraint: 'alreadyEnded' }],
        );
      }
      notBefore('actualEndDate', actualEndDate, row.startDate, 'the end', '实际结束日期');
      const later = await em
        .getRepository(TrusteeshipActivity)
        .createQueryBuilder('a')
        .where('a.trusteeshipId = :id AND a.heldOn > :end', { id: row.id, end: actualEndDate })
        .orderBy('a.heldOn', 'DESC')
        .getOne();
      if (later) {
        throw badInput([
          {
            path: 'actualEndDate',
            message: `an activity was recorded on ${later.heldOn}, after this end date`,
            messageZh: `已有 ${later.heldOn} 的帮扶活动记录，结束日期不能早于它`,
            constraint: 'activitiesAfterEnd',
          },
        ]);
      }
      const before = { ...row };
      row.actualEndDate = actualEndDate;
      return this.persist(em, audit, row, before);
    });
  }
}

const ACTIVITY_SORT: SortSpec = { field: 'HELD_ON', property: 'heldOn', direction: OrderDirection.ASC };

export class TrusteeshipActivityService extends RecordService<TrusteeshipActivity> {
  readonly typeName = 'TrusteeshipActivity';
  protected readonly entity = TrusteeshipActivity;

  protected async auditScope(em: EntityManager, row: TrusteeshipActivity) {
    const t = await em.getRepository(Trusteeship).findOneBy({ id: row.trusteeshipId });
    return { districtId: t?.leadDistrictId ?? null, schoolId: t?.leadSchoolId ?? null };
  }

  /** An activity is visible with its trusteeship. */
  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<TrusteeshipActivity> {
    const qb = em.getRepository(TrusteeshipActivity).createQueryBuilder(alias);
    const scope = schoolScope(ctx.viewer);
    if (scope.all) return qb;
    qb.innerJoin(Trusteeship, `${alias}_t`, `${alias}_t.id = ${alias}.trusteeshipId`);
    return applyTrusteeshipScope(qb, scope, `${alias}_t`);
  }

  pageForTrusteeship(
    ctx: Context,
    trusteeshipId: string,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<TrusteeshipActivity>> {
    return ctx.loaders.pages.load<TrusteeshipActivity>(trusteeshipId, {
      key: `TrusteeshipActivity.trusteeshipId:${JSON.stringify(args)}`,
      query: () => this.scoped(ctx, 'a'),
      parentProperty: 'trusteeshipId',
      args,
      sort: ACTIVITY_SORT,
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  record(
    ctx: Context,
    trusteeshipGlobalId: string,
    input: RecordTrusteeshipActivityInput,
  ): Promise<TrusteeshipActivity> {
    return inTransaction(ctx, async (em, audit) => {
      const t = await ctx.services.trusteeship.requireVisible(ctx, trusteeshipGlobalId, 'trusteeshipId', em);
      await assertMay(ctx, TRUSTEESHIP, 'trusteeship:recordActivity', t, em);
      const day = this.config.clock.today();
      const problem =
        input.heldOn < t.startDate
          ? { message: `must not be before the start date ${t.startDate}`, zh: `不能早于开始日期 ${t.startDate}` }
          : t.actualEndDate !== null && input.heldOn > t.actualEndDate
            ? {
                message: `must not be after the end date ${t.actualEndDate}`,
                zh: `不能晚于结束日期 ${t.actualEndDate}`,
              }
            : input.heldOn > day
              ? { message: 'must not be in the future', zh: '不能晚于今天' }
              : null;
      if (problem) {
        throw badInput([
          {
            path: 'input.heldOn',
            message: problem.message,
            messageZh: `活动日期${problem.zh}`,
            constraint: 'dateRange',
          },
        ]);
      }
      const row = em.create(TrusteeshipActivity, { trusteeshipId: t.id, ...input });
      return this.persist(em, audit, row, null);
    });
  }
}
