import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { badInput, conflict, forbidden } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, likePattern, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { activeOnSql } from '../../common/dates.js';
import { schoolScope, type SchoolScope } from '../../auth/policy.js';
import { assertMay, assertMayCityWide, decideOn, may } from '../../auth/decisions/decide.js';
import { USER } from '../../auth/decisions/user.js';
import { DISTRICT, SCHOOL, schoolPlace } from '../../auth/decisions/organisation.js';
import {
  ASSIGNMENT,
  NEW_SESSION,
  refusedSchools,
  RESEARCHER,
  SESSION,
  type SessionFacts,
} from '../../auth/decisions/research.js';
import { Role } from '../../auth/viewer.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { RoleGrant } from '../user/user.entity.js';
import { assertPeriod } from '../exchange/exchange.service.js';
import {
  JointResearchSession,
  JointResearchSessionSchool,
  Researcher,
  ResearcherAssignment,
  ResearcherLevel,
} from './research.entity.js';
import {
  ASSIGNMENT_SORT_PROPERTIES,
  JointResearchSessionOrderField,
  ResearcherAssignmentOrderField,
  ResearcherOrderField,
  RESEARCHER_SORT_PROPERTIES,
  SESSION_SORT_PROPERTIES,
  type AssignResearcherInput,
  type CreateResearcherInput,
  type JointResearchSessionFilter,
  type JointResearchSessionOrder,
  type RecordJointResearchSessionInput,
  type ResearcherAssignmentOrder,
  type ResearcherFilter,
  type ResearcherOrder,
  type UpdateJointResearchSessionInput,
  type UpdateResearcherInput,
} from './research.inputs.js';
import { sessionsBySchool } from './research.loaders.js';

/** `col IN (:...scopeDistrictIds)` / `col IN (:...scopeSchoolIds)` parts for a non-city scope. */
function scopeParts(scope: SchoolScope & { all: false }, schoolSql: string, districtSql: string): string[] {
  const parts: string[] = [];
  if (scope.districtIds.length) parts.push(`${districtSql} IN (:...scopeDistrictIds)`);
  if (scope.schoolIds.length) parts.push(`${schoolSql} IN (:...scopeSchoolIds)`);
  return parts;
}

function scopeParams(scope: SchoolScope & { all: false }, ctx: Context) {
  return {
    scopeDistrictIds: scope.districtIds,
    scopeSchoolIds: scope.schoolIds,
    viewerUserId: ctx.viewer?.userId ?? null,
  };
}

/** A researcher's own record, for "a researcher always sees their own". */
const OWN_RESEARCHER = (researcherIdSql: string) =>
  `${researcherIdSql} IN (SELECT own.id FROM researcher own WHERE own.user_id = :viewerUserId)`;

const noSuch = (path: string, what: string, zh: string) =>
  badInput([{ path, message: `no such ${what}`, messageZh: `${zh}不存在`, constraint: 'exists' }]);

/**
 * 教研员. Readable within scope: city-wide roles all; otherwise the researchers of the
 * viewer's districts, those ever assigned to a school in the viewer's scope, and the
 * viewer's own researcher record. Managed (`researcher:manage`) by the city for any
 * researcher and by a district bureau for its district's DISTRICT-level researchers.
 */
export class ResearcherService extends RecordService<Researcher> {
  readonly typeName = 'Researcher';
  protected readonly entity = Researcher;

