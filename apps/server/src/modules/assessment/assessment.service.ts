import DataLoader from 'dataloader';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { badInput, type FieldError } from '../../common/errors.js';
import { translateWriteError } from '../../common/db-errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { RecordService } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { isInScope, schoolScope } from '../../auth/policy.js';
import { assertMay, assertOn } from '../../auth/decisions/decide.js';
import { SCHOOL, TOWN, townFacts } from '../../auth/decisions/organisation.js';
import { ASSESSMENT } from '../../auth/decisions/programme.js';
import type { AuditTrail } from '../audit/audit.trail.js';
import { School } from '../school/school.entity.js';
import { Town } from '../town/town.entity.js';
import { Assessment, AssessmentIndicator } from './assessment.entity.js';
import { AssessmentIndicatorKind, AssessmentSubjectKind, INDICATOR_VALUE_TYPE } from './assessment.enums.js';
import {
  ASSESSMENT_SORT_PROPERTIES,
  AssessmentOrderField,
  type AssessmentFilter,
  type AssessmentIndicatorInput,
  type AssessmentOrder,
  type CreateAssessmentInput,
} from './assessment.inputs.js';

/** The first programme year with assessments (the pilots began in 2021). */
export const FIRST_PERIOD = 2021;

const perRequest = new WeakMap<Context, DataLoader<string, AssessmentIndicator[]>>();

