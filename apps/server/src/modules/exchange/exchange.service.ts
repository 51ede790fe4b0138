import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { badInput, conflict } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { activeOnSql } from '../../common/dates.js';
import { isInScope, schoolScope } from '../../auth/policy.js';
import { assertMay, assertOn } from '../../auth/decisions/decide.js';
import { anyEndInScope, BOOKING, bookedAtOnce, EXCHANGE, exchangeEnds } from '../../auth/decisions/exchange.js';
import { School } from '../school/school.entity.js';
import { Teacher } from '../teacher/teacher.entity.js';
import { ExchangeConsent, TeacherExchange } from './exchange.entity.js';
import {
  ExchangeDirection,
  TEACHER_EXCHANGE_SORT_PROPERTIES,
  TeacherExchangeOrderField,
  type CreateTeacherExchangeInput,
  type TeacherExchangeFilter,
  type TeacherExchangeOrder,
  type UpdateTeacherExchangeInput,
} from './exchange.inputs.js';

/** `end` must not precede `start` (both `YYYY-MM-DD`, so string order is date order). */
export function assertPeriod(start: string, end: string | null | undefined, endPath: string): void {
  if (end != null && end < start) {
    throw badInput([
      {
        path: endPath,
        message: `must be on or after the start date ${start}`,
        messageZh: `结束日期不能早于开始日期 ${start}`,
        constraint: 'endAfterStart',
      },
    ]);
  }
}

/**
 * Teacher exchanges (交流轮岗、送教下乡、支教). The sending school is always the teacher's
 * own school, which the exchange never changes. An exchange is visible to whoever sees
 * either school, and may be written by whoever may act on either school.
 */
export class TeacherExchangeService extends RecordService<TeacherExchange> {
  readonly typeName = 'TeacherExchange';
  protected readonly entity = TeacherExchange;