  protected auditScope(_em: EntityManager, row: Researcher) {
    return { districtId: row.districtId, schoolId: null };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<Researcher> {
    const qb = em.getRepository(Researcher).createQueryBuilder(alias);
    const scope = schoolScope(ctx.viewer);
    if (scope.all) return qb;
    const parts = [OWN_RESEARCHER(`${alias}.id`)];
    if (scope.districtIds.length) parts.push(`${alias}.districtId IN (:...scopeDistrictIds)`);
    const assigned = scopeParts(scope, 'sa.school_id', 'sa.district_id');
    if (assigned.length) {
      parts.push(
        `EXISTS (SELECT 1 FROM researcher_assignment sa WHERE sa.researcher_id = ${alias}.id AND (${assigned.join(' OR ')}))`,
      );
    }
    return qb.andWhere(`(${parts.join(' OR ')})`, scopeParams(scope, ctx));
  }

  private filtered(ctx: Context, filter: ResearcherFilter | undefined) {
    const qb = this.scoped(ctx, 'r');
    if (filter?.activeOn || filter?.schoolId) {
      const conds = ['fa.researcher_id = r.id'];
      const params: Record<string, string> = {};
      if (filter.activeOn) {
        conds.push(activeOnSql('fa.start_date', 'fa.end_date', 'filterActiveOn'));
        params.filterActiveOn = filter.activeOn;
      }
      if (filter.schoolId) {
        conds.push('fa.school_id = :filterSchoolId');
        params.filterSchoolId = fromGlobalId(filter.schoolId, 'School', 'filter.schoolId');
      }
      qb.andWhere(`EXISTS (SELECT 1 FROM researcher_assignment fa WHERE ${conds.join(' AND ')})`, params);
    }
    if (filter?.districtId) {
      qb.andWhere('r.districtId = :districtId', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.level) qb.andWhere('r.level = :level', { level: filter.level });
    if (filter?.subject) qb.andWhere('r.subject = :subject', { subject: filter.subject });
    if (filter?.search) qb.andWhere('r.name ILIKE :search', { search: likePattern(filter.search) });
    return qb;
  }

  list(ctx: Context, filter: ResearcherFilter | undefined, orderBy: ResearcherOrder | undefined, args: ConnectionArgs) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, RESEARCHER_SORT_PROPERTIES, ResearcherOrderField.NAME),
      ctx.config.maxPageSize,
    );
  }

  /**
   * The programme rule "every researcher is attached to at least one town-seat school"
   * (包挂镇驻地学校): the visible researchers with no assignment active on `activeOn` to a
   * town-seat school. All of a researcher's assignments count, seen or not, so the verdict
   * is the same for every viewer.
   */
  withoutTownSeatSchool(
    ctx: Context,
    activeOn: string | undefined,
    filter: ResearcherFilter | undefined,
    orderBy: ResearcherOrder | undefined,
    args: ConnectionArgs,
  ) {
    const qb = this.filtered(ctx, filter).andWhere(
      `NOT EXISTS (SELECT 1 FROM researcher_assignment ta JOIN school ts ON ts.id = ta.school_id
        WHERE ta.researcher_id = r.id AND ts.is_town_seat AND ${activeOnSql('ta.start_date', 'ta.end_date', 'ruleDay')})`,
      { ruleDay: activeOn ?? this.config.clock.today() },
    );
    return paginate(
      qb,
      args,
      sortSpec(orderBy, RESEARCHER_SORT_PROPERTIES, ResearcherOrderField.NAME),
      ctx.config.maxPageSize,
    );
  }

  private async requireDistrict(em: EntityManager, globalId: string): Promise<District> {
    const district = await em
      .getRepository(District)
      .findOneBy({ id: fromGlobalId(globalId, 'District', 'input.districtId') });
    if (!district) throw noSuch('input.districtId', 'district', '区县');
    return district;
  }

  create(ctx: Context, input: CreateResearcherInput): Promise<Researcher> {
    if (input.level === ResearcherLevel.DISTRICT && input.districtId == null) {
      throw badInput([
        {
          path: 'input.districtId',
          message: 'is required for a district researcher',
          messageZh: '区县教研员须指定所属区县',
          constraint: 'required',
        },
      ]);
    }
    if (input.level === ResearcherLevel.CITY && input.districtId != null) {
      throw badInput([
        {
          path: 'input.districtId',
          message: 'must be empty for a city researcher',
          messageZh: '市级教研员不属于任何区县',
          constraint: 'cityHasNoDistrict',
        },
      ]);
    }
    return inTransaction(ctx, async (em, audit) => {
      const district = input.districtId ? await this.requireDistrict(em, input.districtId) : null;
      if (district) await assertMay(ctx, DISTRICT, 'researcher:manage', district, em);
      else assertMayCityWide(ctx, 'researcher:manage');
      const row = em.create(Researcher, {
        name: input.name,
        level: input.level,
        subject: input.subject,
        districtId: district?.id ?? null,
        userId: null,
      });
      return this.persist(em, audit, row, null);
    });
  }

  update(ctx: Context, id: string, input: UpdateResearcherInput): Promise<Researcher> {
    rejectNulls(input, ['name', 'subject']);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, RESEARCHER, 'researcher:manage', row, em);
      const before = { ...row };
      return this.persist(em, audit, applyChanges(row, input), before);
    });
  }

  /**
   * Links the account a researcher signs in with (their RESEARCHER scope then follows their
   * active assignments), or unlinks it with null. The user must be one the viewer manages
   * and must hold a RESEARCHER grant; one account serves one researcher.
   */
  linkUser(ctx: Context, id: string, userGlobalId: string | null | undefined): Promise<Researcher> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, RESEARCHER, 'researcher:manage', row, em);
      const before = { ...row };
      if (userGlobalId == null) {
        row.userId = null;
      } else {
        const userId = fromGlobalId(userGlobalId, 'User', 'userId');
        const user = await ctx.services.users.scoped(ctx, em).andWhere('u.id = :id', { id: userId }).getOne();
        // An account the viewer may not manage is as unknown here as one it cannot see.
        if (!user || !(await may(ctx, USER, 'user:manage', user, em))) throw noSuch('userId', 'user', '用户');
        const isResearcher = await em.getRepository(RoleGrant).existsBy({ userId, role: Role.RESEARCHER });
        if (!isResearcher) {
          throw badInput([
            {
              path: 'userId',
              message: 'must hold a RESEARCHER grant',
              messageZh: '该用户须持有教研员（RESEARCHER）授权',
              constraint: 'researcherGrant',
            },
          ]);
        }
        const taken = await em.getRepository(Researcher).findOneBy({ userId });
        if (taken && taken.id !== row.id) {
          throw conflict(
            `User ${user.username} is already linked to researcher ${taken.name}`,
            `该用户已关联教研员${taken.name}`,
            [{ path: 'userId', message: 'is already linked', messageZh: '已被关联', constraint: 'unique' }],
          );
        }
        row.userId = user.id;
      }
      return this.persist(em, audit, row, before);
    });
  }
}

