import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { BaseRecord } from '../../common/base.entity.js';
import { parseGlobalId, toGlobalId } from '../../common/global-id.js';
import { badInput } from '../../common/errors.js';

const MAX_NODES = 100;
import { Node } from './node.type.js';

@Resolver(() => Node)
export class NodeResolver {
  /** Inherited by every type implementing Node: the global id is derived, never stored. */
  @FieldResolver(() => ID)
  id(@Root() record: BaseRecord): string {
    return toGlobalId(record.constructor.name, record.id);
  }

  @Query(() => Node, {
    nullable: true,
    description: '按全局 ID 获取任意记录；范围外视同不存在 / Any record by global ID; out of scope reads as absent',
  })
  node(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID / Global ID' }) id: string) {
    const parsed = parseGlobalId(id);
    const service = parsed && ctx.services.byTypeName(parsed.type);
    return service ? service.getByGlobalId(ctx, id) : null;
  }

  @Query(() => [Node], { nullable: 'items', description: '按全局 ID 批量获取 / Several records by global ID' })
  nodes(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], {
      description:
        '全局 ID 列表；结果顺序相同，不存在或范围外的为 null / Global IDs; results keep this order, null where absent or out of scope',
    })
    ids: string[],
  ) {
    if (ids.length > MAX_NODES) {
      throw badInput([
        {
          path: 'ids',
          message: `at most ${MAX_NODES} ids`,
          messageZh: `最多 ${MAX_NODES} 个 ID`,
          constraint: 'maxNodes',
        },
      ]);
    }
    return Promise.all(ids.map((id) => this.node(ctx, id)));
  }
}
