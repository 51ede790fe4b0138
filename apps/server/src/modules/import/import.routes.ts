import { Router } from 'express';
import type { HttpDeps } from '../../http/request-context.js';

/** File import endpoints under /api/import (see docs/DATA-TEAMS.md). */
export function importRoutes(_deps: HttpDeps): Router {
  return Router();
}