/**
 * 包挂. Visible when its school is in the viewer's scope, or it is the viewer's own.
 * Managed (`assignment:manage`) by whoever may manage assignments at the school.
 */
export class ResearcherAssignmentService extends RecordService<ResearcherAssignment> {
  readonly typeName = 'ResearcherAssignment';
  protected readonly entity = ResearcherAssignment;

  protected auditScope(_em: EntityManager, row: ResearcherAssignment) {
    return { districtId: row.districtId, schoolId: row.schoolId };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<ResearcherAssignment> {
    const qb = em.getRepository(ResearcherAssignment).createQueryBuilder(alias);
    const scope = schoolScope(ctx.viewer);
    if (scope.all) return qb;
    const parts = [
      ...scopeParts(scope, `${alias}.schoolId`, `${alias}.districtId`),
      OWN_RESEARCHER(`${alias}.researcherId`),
    ];
    return qb.andWhere(`(${parts.join(' OR ')})`, scopeParams(scope, ctx));
  }

  pageForParent(
    ctx: Context,
    parentProperty: 'researcherId' | 'schoolId',
    parentId: string,
    activeOn: string | null | undefined,
    orderBy: ResearcherAssignmentOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<ResearcherAssignment>> {
    return ctx.loaders.pages.load<ResearcherAssignment>(parentId, {
      key: `ResearcherAssignment.${parentProperty}:${JSON.stringify([activeOn, orderBy, args])}`,
      query: () => {
        const qb = this.scoped(ctx, 'a');
        if (activeOn) qb.andWhere(activeOnSql('a.startDate', 'a.endDate', 'activeOn'), { activeOn });
        return qb;
      },
      parentProperty,
      args,
      sort: sortSpec(orderBy, ASSIGNMENT_SORT_PROPERTIES, ResearcherAssignmentOrderField.START_DATE),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  assign(ctx: Context, researcherGlobalId: string, input: AssignResearcherInput): Promise<ResearcherAssignment> {
    assertPeriod(input.startDate, input.endDate, 'input.endDate');
    return inTransaction(ctx, async (em, audit) => {
      const found = await ctx.services.researcher.requireVisible(ctx, researcherGlobalId, 'researcherId', em);
      const schoolId = fromGlobalId(input.schoolId, 'School', 'input.schoolId');
      const school = await ctx.services.school.findVisible(ctx, schoolId, em);
      if (!school) throw noSuch('input.schoolId', 'school', '学校');
      await assertMay(ctx, SCHOOL, 'assignment:manage', school, em);
      // Lock the researcher so concurrent assignments of one researcher queue for the overlap check.
      const researcher = (await em
        .getRepository(Researcher)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: found.id })
        .getOne())!;
      if (researcher.level === ResearcherLevel.DISTRICT && researcher.districtId !== school.districtId) {
        throw badInput([
          {
            path: 'input.schoolId',
            message: 'a district researcher is attached only to schools of their own district',
            messageZh: '区县教研员只能包挂本区县的学校',
            constraint: 'researcherDistrict',
          },
        ]);
      }
      const overlapping = await em
        .getRepository(ResearcherAssignment)
        .createQueryBuilder('a')
        .where('a.researcherId = :rid AND a.schoolId = :sid', { rid: researcher.id, sid: school.id })
        .andWhere('(a.endDate IS NULL OR a.endDate >= :start)', { start: input.startDate })
        .andWhere(input.endDate ? 'a.startDate <= :end' : 'TRUE', { end: input.endDate })
        .getOne();
      if (overlapping) {
        const period = `${overlapping.startDate} – ${overlapping.endDate ?? '…'}`;
        throw conflict(
          `The researcher is already attached to this school for ${period}`,
          `该教研员在 ${period} 已包挂该校，期间不能重叠`,
          [
            {
              path: 'input.startDate',
              message: `overlaps the assignment ${period}`,
              messageZh: '与已有包挂期间重叠',
              constraint: 'noOverlap',
            },
          ],
        );
      }
      const row = em.create(ResearcherAssignment, {
        researcherId: researcher.id,
        schoolId: school.id,
        districtId: school.districtId,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      });
      return this.persist(em, audit, row, null);
    });
  }

  end(ctx: Context, id: string, endDate: string): Promise<ResearcherAssignment> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, ASSIGNMENT, 'assignment:manage', row, em);
      if (row.endDate != null) {
        throw conflict(`The assignment already ended on ${row.endDate}`, `该包挂已于 ${row.endDate} 结束`, [
          { path: 'endDate', message: 'already ended', messageZh: '已结束', constraint: 'open' },
        ]);
      }
      assertPeriod(row.startDate, endDate, 'endDate');
      const before = { ...row };
      row.endDate = endDate;
      return this.persist(em, audit, row, before);
    });
  }
}

