import { Arg, Ctx, ID, Query, registerEnumType, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { parseGlobalId } from '../common/global-id.js';
import { can, type Action, type Target } from './policy.js';

/** The policy's actions as a GraphQL enum: SCHOOL_UPDATE is `school:update`. */
export enum ViewerAction {
  DISTRICT_CREATE = 'district:create',
  DISTRICT_UPDATE = 'district:update',
  DISTRICT_DELETE = 'district:delete',
  TOWN_CREATE = 'town:create',
  TOWN_UPDATE = 'town:update',
  TOWN_DELETE = 'town:delete',
  SCHOOL_CREATE = 'school:create',
  SCHOOL_UPDATE = 'school:update',
  SCHOOL_DELETE = 'school:delete',
  TEACHER_CREATE = 'teacher:create',
  TEACHER_UPDATE = 'teacher:update',
  TEACHER_DELETE = 'teacher:delete',
  TEACHER_READ_PERSONAL = 'teacher:readPersonal',
  USER_MANAGE = 'user:manage',
  AUDIT_READ = 'audit:read',
}
registerEnumType(ViewerAction, { name: 'ViewerAction', description: '可询问的操作 / An action a UI may ask about' });

@Resolver()
export class ViewerCanResolver {
  @Query(() => Boolean, {
    description:
      '当前用户能否对某记录（或其下级，如在某乡镇新建学校）执行操作；不给 id 时问"是否在任何范围内可以" / Whether the viewer may take the action on the record (or under it, e.g. create a school in a town); without id, whether anywhere',
  })
  async viewerCan(
    @Ctx() ctx: Context,
    @Arg('action', () => ViewerAction, { description: '操作 / Action' }) action: ViewerAction,
    @Arg('id', () => ID, { nullable: true, description: '记录的全局 ID / Global ID of the record' }) id?: string,
  ): Promise<boolean> {
    if (!ctx.viewer) return false;
    if (!id) return ctx.viewer.grants.some((g) => can({ ...ctx.viewer!, grants: [g] }, action as Action, anywhere(g)));
    const target = await targetOf(ctx, id);
    return target ? can(ctx.viewer, action as Action, target) : false;
  }
}

function anywhere(g: { districtId: string | null; schoolId: string | null }): Target {
  return { districtId: g.districtId, schoolId: g.schoolId };
}

/** Where a visible record sits; null when it does not exist or the viewer cannot see it. */
async function targetOf(ctx: Context, globalId: string): Promise<Target | null> {
  const parsed = parseGlobalId(globalId);
  const service = parsed && ctx.services.byTypeName(parsed.type);
  const row = service ? ((await service.getByGlobalId(ctx, globalId)) as Record<string, unknown> | null) : null;
  if (!parsed || !row) return null;
  switch (parsed.type) {
    case 'District':
      return { districtId: row.id as string };
    case 'Town':
      return { districtId: row.districtId as string };
    case 'School':
      return { districtId: row.districtId as string, schoolId: row.id as string };
    case 'Teacher': {
      const school = await ctx.loaders.school.load(row.schoolId as string);
      return school ? { districtId: school.districtId, schoolId: school.id } : null;
    }
    default:
      return null;
  }
}
