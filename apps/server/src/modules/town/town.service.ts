import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { badInput, conflict } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, likePattern, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { assertMay } from '../../auth/decisions/decide.js';
import { DISTRICT, TOWN } from '../../auth/decisions/organisation.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { Town } from './town.entity.js';
import {
  TOWN_SORT_PROPERTIES,
  TownOrderField,
  type CreateTownInput,
  type TownFilter,
  type TownOrder,
  type UpdateTownInput,
} from './town.inputs.js';

export class TownService extends RecordService<Town> {
  readonly typeName = 'Town';
  protected readonly entity = Town;

  protected auditScope(_em: EntityManager, row: Town) {
    return { districtId: row.districtId, schoolId: null };
  }

  /** Administrative divisions are public facts: every viewer sees every town. */
  scoped(_ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<Town> {
    return em.getRepository(Town).createQueryBuilder(alias);
  }

  /** The towns list's filter, aliased `t`; the goals connection narrows it further by scope. */
  filtered(ctx: Context, filter: TownFilter | undefined): SelectQueryBuilder<Town> {
    const qb = this.scoped(ctx, 't');
    if (filter?.districtId) {
      qb.andWhere('t.districtId = :districtId', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.kind) qb.andWhere('t.kind = :kind', { kind: filter.kind });
    if (filter?.inProgramme != null) qb.andWhere('t.inProgramme = :inProgramme', { inProgramme: filter.inProgramme });
    if (filter?.pilotLevel) qb.andWhere('t.pilotLevel = :pilotLevel', { pilotLevel: filter.pilotLevel });
    if (filter?.search) {
      qb.andWhere('(t.name ILIKE :search OR t.code LIKE :prefix)', {
        search: likePattern(filter.search),
        prefix: `${filter.search.trim()}%`,
      });
    }
    return qb;
  }

  list(ctx: Context, filter: TownFilter | undefined, orderBy: TownOrder | undefined, args: ConnectionArgs) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, TOWN_SORT_PROPERTIES, TownOrderField.CODE),
      ctx.config.maxPageSize,
    );
  }

  pageForParent(
    ctx: Context,
    parentProperty: 'districtId',
    parentId: string,
    filter: TownFilter | undefined,
    orderBy: TownOrder | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionResult<Town>> {
    return ctx.loaders.pages.load<Town>(parentId, {
      key: `Town.${parentProperty}:${JSON.stringify([filter, orderBy, args])}`,
      query: () => this.filtered(ctx, filter),
      parentProperty,
      args,
      sort: sortSpec(orderBy, TOWN_SORT_PROPERTIES, TownOrderField.CODE),
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  create(ctx: Context, input: CreateTownInput): Promise<Town> {
    return inTransaction(ctx, async (em, audit) => {
      const districtId = fromGlobalId(input.districtId, 'District', 'input.districtId');
      const district = await em.getRepository(District).findOneBy({ id: districtId });
      if (!district) {
        throw badInput([
          { path: 'input.districtId', message: 'no such district', messageZh: '区县不存在', constraint: 'exists' },
        ]);
      }
      await assertMay(ctx, DISTRICT, 'town:create', district, em);
      if (!input.code.startsWith(district.code)) {
        throw badInput([
          {
            path: 'input.code',
            message: `must start with the district code ${district.code}`,
            messageZh: `须以区县代码 ${district.code} 开头`,
            constraint: 'districtPrefix',
          },
        ]);
      }
      return this.persist(em, audit, em.create(Town, { ...input, districtId }), null);
    });
  }

  update(ctx: Context, id: string, input: UpdateTownInput): Promise<Town> {
    rejectNulls(input, ['name', 'kind', 'pilotLevel', 'inProgramme']);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, TOWN, 'town:update', row, em);
      const before = { ...row };
      return this.persist(em, audit, applyChanges(row, input), before);
    });
  }

  delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, TOWN, 'town:delete', row, em);
      const schools = await em.getRepository(School).countBy({ townId: row.id });
      if (schools > 0) {
        throw conflict(
          `Town ${row.name} still has ${schools} schools; move or delete them first`,
          `${row.name}还有 ${schools} 所学校，请先迁移或删除`,
        );
      }
      await this.remove(em, audit, row);
      return id;
    });
  }
}
