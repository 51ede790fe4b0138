import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { createContext, type Context } from '../context.js';
import type { Services } from '../services.js';

export interface HttpDeps {
  config: Config;
  ds: DataSource;
  services: Services;
}

function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/**
 * The same per-request Context GraphQL resolvers get (viewer, loaders, request logger), for
 * plain HTTP routes such as file import and export, so they obey the same scope and policy.
 */
export async function contextFor(req: Request, deps: HttpDeps): Promise<Context> {
  const viewer = await deps.services.auth.viewerFromToken(bearer(req));
  return createContext({
    requestId: String(req.id),
    logger: req.log,
    clientAddress: req.ip ?? 'unknown',
    viewer,
    config: deps.config,
    ds: deps.ds,
    services: deps.services,
  });
}
