import { Router } from 'express';
import type { HttpDeps } from '../../http/request-context.js';

/** Streamed CSV / XLSX exports under /api/export (see docs/DATA-TEAMS.md). */
export function exportRoutes(_deps: HttpDeps): Router {
  return Router();
}
