import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The Relay Node interface. `id` is a global id (see common/global-id.ts), resolved for
 * every implementing type by NodeResolver, so no entity stores or computes it itself.
 */
@InterfaceType('Node', {
  description: '可按全局 ID 获取的记录 / A record that can be fetched by its global ID',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: '全局唯一 ID / Globally unique ID' })
  id: string;
}
