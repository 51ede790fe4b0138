import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { badInput, conflict } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, likePattern, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { applySchoolScope, schoolScope } from '../../auth/policy.js';
import { assertMay } from '../../auth/decisions/decide.js';
import { SCHOOL, TOWN } from '../../auth/decisions/organisation.js';
import { Town } from '../town/town.entity.js';
import { Teacher } from '../teacher/teacher.entity.js';
import { School } from './school.entity.js';
import {
  SCHOOL_SORT_PROPERTIES,
  SchoolOrderField,
  type CreateSchoolInput,
  type SchoolFilter,
  type SchoolOrder,
  type UpdateSchoolInput,
} from './school.inputs.js';

export class SchoolService extends RecordService<School> {
  readonly typeName = 'School';
  protected readonly entity = School;

  protected auditScope(_em: EntityManager, row: School) {
    return { districtId: row.districtId, schoolId: row.id };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<School> {
    const qb = em.getRepository(School).createQueryBuilder(alias);
    return applySchoolScope(qb, schoolScope(ctx.viewer), `${alias}.id`, `${alias}.districtId`);
  }

  /** Filters shared by schools and by teachers (who are filtered by their school's attributes). */
  static applyFilter<Q extends SelectQueryBuilder<object>>(qb: Q, alias: string, filter: SchoolFilter | undefined): Q {
    if (filter?.districtId) {
      qb.andWhere(`${alias}.districtId = :districtId`, {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.townId) {
      qb.andWhere(`${alias}.townId = :townId`, { townId: fromGlobalId(filter.townId, 'Town', 'filter.townId') });
    }
    if (filter?.stage) qb.andWhere(`${alias}.stage = :stage`, { stage: filter.stage });
    if (filter?.locality) qb.andWhere(`${alias}.locality = :locality`, { locality: filter.locality });
    if (filter?.isTownSeat != null) qb.andWhere(`${alias}.isTownSeat = :isTownSeat`, { isTownSeat: filter.isTownSeat });
    return qb;
  }

  /** Schools the viewer sees, narrowed by `filter`: the base of lists, pages and aggregates. */
  filtered(ctx: Context, filter: SchoolFilter | undefined): SelectQueryBuilder<School> {
    const qb = SchoolService.applyFilter(this.scoped(ctx, 's'), 's', filter);
    if (filter?.search) {
      qb.andWhere('(s.name ILIKE :search OR s.code LIKE :prefix)', {
        search: likePattern(filter.search),
        prefix: `${filter.search.trim()}%`,
      });
    }
    return qb;
  }

  list(ctx: Context, filter: SchoolFilter | undefined, orderBy: SchoolOrder | undefined, args: ConnectionArgs) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, SCHOOL_SORT_PROPERTIES, SchoolOrderField.NAME),
      ctx.config.maxPageSize,
    );
  }

  pageForParent(
    ctx: Context,
    parentProperty: 'townId' | 'districtId',
    parentId: string,
    filter: SchoolFilter | undefined,
    orderBy: SchoolOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<School>> {
    return ctx.loaders.pages.load<School>(parentId, {
      key: `School.${parentProperty}:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty,
      args,
      sort: sortSpec(orderBy, SCHOOL_SORT_PROPERTIES, SchoolOrderField.NAME),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  private async requireTown(em: EntityManager, globalId: string): Promise<Town> {
    const town = await em.getRepository(Town).findOneBy({ id: fromGlobalId(globalId, 'Town', 'input.townId') });
    if (!town)
      throw badInput([
        { path: 'input.townId', message: 'no such town', messageZh: '乡镇不存在', constraint: 'exists' },
      ]);
    return town;
  }

  /** A school cannot be founded after this year; the year is the programme clock's, not the one the process started in. */
  private checkFoundedYear(foundedYear: number | null | undefined) {
    const year = Number(this.config.clock.today().slice(0, 4));
    if (foundedYear != null && foundedYear > year) {
      throw badInput([
        {
          path: 'input.foundedYear',
          message: `must not be after ${year}`,
          messageZh: `建校年份不能晚于 ${year} 年`,
          constraint: 'max',
        },
      ]);
    }
  }

  create(ctx: Context, input: CreateSchoolInput): Promise<School> {
    this.checkFoundedYear(input.foundedYear);
    return inTransaction(ctx, async (em, audit) => {
      const town = await this.requireTown(em, input.townId);
      await assertMay(ctx, TOWN, 'school:create', town, em);
      const row = em.create(School, { ...input, townId: town.id, districtId: town.districtId, principalId: null });
      return this.persist(em, audit, row, null);
    });
  }

  update(ctx: Context, id: string, input: UpdateSchoolInput): Promise<School> {
    rejectNulls(input, [
      'code',
      'name',
      'stage',
      'locality',
      'isTownSeat',
      'townId',
      'studentCount',
      'classCount',
      'isBoarding',
      'providesLunch',
      'runsSchoolBus',
    ]);
    this.checkFoundedYear(input.foundedYear);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, SCHOOL, 'school:update', row, em);
      const before = { ...row };
      if (input.townId !== undefined) {
        const town = await this.requireTown(em, input.townId);
        // Moving across districts would move the school out of its district bureau's
        // hands; that is a transfer between bureaus, not an edit.
        if (town.districtId !== row.districtId) {
          throw badInput([
            {
              path: 'input.townId',
              message: 'must be a town of the same district',
              messageZh: '只能迁往同一区县的乡镇',
              constraint: 'sameDistrict',
            },
          ]);
        }
        row.townId = town.id;
      }
      if (input.principalId !== undefined) {
        row.principalId = input.principalId === null ? null : await this.requireOwnTeacher(em, row, input.principalId);
      }
      applyChanges(row, input, ['townId', 'principalId']);
      return this.persist(em, audit, row, before);
    });
  }

  private async requireOwnTeacher(em: EntityManager, school: School, globalId: string): Promise<string> {
    const teacherId = fromGlobalId(globalId, 'Teacher', 'input.principalId');
    const teacher = await em.getRepository(Teacher).findOneBy({ id: teacherId, schoolId: school.id });
    if (!teacher) {
      throw badInput([
        {
          path: 'input.principalId',
          message: 'must be a teacher of this school',
          messageZh: '校长须为本校教师',
          constraint: 'ownTeacher',
        },
      ]);
    }
    return teacher.id;
  }

  /** Refuses while teachers remain: deleting a school must never take its teachers with it. */
  delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, SCHOOL, 'school:delete', row, em);
      const teachers = await em.getRepository(Teacher).countBy({ schoolId: row.id });
      if (teachers > 0) {
        throw conflict(
          `School ${row.name} still has ${teachers} teachers; transfer or remove them first`,
          `${row.name}还有 ${teachers} 名教师，请先调出或删除`,
        );
      }
      await this.remove(em, audit, row);
      return id;
    });
  }
}