/** assessment.indicators for every assessment on a page in one statement. */
export function indicatorsLoader(ctx: Context): DataLoader<string, AssessmentIndicator[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.ds
        .getRepository(AssessmentIndicator)
        .find({ where: { assessmentId: In([...ids]) }, order: { kind: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.assessmentId === id));
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}

/** Every rule an indicator value must meet, as field errors under `path` (e.g. `indicators.0`). */
export function indicatorErrors(items: AssessmentIndicatorInput[], path: string, day: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<AssessmentIndicatorKind>();
  const fail = (p: string, message: string, messageZh: string, constraint: string) =>
    errors.push({ path: p, message, messageZh, constraint });
  items.forEach((item, i) => {
    const at = `${path}.${i}`;
    if (seen.has(item.kind)) fail(`${at}.kind`, 'appears twice', '同一指标重复', 'duplicate');
    seen.add(item.kind);
    const type = INDICATOR_VALUE_TYPE[item.kind];
    if (type === 'boolean') {
      if (item.booleanValue == null)
        fail(`${at}.booleanValue`, `is required for ${item.kind}`, '是否类指标须填写 booleanValue', 'required');
      if (item.value != null)
        fail(`${at}.value`, `${item.kind} is a yes/no indicator`, '是否类指标不填数值', 'notApplicable');
    } else {
      if (item.booleanValue != null) {
        fail(`${at}.booleanValue`, `${item.kind} is a numeric indicator`, '数值类指标不填是否', 'notApplicable');
      }
      const v = item.value;
      if (v == null) fail(`${at}.value`, `is required for ${item.kind}`, '数值类指标须填写数值', 'required');
      else if (type === 'ratio' && (v < 0 || v > 1))
        fail(`${at}.value`, 'must be a share between 0 and 1', '比例须在 0 到 1 之间', 'range');
      else if (type === 'score' && (v < 0 || v > 100))
        fail(`${at}.value`, 'must be a score between 0 and 100', '评分须在 0 到 100 之间', 'range');
      else if (type === 'count' && (!Number.isInteger(v) || v < 0 || v > 100000)) {
        fail(`${at}.value`, 'must be a whole number, 0 or more', '须为非负整数', 'range');
      }
    }
    if (item.measuredOn > day)
      fail(`${at}.measuredOn`, `must not be after today (${day})`, '测量日期不能晚于今天', 'notFuture');
  });
  return errors;
}

/**
 * Assessments (一校一评、一镇一评) with per-indicator values. District bureaus record them
 * in their district, the city everywhere. A school assessment is visible in the school's
 * scope; a town assessment to the town's district and to whoever sees a school of the town.
 */
export class AssessmentService extends RecordService<Assessment> {
  readonly typeName = 'Assessment';
  protected readonly entity = Assessment;

  protected auditScope(_em: EntityManager, row: Assessment) {
    return { districtId: row.districtId, schoolId: row.schoolId };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<Assessment> {
    const qb = em.getRepository(Assessment).createQueryBuilder(alias);
    const scope = schoolScope(ctx.viewer);
    if (scope.all) return qb;
    const parts: string[] = [];
    if (scope.districtIds.length) parts.push(`${alias}.districtId IN (:...scopeDistrictIds)`);
    if (scope.schoolIds.length) {
      parts.push(`${alias}.schoolId IN (:...scopeSchoolIds)`);
      parts.push(
        `(${alias}.schoolId IS NULL AND EXISTS (SELECT 1 FROM "school" "scope_school" WHERE "scope_school"."town_id" = ${alias}.townId AND "scope_school"."id" IN (:...scopeSchoolIds)))`,
      );
    }
    return qb.andWhere(parts.length ? `(${parts.join(' OR ')})` : 'FALSE', {
      scopeDistrictIds: scope.districtIds,
      scopeSchoolIds: scope.schoolIds,
    });
  }

  private filtered(ctx: Context, filter: AssessmentFilter | undefined) {
    const qb = this.scoped(ctx, 'asm');
    if (filter?.districtId) {
      qb.andWhere('asm.districtId = :districtId', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.townId) {
      qb.andWhere('asm.townId = :townId', { townId: fromGlobalId(filter.townId, 'Town', 'filter.townId') });
    }
    if (filter?.schoolId) {
      qb.andWhere('asm.schoolId = :schoolId', { schoolId: fromGlobalId(filter.schoolId, 'School', 'filter.schoolId') });
    }
    if (filter?.subjectKind) qb.andWhere('asm.subjectKind = :subjectKind', { subjectKind: filter.subjectKind });
    if (filter?.period) qb.andWhere('asm.period = :period', { period: filter.period });
    return qb;
  }

  list(ctx: Context, filter: AssessmentFilter | undefined, orderBy: AssessmentOrder | undefined, args: ConnectionArgs) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, ASSESSMENT_SORT_PROPERTIES, AssessmentOrderField.PERIOD),
      ctx.config.maxPageSize,
    );
  }

  /** town.assessments (the town's and its schools') and school.assessments, batched per request. */
  pageForParent(
    ctx: Context,
    parentProperty: 'townId' | 'schoolId',
    parentId: string,
    filter: AssessmentFilter | undefined,
    orderBy: AssessmentOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<Assessment>> {
    return ctx.loaders.pages.load<Assessment>(parentId, {
      key: `Assessment.${parentProperty}:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty,
      args,
      sort: sortSpec(orderBy, ASSESSMENT_SORT_PROPERTIES, AssessmentOrderField.PERIOD),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  private assertPeriod(period: string): void {
    const year = Number(period);
    const current = Number(this.config.clock.today().slice(0, 4));
    if (year < FIRST_PERIOD || year > current) {
      throw badInput([
        {
          path: 'input.period',
          message: `must be a year from ${FIRST_PERIOD} to ${current}`,
          messageZh: `评价期间须在 ${FIRST_PERIOD} 至 ${current} 年之间`,
          constraint: 'range',
        },
      ]);
    }
  }

  private async subjectOf(ctx: Context, em: EntityManager, input: CreateAssessmentInput) {
    if ((input.schoolId == null) === (input.townId == null)) {
      throw badInput([
        {
          path: input.schoolId == null ? 'input.schoolId' : 'input.townId',
          message: 'give exactly one subject: schoolId or townId',
          messageZh: '学校与乡镇须二选一',
          constraint: 'exactlyOne',
        },
      ]);
    }
    if (input.schoolId != null) {
      const school = await em
        .getRepository(School)
        .findOneBy({ id: fromGlobalId(input.schoolId, 'School', 'input.schoolId') });
      if (!school || !isInScope(schoolScope(ctx.viewer), school.id, school.districtId)) {
        throw badInput([
          { path: 'input.schoolId', message: 'no such school', messageZh: '学校不存在', constraint: 'exists' },
        ]);
      }
      return {
        subjectKind: AssessmentSubjectKind.SCHOOL,
        schoolId: school.id,
        townId: school.townId,
        districtId: school.districtId,
      };
    }
    const town = await em.getRepository(Town).findOneBy({ id: fromGlobalId(input.townId!, 'Town', 'input.townId') });
    if (!town) {
      throw badInput([
        { path: 'input.townId', message: 'no such town', messageZh: '乡镇不存在', constraint: 'exists' },
      ]);
    }
    return { subjectKind: AssessmentSubjectKind.TOWN, schoolId: null, townId: town.id, districtId: town.districtId };
  }

  create(ctx: Context, input: CreateAssessmentInput): Promise<Assessment> {
    this.assertPeriod(input.period);
    const errors = indicatorErrors(input.indicators ?? [], 'input.indicators', this.config.clock.today());
    if (errors.length) throw badInput(errors);
    return inTransaction(ctx, async (em, audit) => {
      const subject = await this.subjectOf(ctx, em, input);
      // Decided on the subject it is recorded for: the school, or the town.
      if (subject.schoolId) {
        assertOn(ctx, SCHOOL, 'assessment:record', { districtId: subject.districtId, schoolId: subject.schoolId });
      } else {
        assertOn(ctx, TOWN, 'assessment:record', await townFacts(em, subject.townId, subject.districtId));
      }
      const row = em.create(Assessment, { ...subject, period: input.period, notes: input.notes ?? null });
      const saved = await this.persist(em, audit, row, null);
      await this.upsertIndicators(em, audit, saved, input.indicators ?? []);
      return saved;
    });
  }

  private async requireWritable(ctx: Context, em: EntityManager, id: string, path: string): Promise<Assessment> {
    const row = await this.requireVisible(ctx, id, path, em);
    await assertMay(ctx, ASSESSMENT, 'assessment:record', row, em);
    // Lock the assessment so concurrent indicator writes of one assessment queue.
    await em
      .getRepository(Assessment)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id: row.id })
      .getOne();
    return row;
  }

  /** Records indicator values, replacing those of the same indicator (value, source and date together). */
  recordIndicators(ctx: Context, id: string, items: AssessmentIndicatorInput[]): Promise<Assessment> {
    const errors = indicatorErrors(items, 'indicators', this.config.clock.today());
    if (errors.length) throw badInput(errors);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireWritable(ctx, em, id, 'assessmentId');
      await this.upsertIndicators(em, audit, row, items);
      return row;
    });
  }

  removeIndicator(ctx: Context, id: string, kind: AssessmentIndicatorKind): Promise<Assessment> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireWritable(ctx, em, id, 'assessmentId');
      const existing = await em.getRepository(AssessmentIndicator).findOneBy({ assessmentId: row.id, kind });
      if (!existing) {
        throw badInput([
          {
            path: 'kind',
            message: `the assessment has no ${kind} value`,
            messageZh: '该评价没有此指标',
            constraint: 'exists',
          },
        ]);
      }
      await em.delete(AssessmentIndicator, existing.id);
      audit.record('AssessmentIndicator', existing.id, 'DELETE', existing, null, this.auditScope(em, row));
      return row;
    });
  }

  /** Deletes an assessment with its indicator values (each one audited). */
  delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireWritable(ctx, em, id, 'id');
      const indicators = await em.getRepository(AssessmentIndicator).findBy({ assessmentId: row.id });
      for (const i of indicators)
        audit.record('AssessmentIndicator', i.id, 'DELETE', i, null, this.auditScope(em, row));
      await this.remove(em, audit, row);
      return id;
    });
  }

  private async upsertIndicators(
    em: EntityManager,
    audit: AuditTrail,
    assessment: Assessment,
    items: AssessmentIndicatorInput[],
  ): Promise<void> {
    if (!items.length) return;
    const repo = em.getRepository(AssessmentIndicator);
    const existing = new Map(
      (await repo.findBy({ assessmentId: assessment.id, kind: In(items.map((i) => i.kind)) })).map((r) => [r.kind, r]),
    );
    for (const item of items) {
      const current = existing.get(item.kind);
      const before = current ? { ...current } : null;
      const row = current ?? repo.create({ assessmentId: assessment.id, kind: item.kind });
      row.value = item.value ?? null;
      row.booleanValue = item.booleanValue ?? null;
      row.source = item.source.trim();
      row.measuredOn = item.measuredOn;
      let saved: AssessmentIndicator;
      try {
        saved = await repo.save(row);
      } catch (error) {
        throw translateWriteError(error, em.connection.getMetadata(AssessmentIndicator), 'indicators');
      }
      audit.record(
        'AssessmentIndicator',
        saved.id,
        before ? 'UPDATE' : 'CREATE',
        before,
        saved,
        this.auditScope(em, assessment),
      );
    }
  }
}