  protected auditScope(_em: EntityManager, row: TeacherExchange) {
    return { districtId: row.fromDistrictId, schoolId: row.fromSchoolId };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<TeacherExchange> {
    const qb = em.getRepository(TeacherExchange).createQueryBuilder(alias);
    const { sql, params } = anyEndInScope(schoolScope(ctx.viewer), [
      [`${alias}.fromSchoolId`, `${alias}.fromDistrictId`],
      [`${alias}.toSchoolId`, `${alias}.toDistrictId`],
    ]);
    return sql === 'TRUE' ? qb : qb.andWhere(sql, params);
  }

  private filtered(ctx: Context, filter: TeacherExchangeFilter | undefined, activeOn?: string | null) {
    const qb = this.scoped(ctx, 'x');
    const day = activeOn ?? filter?.activeOn;
    if (day) qb.andWhere(activeOnSql('x.startDate', 'x.endDate', 'activeOn'), { activeOn: day });
    // Who is away on a day means who is booked: a proposal or a declined one is active on no
    // day unless the filter names its state. Without a day, every state is listed.
    const consent = filter?.consent ?? (day ? [ExchangeConsent.CONFIRMED] : null);
    if (consent) {
      qb.andWhere(consent.length ? 'x.consent IN (:...consent)' : 'FALSE', { consent });
    }
    if (filter?.teacherId) {
      qb.andWhere('x.teacherId = :teacherId', {
        teacherId: fromGlobalId(filter.teacherId, 'Teacher', 'filter.teacherId'),
      });
    }
    if (filter?.schoolId) {
      const schoolId = fromGlobalId(filter.schoolId, 'School', 'filter.schoolId');
      const direction = filter.direction ?? ExchangeDirection.ANY;
      qb.andWhere(
        direction === ExchangeDirection.IN
          ? 'x.toSchoolId = :schoolId'
          : direction === ExchangeDirection.OUT
            ? 'x.fromSchoolId = :schoolId'
            : '(x.fromSchoolId = :schoolId OR x.toSchoolId = :schoolId)',
        { schoolId },
      );
    }
    if (filter?.districtId) {
      qb.andWhere('(x.fromDistrictId = :districtId OR x.toDistrictId = :districtId)', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.kind) qb.andWhere('x.kind = :kind', { kind: filter.kind });
    return qb;
  }

  list(
    ctx: Context,
    filter: TeacherExchangeFilter | undefined,
    orderBy: TeacherExchangeOrder | undefined,
    args: ConnectionArgs,
  ) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, TEACHER_EXCHANGE_SORT_PROPERTIES, TeacherExchangeOrderField.START_DATE),
      ctx.config.maxPageSize,
    );
  }

  /** teacher.exchanges, school.exchangesIn (toSchoolId), school.exchangesOut (fromSchoolId), batched per request. */
  pageForParent(
    ctx: Context,
    parentProperty: 'teacherId' | 'fromSchoolId' | 'toSchoolId',
    parentId: string,
    activeOn: string | null | undefined,
    orderBy: TeacherExchangeOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<TeacherExchange>> {
    return ctx.loaders.pages.load<TeacherExchange>(parentId, {
      key: `TeacherExchange.${parentProperty}:${JSON.stringify([activeOn, orderBy, args])}`,
      query: () => this.filtered(ctx, undefined, activeOn),
      parentProperty,
      args,
      sort: sortSpec(orderBy, TEACHER_EXCHANGE_SORT_PROPERTIES, TeacherExchangeOrderField.START_DATE),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  /**
   * The no-overlap rule, checked before the database's exclusion constraint would refuse:
   * the caller has locked the teacher row, so two concurrent writes for one teacher queue.
   */
  private async assertNoOverlap(
    em: EntityManager,
    row: TeacherExchange,
    excludeId: string | null,
    paths = ['input.startDate', 'input.endDate'],
  ): Promise<void> {
    // Only confirmed exchanges book the teacher; a proposal is checked when it is confirmed.
    if (row.consent !== ExchangeConsent.CONFIRMED) return;
    const qb = em
      .getRepository(TeacherExchange)
      .createQueryBuilder('x')
      .where('x.teacherId = :teacherId', { teacherId: row.teacherId })
      .andWhere('x.consent = :confirmed', { confirmed: ExchangeConsent.CONFIRMED })
      .andWhere('(x.endDate IS NULL OR x.endDate >= :start)', { start: row.startDate });
    if (row.endDate) qb.andWhere('x.startDate <= :end', { end: row.endDate });
    if (excludeId) qb.andWhere('x.id <> :excludeId', { excludeId });
    const other = await qb.orderBy('x.startDate', 'ASC').getOne();
    if (other) {
      const period = `${other.startDate} – ${other.endDate ?? '…'}`;
      throw conflict(
        `The teacher is already on an exchange from ${period}; exchanges of one teacher cannot overlap`,
        `该教师在 ${period} 已有交流安排，同一教师的交流期间不能重叠`,
        paths.map((path) => ({
          path,
          message: `overlaps the exchange ${period}`,
          messageZh: '与已有交流期间重叠',
          constraint: 'noOverlap',
        })),
      );
    }
  }

  private async lockTeacher(em: EntityManager, teacherId: string): Promise<Teacher | null> {
    return em
      .getRepository(Teacher)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id: teacherId })
      .getOne();
  }

  create(ctx: Context, input: CreateTeacherExchangeInput): Promise<TeacherExchange> {
    assertPeriod(input.startDate, input.endDate, 'input.endDate');
    return inTransaction(ctx, async (em, audit) => {
      const teacherId = fromGlobalId(input.teacherId, 'Teacher', 'input.teacherId');
      const toSchoolId = fromGlobalId(input.toSchoolId, 'School', 'input.toSchoolId');
      const teacher = await this.lockTeacher(em, teacherId);
      const schools = em.getRepository(School);
      const from = teacher ? await schools.findOneBy({ id: teacher.schoolId }) : null;
      const to = await schools.findOneBy({ id: toSchoolId });
      const scope = schoolScope(ctx.viewer);
      // The teacher is reachable from either end: a receiving school may record who comes to it.
      const sees = (s: School | null) => s != null && isInScope(scope, s.id, s.districtId);
      if (!teacher || !from || !(sees(from) || sees(to))) {
        throw badInput([
          { path: 'input.teacherId', message: 'no such teacher', messageZh: '教师不存在', constraint: 'exists' },
        ]);
      }
      if (!to) {
        throw badInput([
          { path: 'input.toSchoolId', message: 'no such school', messageZh: '学校不存在', constraint: 'exists' },
        ]);
      }
      if (input.fromSchoolId != null && fromGlobalId(input.fromSchoolId, 'School', 'input.fromSchoolId') !== from.id) {
        throw badInput([
          {
            path: 'input.fromSchoolId',
            message: "must be the teacher's own school; an exchange never moves a teacher",
            messageZh: '派出学校须为教师所在学校（交流不改变人事关系）',
            constraint: 'homeSchool',
          },
        ]);
      }
      if (to.id === from.id) {
        throw badInput([
          {
            path: 'input.toSchoolId',
            message: "must differ from the teacher's own school",
            messageZh: '接收学校不能是教师所在学校',
            constraint: 'differentSchool',
          },
        ]);
      }
      const ends = exchangeEnds({
        fromSchoolId: from.id,
        fromDistrictId: from.districtId,
        toSchoolId: to.id,
        toDistrictId: to.districtId,
      });
      assertOn(ctx, BOOKING, 'exchange:create', ends);
      // Asked for by someone without authority over the teacher's own school, the exchange
      // is only a proposal until that school's authority agrees; it books nothing meanwhile.
      const consent = bookedAtOnce(ctx.viewer, ends) ? ExchangeConsent.CONFIRMED : ExchangeConsent.PROPOSED;
      const row = em.create(TeacherExchange, {
        consent,
        teacherId: teacher.id,
        fromSchoolId: from.id,
        toSchoolId: to.id,
        fromDistrictId: from.districtId,
        toDistrictId: to.districtId,
        kind: input.kind,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      });
      await this.assertNoOverlap(em, row, null);
      return this.persist(em, audit, row, null);
    });
  }

  /** The exchange, visible and with `action` allowed by its decision (auth/decisions/exchange.ts), else the refusal. */
  private async requireWritable(ctx: Context, em: EntityManager, id: string, action: ExchangeAction) {
    const row = await this.requireVisible(ctx, id, 'id', em);
    await assertMay(ctx, EXCHANGE, action, row, em);
    return row;
  }

  private async changeDates(
    ctx: Context,
    id: string,
    action: ExchangeAction,
    change: (row: TeacherExchange) => void,
  ): Promise<TeacherExchange> {
    return inTransaction(ctx, async (em, audit) => {
      const found = await this.requireWritable(ctx, em, id, action);
      await this.lockTeacher(em, found.teacherId);
      // Re-read under the lock: a concurrent change may have landed meanwhile.
      const row = await this.requireWritable(ctx, em, id, action);
      const before = { ...row };
      change(row);
      await this.assertNoOverlap(em, row, row.id);
      return this.persist(em, audit, row, before);
    });
  }

  update(ctx: Context, id: string, input: UpdateTeacherExchangeInput): Promise<TeacherExchange> {
    rejectNulls(input, ['kind', 'startDate']);
    return this.changeDates(ctx, id, 'exchange:update', (row) => {
      if (input.kind !== undefined) row.kind = input.kind;
      if (input.startDate !== undefined) row.startDate = input.startDate;
      if (input.endDate !== undefined) row.endDate = input.endDate;
      assertPeriod(row.startDate, row.endDate, input.endDate !== undefined ? 'input.endDate' : 'input.startDate');
    });
  }

  /** Ends an open exchange on `endDate`, its last day. Ending an ended one is a CONFLICT (use update to correct). */
  end(ctx: Context, id: string, endDate: string): Promise<TeacherExchange> {
    return this.changeDates(ctx, id, 'exchange:end', (row) => {
      if (row.endDate != null) {
        throw conflict(`The exchange already ended on ${row.endDate}`, `该交流已于 ${row.endDate} 结束`, [
          { path: 'endDate', message: 'already ended', messageZh: '已结束', constraint: 'open' },
        ]);
      }
      assertPeriod(row.startDate, endDate, 'endDate');
      row.endDate = endDate;
    });
  }

  delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireWritable(ctx, em, id, 'exchange:delete');
      await this.remove(em, audit, row);
      return id;
    });
  }

  /**
   * The home school's answer to a proposal: confirmed, it books the teacher (refused as a
   * CONFLICT when it now overlaps another confirmed exchange of theirs); declined, it never
   * will. Either way the decider and the time are kept, and audited.
   */
  decide(ctx: Context, id: string, consent: ExchangeConsent, comment: string | null): Promise<TeacherExchange> {
    const action: ExchangeAction = consent === ExchangeConsent.CONFIRMED ? 'exchange:confirm' : 'exchange:decline';
    return inTransaction(ctx, async (em, audit) => {
      const found = await this.requireWritable(ctx, em, id, action);
      await this.lockTeacher(em, found.teacherId);
      const row = await this.requireWritable(ctx, em, id, action);
      const before = { ...row };
      row.consent = consent;
      row.decidedById = ctx.viewer!.userId;
      row.decidedAt = ctx.config.clock.now();
      row.decisionComment = comment;
      await this.assertNoOverlap(em, row, row.id, ['id']);
      return this.persist(em, audit, row, before);
    });
  }
}

/** The actions on a booked exchange (its EXCHANGE decisions). */
type ExchangeAction = 'exchange:update' | 'exchange:end' | 'exchange:delete' | 'exchange:confirm' | 'exchange:decline';
