import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: '排序方向 / Sort direction',
  valuesConfig: { ASC: { description: '升序 / Ascending' }, DESC: { description: '降序 / Descending' } },
});

@ObjectType({ description: '分页信息 / Relay page information' })
export class PageInfo {
  @Field({ description: '是否有下一页 / Whether more edges follow this page' })
  hasNextPage: boolean;

  @Field({ description: '是否有上一页 / Whether edges precede this page' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: '本页第一条的游标 / Cursor of the first edge' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标 / Cursor of the last edge' })
  endCursor: string | null;
}

/**
 * Relay connection arguments. Page sizes are bounded here (and again against the
 * configured maximum in the keyset engine) so no single request can ask for everything.
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: '向后取的条数（默认 20，最多 100）/ Page size forwards (default 20, max 100)',
  })
  @Min(0)
  @Max(1000)
  first?: number;

  @Field(() => String, { nullable: true, description: '从此游标之后开始 / Start after this cursor' })
  after?: string;

  @Field(() => Int, { nullable: true, description: '向前取的条数（最多 100）/ Page size backwards (max 100)' })
  @Min(0)
  @Max(1000)
  last?: number;

  @Field(() => String, { nullable: true, description: '到此游标之前为止 / End before this cursor' })
  before?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What the keyset engine returns; `totalCount` runs its COUNT only when a client asks. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string, zh: string) {
  @ObjectType(`${name}Edge`, { description: `${zh}分页中的一条 / An edge in a page of ${name} records` })
  class EdgeType {
    @Field({ description: '游标 / Opaque cursor of this edge' })
    cursor: string;

    @Field(() => nodeType, { description: '记录 / The record' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `${zh}列表（Relay 分页）/ A page of ${name} records` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: '本页各条 / Edges of this page' })
    edges: EdgeType[];

    @Field(() => [nodeType], { description: '本页记录（不含游标）/ The records of this page, without cursors' })
    nodes: T[];

    @Field(() => PageInfo, { description: '分页信息 / Page information' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: "符合筛选条件的总数（受查看范围限制）/ Count of all matching records within the viewer's scope",
    })
    totalCount: number;
  }

  return { EdgeType, ConnectionType };
}
