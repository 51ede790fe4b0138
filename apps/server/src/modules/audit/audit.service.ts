import type { DataSource } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs } from '../../common/connection.js';
import { OrderDirection } from '../../common/connection.js';
import { parseGlobalId } from '../../common/global-id.js';
import { paginate } from '../../common/keyset.js';
import { assertHolds, schoolScope } from '../../auth/policy.js';
import { AuditEntry } from './audit.entity.js';
import type { AuditEntryFilter } from './audit.inputs.js';

export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /** Newest first; a district admin sees the entries of records in their district only. */
  list(ctx: Context, filter: AuditEntryFilter | undefined, args: ConnectionArgs) {
    assertHolds(ctx.viewer, 'audit:read');
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    const scope = schoolScope(ctx.viewer);
    if (!scope.all)
      qb.andWhere(scope.districtIds.length ? 'a.districtId IN (:...ds)' : 'FALSE', { ds: scope.districtIds });
    if (filter?.recordId) {
      const parsed = parseGlobalId(filter.recordId);
      qb.andWhere(parsed ? 'a.recordType = :rt AND a.recordId = :rid' : 'FALSE', { rt: parsed?.type, rid: parsed?.id });
    }
    if (filter?.recordType) qb.andWhere('a.recordType = :recordType', { recordType: filter.recordType });
    if (filter?.username) qb.andWhere('a.username = :username', { username: filter.username });
    if (filter?.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('a.at < :to', { to: filter.to });
    return paginate(qb, args, { field: 'AT', property: 'at', direction: OrderDirection.DESC }, ctx.config.maxPageSize);
  }
}
