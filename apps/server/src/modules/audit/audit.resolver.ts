import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConnectionArgs, connectionTypes } from '../../common/connection.js';
import { toGlobalId } from '../../common/global-id.js';
import { AuditEntry } from './audit.entity.js';
import { AuditEntryFilter } from './audit.inputs.js';

const { ConnectionType: AuditEntryConnection } = connectionTypes(AuditEntry, 'AuditEntry', '审计记录');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: "审计日志（管理员，本范围内，最新在前）/ The audit log within the admin's scope, newest first",
  })
  auditEntries(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => AuditEntryFilter, { nullable: true, description: '筛选条件 / Filter' })
    filter?: AuditEntryFilter,
  ) {
    return ctx.services.audit.list(ctx, filter, args);
  }

  @FieldResolver(() => ID, { description: '被修改记录的全局 ID / Global ID of the changed record' })
  recordId(@Root() entry: AuditEntry): string {
    return toGlobalId(entry.recordType, entry.recordId);
  }
}