/**
 * 联合教研. Visible when any of its schools is in the viewer's scope (or it is the viewer's
 * own as a researcher). Recording, changing or deleting one needs `session:record` at
 * EVERY school of the session, before and after the change.
 */
export class JointResearchSessionService extends RecordService<JointResearchSession> {
  readonly typeName = 'JointResearchSession';
  protected readonly entity = JointResearchSession;

  protected async auditScope(em: EntityManager, row: JointResearchSession) {
    const first = await em.getRepository(JointResearchSessionSchool).findOne({
      where: { sessionId: row.id },
      order: { schoolId: 'ASC' },
    });
    return { districtId: first?.districtId ?? null, schoolId: first?.schoolId ?? null };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<JointResearchSession> {
    const qb = em.getRepository(JointResearchSession).createQueryBuilder(alias);
    const scope = schoolScope(ctx.viewer);
    if (scope.all) return qb;
    const parts = [OWN_RESEARCHER(`${alias}.researcherId`)];
    const schools = scopeParts(scope, 'vs.school_id', 'vs.district_id');
    if (schools.length) {
      parts.push(
        `EXISTS (SELECT 1 FROM joint_research_session_school vs WHERE vs.session_id = ${alias}.id AND (${schools.join(' OR ')}))`,
      );
    }
    return qb.andWhere(`(${parts.join(' OR ')})`, scopeParams(scope, ctx));
  }

  private filtered(ctx: Context, filter: JointResearchSessionFilter | undefined) {
    const qb = this.scoped(ctx, 's');
    if (filter?.heldFrom) qb.andWhere('s.heldOn >= :heldFrom', { heldFrom: filter.heldFrom });
    if (filter?.heldTo) qb.andWhere('s.heldOn <= :heldTo', { heldTo: filter.heldTo });
    if (filter?.researcherId) {
      qb.andWhere('s.researcherId = :researcherId', {
        researcherId: fromGlobalId(filter.researcherId, 'Researcher', 'filter.researcherId'),
      });
    }
    if (filter?.schoolId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM joint_research_session_school fs WHERE fs.session_id = s.id AND fs.school_id = :fSchool)',
        {
          fSchool: fromGlobalId(filter.schoolId, 'School', 'filter.schoolId'),
        },
      );
    }
    if (filter?.districtId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM joint_research_session_school fd WHERE fd.session_id = s.id AND fd.district_id = :fDistrict)',
        { fDistrict: fromGlobalId(filter.districtId, 'District', 'filter.districtId') },
      );
    }
    if (filter?.subject) qb.andWhere('s.subject = :subject', { subject: filter.subject });
    if (filter?.search) qb.andWhere('s.topic ILIKE :search', { search: likePattern(filter.search) });
    return qb;
  }

  list(
    ctx: Context,
    filter: JointResearchSessionFilter | undefined,
    orderBy: JointResearchSessionOrder | undefined,
    args: ConnectionArgs,
  ) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, SESSION_SORT_PROPERTIES, JointResearchSessionOrderField.HELD_ON),
      ctx.config.maxPageSize,
    );
  }

  pageForResearcher(
    ctx: Context,
    researcherId: string,
    filter: JointResearchSessionFilter | undefined,
    orderBy: JointResearchSessionOrder | undefined,
    args: ConnectionArgs,
  ) {
    return ctx.loaders.pages.load<JointResearchSession>(researcherId, {
      key: `JointResearchSession.researcherId:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty: 'researcherId',
      args,
      sort: sortSpec(orderBy, SESSION_SORT_PROPERTIES, JointResearchSessionOrderField.HELD_ON),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  pageForSchool(
    ctx: Context,
    schoolId: string,
    filter: JointResearchSessionFilter | undefined,
    orderBy: JointResearchSessionOrder | undefined,
    args: ConnectionArgs,
  ) {
    return sessionsBySchool(
      ctx,
      schoolId,
      `JointResearchSession.schoolId:${JSON.stringify([filter, orderBy, args])}`,
      () => this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, SESSION_SORT_PROPERTIES, JointResearchSessionOrderField.HELD_ON),
    );
  }

  /** The schools behind `schoolIds`, each visible, each one the viewer may record sessions for. */
  private async requireRecordableSchools(ctx: Context, em: EntityManager, schoolIds: string[]): Promise<School[]> {
    const schools: School[] = [];
    for (const [i, globalId] of schoolIds.entries()) {
      const path = `input.schoolIds.${i}`;
      const school = await ctx.services.school.findVisible(ctx, fromGlobalId(globalId, 'School', path), em);
      if (!school) throw noSuch(path, 'school', '学校');
      schools.push(school);
    }
    this.assertRecordable(ctx, NEW_SESSION, { schools: schools.map((s) => ({ ...schoolPlace(s), name: s.name })) });
    return schools;
  }

  /** The session decision (auth/decisions/research.ts), refusing with the schools it fails on. */
  private assertRecordable(ctx: Context, policy: typeof SESSION | typeof NEW_SESSION, facts: SessionFacts): void {
    if (decideOn(ctx.viewer, policy, 'session:record', facts)) return;
    const refused = refusedSchools(ctx.viewer, facts.schools);
    const names = (refused.length ? refused : facts.schools).map((s) => s.name ?? s.schoolId);
    throw forbidden(`You may not record sessions for ${names.join(', ')}`, `无权为${names.join('、')}记录联合教研`);
  }

  private assertNotFuture(heldOn: string): void {
    const day = this.config.clock.today();
    if (heldOn > day) {
      throw badInput([
        {
          path: 'input.heldOn',
          message: `must not be after today (${day}); record a session once it was held`,
          messageZh: '日期不能晚于今天（活动举行后再记录）',
          constraint: 'notFuture',
        },
      ]);
    }
  }

  private async replaceSchools(em: EntityManager, sessionId: string, schools: School[]): Promise<void> {
    await em.delete(JointResearchSessionSchool, { sessionId });
    await em.insert(
      JointResearchSessionSchool,
      schools.map((s) => ({ sessionId, schoolId: s.id, districtId: s.districtId })),
    );
  }

  record(ctx: Context, input: RecordJointResearchSessionInput): Promise<JointResearchSession> {
    this.assertNotFuture(input.heldOn);
    return inTransaction(ctx, async (em, audit) => {
      const researcherId = fromGlobalId(input.researcherId, 'Researcher', 'input.researcherId');
      const researcher = await ctx.services.researcher.findVisible(ctx, researcherId, em);
      if (!researcher) throw noSuch('input.researcherId', 'researcher', '教研员');
      const schools = await this.requireRecordableSchools(ctx, em, input.schoolIds);
      const row = em.create(JointResearchSession, {
        heldOn: input.heldOn,
        researcherId: researcher.id,
        subject: input.subject,
        topic: input.topic,
        participantCount: input.participantCount ?? 0,
        participants: input.participants ?? null,
        summary: input.summary ?? null,
      });
      // Schools first land with the session, so the audit entry can name the first school.
      const saved = await em.save(JointResearchSession, row);
      await this.replaceSchools(em, saved.id, schools);
      audit.record(this.typeName, saved.id, 'CREATE', null, saved, await this.auditScope(em, saved));
      return saved;
    });
  }

  update(ctx: Context, id: string, input: UpdateJointResearchSessionInput): Promise<JointResearchSession> {
    rejectNulls(input, ['heldOn', 'schoolIds', 'subject', 'topic', 'participantCount']);
    if (input.heldOn) this.assertNotFuture(input.heldOn);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      this.assertRecordable(ctx, SESSION, await SESSION.facts(em, row));
      const before = { ...row };
      if (input.schoolIds)
        await this.replaceSchools(em, row.id, await this.requireRecordableSchools(ctx, em, input.schoolIds));
      return this.persist(em, audit, applyChanges(row, input, ['schoolIds']), before);
    });
  }

  delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      this.assertRecordable(ctx, SESSION, await SESSION.facts(em, row));
      await this.remove(em, audit, row);
      return id;
    });
  }
}
