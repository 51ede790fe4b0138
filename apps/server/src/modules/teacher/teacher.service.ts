import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { badInput } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, likePattern, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { applySchoolScope, schoolScope } from '../../auth/policy.js';
import { assertMay, decideOn } from '../../auth/decisions/decide.js';
import { SCHOOL, schoolPlace, TEACHER } from '../../auth/decisions/organisation.js';
import { School } from '../school/school.entity.js';
import { SchoolService } from '../school/school.service.js';
import { Teacher } from './teacher.entity.js';
import { maskIdNumber, maskPhone } from './id-number.js';
import {
  TEACHER_SORT_PROPERTIES,
  TeacherOrderField,
  type CreateTeacherInput,
  type TeacherFilter,
  type TeacherOrder,
  type UpdateTeacherInput,
} from './teacher.inputs.js';

const SCHOOL_FILTER_KEYS = ['districtId', 'townId', 'stage', 'locality', 'isTownSeat'] as const;

export class TeacherService extends RecordService<Teacher> {
  readonly typeName = 'Teacher';
  protected readonly entity = Teacher;

  protected async auditScope(em: EntityManager, row: Teacher) {
    const school = await em.getRepository(School).findOneBy({ id: row.schoolId });
    return { districtId: school?.districtId ?? null, schoolId: row.schoolId };
  }

  /** Teachers are visible exactly when their school is. */
  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<Teacher> {
    const qb = em.getRepository(Teacher).createQueryBuilder(alias);
    const scope = schoolScope(ctx.viewer);
    if (scope.all) return qb;
    qb.innerJoin(School, `${alias}_school`, `${alias}_school.id = ${alias}.schoolId`);
    return applySchoolScope(qb, scope, `${alias}_school.id`, `${alias}_school.districtId`);
  }

  /** Teachers the viewer sees, narrowed by `filter`: the base of lists, pages and aggregates. */
  filtered(ctx: Context, filter: TeacherFilter | undefined): SelectQueryBuilder<Teacher> {
    const qb = this.scoped(ctx, 't');
    if (filter && SCHOOL_FILTER_KEYS.some((k) => filter[k] != null)) {
      if (!qb.expressionMap.joinAttributes.length) qb.innerJoin(School, 't_school', 't_school.id = t.schoolId');
      SchoolService.applyFilter(qb, 't_school', filter);
    }
    if (filter?.schoolId)
      qb.andWhere('t.schoolId = :schoolId', { schoolId: fromGlobalId(filter.schoolId, 'School', 'filter.schoolId') });
    if (filter?.degree) qb.andWhere('t.degree = :degree', { degree: filter.degree });
    if (filter?.title) qb.andWhere('t.title = :title', { title: filter.title });
    if (filter?.backboneLevel) qb.andWhere('t.backboneLevel = :backboneLevel', { backboneLevel: filter.backboneLevel });
    if (filter?.isFullTime != null) qb.andWhere('t.isFullTime = :isFullTime', { isFullTime: filter.isFullTime });
    if (filter?.search) {
      qb.andWhere('(t.name ILIKE :search OR t.staffNumber = :exact)', {
        search: likePattern(filter.search),
        exact: filter.search.trim(),
      });
    }
    return qb;
  }

  list(ctx: Context, filter: TeacherFilter | undefined, orderBy: TeacherOrder | undefined, args: ConnectionArgs) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, TEACHER_SORT_PROPERTIES, TeacherOrderField.NAME),
      ctx.config.maxPageSize,
    );
  }

  pageForSchool(
    ctx: Context,
    schoolId: string,
    filter: TeacherFilter | undefined,
    orderBy: TeacherOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<Teacher>> {
    return ctx.loaders.pages.load<Teacher>(schoolId, {
      key: `Teacher.schoolId:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty: 'schoolId',
      args,
      sort: sortSpec(orderBy, TEACHER_SORT_PROPERTIES, TeacherOrderField.NAME),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  /**
   * Personal fields as this viewer may see them: in full for roles that manage the
   * teacher's school, masked (ID number, phone) or withheld (birth date) for everyone else.
   */
  async personal(ctx: Context, teacher: Teacher) {
    const school = await ctx.loaders.school.load(teacher.schoolId);
    const full = school != null && decideOn(ctx.viewer, TEACHER, 'teacher:readPersonal', schoolPlace(school));
    return full
      ? { idNumber: teacher.idNumber, phone: teacher.phone, birthDate: teacher.birthDate }
      : {
          idNumber: teacher.idNumber ? maskIdNumber(teacher.idNumber) : null,
          phone: teacher.phone ? maskPhone(teacher.phone) : null,
          birthDate: null,
        };
  }

  private async requireSchool(ctx: Context, em: EntityManager, globalId: string, path: string): Promise<School> {
    const id = fromGlobalId(globalId, 'School', path);
    const school = await ctx.services.school.findVisible(ctx, id, em);
    if (!school) throw badInput([{ path, message: 'no such school', messageZh: '学校不存在', constraint: 'exists' }]);
    return school;
  }

  create(ctx: Context, input: CreateTeacherInput): Promise<Teacher> {
    return inTransaction(ctx, async (em, audit) => {
      const school = await this.requireSchool(ctx, em, input.schoolId, 'input.schoolId');
      await assertMay(ctx, SCHOOL, 'teacher:create', school, em);
      return this.persist(em, audit, em.create(Teacher, { ...input, schoolId: school.id }), null);
    });
  }

  update(ctx: Context, id: string, input: UpdateTeacherInput): Promise<Teacher> {
    rejectNulls(input, [
      'staffNumber',
      'name',
      'gender',
      'isFullTime',
      'degree',
      'title',
      'backboneLevel',
      'isRenowned',
    ]);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, TEACHER, 'teacher:update', row, em);
      const before = { ...row };
      return this.persist(em, audit, applyChanges(row, input), before);
    });
  }

  delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, TEACHER, 'teacher:delete', row, em);
      await this.remove(em, audit, row);
      return id;
    });
  }
}
