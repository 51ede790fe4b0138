import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs } from '../../common/connection.js';
import { conflict } from '../../common/errors.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, likePattern, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { assertMay, assertMayCityWide } from '../../auth/decisions/decide.js';
import { DISTRICT } from '../../auth/decisions/organisation.js';
import { Town } from '../town/town.entity.js';
import { District } from './district.entity.js';
import {
  DISTRICT_SORT_PROPERTIES,
  DistrictOrderField,
  type CreateDistrictInput,
  type DistrictFilter,
  type DistrictOrder,
  type UpdateDistrictInput,
} from './district.inputs.js';

export class DistrictService extends RecordService<District> {
  readonly typeName = 'District';
  protected readonly entity = District;

  protected auditScope(_em: EntityManager, row: District) {
    return { districtId: row.id, schoolId: null };
  }

  /** Administrative divisions are public facts: every viewer sees every district. */
  scoped(_ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<District> {
    return em.getRepository(District).createQueryBuilder(alias);
  }

  list(ctx: Context, filter: DistrictFilter | undefined, orderBy: DistrictOrder | undefined, args: ConnectionArgs) {
    const qb = this.scoped(ctx, 'd');
    if (filter?.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter?.search) {
      qb.andWhere('(d.name ILIKE :search OR d.code LIKE :prefix)', {
        search: likePattern(filter.search),
        prefix: `${filter.search.trim()}%`,
      });
    }
    return paginate(
      qb,
      args,
      sortSpec(orderBy, DISTRICT_SORT_PROPERTIES, DistrictOrderField.CODE),
      ctx.config.maxPageSize,
    );
  }

  create(ctx: Context, input: CreateDistrictInput): Promise<District> {
    assertMayCityWide(ctx, 'district:create');
    return inTransaction(ctx, (em, audit) => this.persist(em, audit, em.create(District, { ...input }), null));
  }

  async update(ctx: Context, id: string, input: UpdateDistrictInput): Promise<District> {
    rejectNulls(input, ['code', 'name', 'kind']);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, DISTRICT, 'district:update', row, em);
      const before = { ...row };
      return this.persist(em, audit, applyChanges(row, input), before);
    });
  }

  async delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, DISTRICT, 'district:delete', row, em);
      const towns = await em.getRepository(Town).countBy({ districtId: row.id });
      if (towns > 0) {
        throw conflict(
          `District ${row.name} still has ${towns} towns; move or delete them first`,
          `${row.name}下还有 ${towns} 个乡镇，请先迁移或删除`,
        );
      }
      await this.remove(em, audit, row);
      return id;
    });
  }
}
