import type { RequestHandler } from 'express';
import {
  GraphQLError,
  execute,
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { createContext, type Context } from '../../context.js';
import { contextFor, type HttpDeps } from '../../http/request-context.js';
import { badInput, unauthenticated } from '../../common/errors.js';
import { formatError, isPublicCode } from '../../common/format-error.js';
import { LIMITS, limitsPlugin, operationCost } from '../../common/limits.js';
import { ExportRequestError, parseBody, planQueryExport, type QueryExportPlan } from './export-query.plan.js';
import { ExportAborted, finishDownload, sendErrors, startDownload, type Format } from './export.sinks.js';

/**
 * `POST /api/export/query.{csv,xlsx}` with `{ query, variables, columns: [{ path, heading }], title }`:
 * any connection the viewer can list, with the page's own filter and orderBy, streamed to a
 * file (docs/DATA-TEAMS.md §5).
 *
 * The query runs through the server's own schema and resolvers with the viewer's context, so
 * scope and masking are exactly those of /graphql. The exporter walks the connection by its
 * keyset cursor, `pageSize` rows at a time (fewer when one row is costly), each page written before the next is read and
 * each with a fresh context (the DataLoader caches of one page are dropped with it), so
 * memory stays flat whatever the row count.
 */
export const QUERY_EXPORT_DEFAULTS = {
  pageSize: 500,
  maxRows: 1_000_000,
  /**
   * The whole export's budget in the cost model of limits.ts (rows × cost per row): a
   * hundred /graphql requests' worth. A nested export that would have run for minutes is
   * refused before its first byte.
   */
  maxCost: 100 * LIMITS.maxCost,
};
const options = { ...QUERY_EXPORT_DEFAULTS };
/** Tests walk many pages over a few rows, and hit the row cap without a million rows. */
export function setQueryExportOptions(next: Partial<typeof QUERY_EXPORT_DEFAULTS>): void {
  Object.assign(options, next);
}

interface Page {
  nodes: unknown[];
  totalCount?: number;
  endCursor?: string | null;
}

/** A resolver's error as /graphql would show it: public codes as they are, anything else masked and logged. */
function publicError(ctx: Context, error: GraphQLError): GraphQLError {
  if (!isPublicCode(error.extensions?.code)) {
    ctx.logger.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error');
  }
  const formatted = formatError({ metadatas: () => ctx.ds.entityMetadatas })(error.toJSON(), error);
  return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
}

export function queryExportHandler(deps: HttpDeps & { schema: GraphQLSchema }): RequestHandler {
  const { schema, config } = deps;
  // The /graphql request's own limits (cost, persisted-operation allowlist, anonymous
  // introspection), run through the same plugin hook Apollo calls, so the two cannot drift.
  const limits = limitsPlugin(schema, {
    production: config.nodeEnv === 'production',
    operationsAllowlist: config.operationsAllowlist,
  });

  return async (req, res, next) => {
    const format = String(req.params.format);
    if (format !== 'csv' && format !== 'xlsx') return next();
    let ctx: Context;
    let plan: QueryExportPlan;
    let pages: AsyncGenerator<Page>;
    let first: Page;
    let title: string;
    try {
      ctx = await contextFor(req, deps);
      if (!ctx.viewer) return sendErrors(res, req, [unauthenticated()]);
      const body = parseBody(req.body);
      plan = planQueryExport(schema, body, config.maxPageSize);
      title = body.title ?? plan.rootField;
      const operation = plan.firstPage.definitions.find(
        (d) => d.kind === 'OperationDefinition',
      ) as OperationDefinitionNode;
      const variablesFor = (size: number, after: string | null) => ({
        ...body.variables,
        [plan.firstVariable]: size,
        [plan.afterVariable]: after,
      });

      // Variables are coerced before anything runs, so a bad one is a 400, not a cut file.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variablesFor(1, null));
      if (coerced.errors) {
        throw new ExportRequestError(
          coerced.errors.map(
            (e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT', messageZh: '变量取值无效' } }),
          ),
        );
      }

      // The page size shrinks until one page costs no more than /graphql allows one request.
      const hooks = await limits.requestDidStart!({} as never);
      const pageSize = await fitPageSize(options.pageSize, async (size) => {
        await hooks!.didResolveOperation!({
          request: { query: body.query, variables: variablesFor(size, null) },
          source: body.query,
          document: plan.firstPage,
          contextValue: ctx,
        } as never);
      });

      // What one page costs, per row: the whole export is priced as its rows × that.
      const pageCost = operationCost(schema, plan.firstPage, undefined, variablesFor(pageSize, null));
      const rowCost = pageCost / pageSize;

      const viewerCtx = ctx;
      const pageConfig = { ...config, maxPageSize: Math.max(config.maxPageSize, pageSize) };
      const run = async (document: DocumentNode, after: string | null): Promise<Page> => {
        const result = await execute({
          schema,
          document,
          variableValues: variablesFor(pageSize, after),
          contextValue: createContext({ ...viewerCtx, config: pageConfig }),
        });
        if (result.errors?.length) throw new ExportRequestError(result.errors.map((e) => publicError(viewerCtx, e)));
        const connection = (result.data?.[plan.rootKey] ?? null) as Record<string, unknown> | null;
        if (!connection) throw badInput([], 'The connection returned nothing');
        let nodes: unknown = connection;
        for (const key of plan.nodesPath) {
          nodes = Array.isArray(nodes)
            ? nodes.map((n) => (n as Record<string, unknown>)[key])
            : (nodes as Record<string, unknown>)[key];
        }
        const pageInfo = connection.pageInfo as { hasNextPage: boolean; endCursor: string | null };
        return {
          nodes: nodes as unknown[],
          totalCount: connection.totalCount as number | undefined,
          endCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null,
        };
      };
      pages = (async function* () {
        let page = await run(plan.firstPage, null);
        let spent = pageCost;
        yield page;
        while (page.endCursor) {
          // A client that left, or rows added while the walk runs past the budget, stop it.
          if (res.destroyed) throw new ExportAborted('client closed the connection');
          spent += pageCost;
          if (spent > options.maxCost) throw new Error(`export passed its budget of ${options.maxCost}`);
          page = await run(plan.nextPages, page.endCursor);
          yield page;
        }
      })();

      // The first page runs before any byte is sent: its errors, and a result over the row
      // cap, are answered as JSON with a status.
      first = (await pages.next()).value as Page;
      if (first.totalCount !== undefined && first.totalCount > options.maxRows) {
        throw badInput(
          [
            {
              path: 'query',
              message: `has ${first.totalCount} rows; an export holds at most ${options.maxRows}`,
              messageZh: `共 ${first.totalCount} 行，超过导出上限 ${options.maxRows} 行，请缩小筛选范围`,
              constraint: 'maxRows',
            },
          ],
          `The export would have ${first.totalCount} rows; the limit is ${options.maxRows}: narrow the filter`,
        );
      }
      const rows = first.totalCount ?? first.nodes.length;
      const cost = Math.ceil(rows * rowCost);
      if (cost > options.maxCost) {
        throw new GraphQLError(
          `The export would cost ${cost} (${rows} rows × ${rowCost.toFixed(1)} per row); the limit is ${options.maxCost}: narrow the filter or select fewer nested fields`,
          {
            extensions: {
              code: 'QUERY_TOO_COMPLEX',
              cost,
              limit: options.maxCost,
              messageZh: `导出成本 ${cost} 超过上限 ${options.maxCost}，请缩小筛选范围或减少嵌套字段`,
            },
          },
        );
      }
    } catch (error) {
      if (error instanceof ExportRequestError) return sendErrors(res, req, error.errors);
      if (error instanceof GraphQLError && error.extensions?.code) return sendErrors(res, req, [error]);
      req.log.error({ err: error }, 'query export failed');
      return sendErrors(res, req, [
        new GraphQLError('Internal server error', {
          extensions: { code: 'INTERNAL_SERVER_ERROR', messageZh: '服务器内部错误' },
        }),
      ]);
    }

    const label = `query:${plan.rootField}.${format}`;
    const sink = startDownload(
      res,
      format as Format,
      { ascii: plan.rootField, title },
      plan.columns.map((c) => c.heading),
      config.clock.today(),
    );
    await finishDownload(ctx, res, label, sink, async (sink) => {
      let rows = 0;
      for (let page: Page | undefined = first; page; page = (await pages.next()).value as Page | undefined) {
        rows += page.nodes.length;
        // Rows added while the walk runs can still pass the cap: cut rather than truncate silently.
        if (rows > options.maxRows) throw new Error(`export passed the cap of ${options.maxRows} rows`);
        for (const node of page.nodes) await sink.write(plan.columns.map((c) => c.cell(node)));
      }
      ctx.logger.info({ export: label, rows }, 'query export rows');
    });
  };
}

/** Largest page size (at most `size`) that `check` accepts, guided by the cost it reports. */
async function fitPageSize(size: number, check: (size: number) => Promise<void>): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await check(size);
      return size;
    } catch (error) {
      const e = error as GraphQLError;
      const { cost, limit } = (e.extensions ?? {}) as { cost?: number; limit?: number };
      if (e.extensions?.code !== 'QUERY_TOO_COMPLEX' || !cost || !limit || size <= 1 || attempt >= 8) throw error;
      size = Math.max(1, Math.min(size - 1, Math.floor((size * limit) / cost)));
    }
  }
}
