import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { contextFor, type HttpDeps } from '../../http/request-context.js';
import { assertHolds } from '../../auth/policy.js';
import type { EntityMetadata } from 'typeorm';
import { unauthenticated } from '../../common/errors.js';
import { translateDatabaseError } from '../../common/db-errors.js';
import { sendErrors } from '../export/export.sinks.js';
import { IMPORT_KINDS, type ImportKind } from './import.columns.js';
import { tooLargeToImport, type FileFormat } from './import.reader.js';
import { IMPORT_LIMITS, importAction, ImportService } from './import.service.js';
import { TEMPLATE_NAMES, templateCsv, templateXlsx } from './import.templates.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Declared content type → format; null: decide by the file's first bytes. Absent: 415. */
const FORMATS = new Map<string, FileFormat | null>([
  ['text/csv', 'csv'],
  ['application/csv', 'csv'],
  ['text/plain', 'csv'],
  [XLSX_MIME, 'xlsx'],
  ['application/octet-stream', null],
  // what Windows browsers send for .csv files
  ['application/vnd.ms-excel', null],
]);

/** The client closed the connection before the import answered. */
class ClientGone extends Error {}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/** Errors in GraphQL's shape: `{ errors: [{ message, extensions: { code, messageZh } }] }`. */
function sendError(req: Request, res: Response, error: unknown, metadatas: readonly EntityMetadata[]): void {
  const requestId = String(req.id);
  if (error instanceof HttpError) {
    res.status(error.status).json({
      errors: [{ message: error.message, extensions: { code: error.code, messageZh: error.messageZh, requestId } }],
    });
    return;
  }
  const known = error instanceof GraphQLError ? error : translateDatabaseError(error, metadatas);
  if (known) {
    sendErrors(res, req, [known]);
    return;
  }
  req.log.error({ err: error }, 'import failed');
  res.status(500).json({
    errors: [
      {
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', messageZh: '服务器内部错误', requestId },
      },
    ],
  });
}

const tooLarge = () =>
  new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file exceeds ${IMPORT_LIMITS.maxBytes} bytes; split it into several files`,
    `文件超过 ${Math.round(IMPORT_LIMITS.maxBytes / 1024 / 1024)} MB，请拆分后导入`,
  );

/** Streams the request body into `path`, refusing it past the size cap. */
async function spool(req: Request, path: string): Promise<void> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      if (bytes > IMPORT_LIMITS.maxBytes) cb(tooLarge());
      else cb(null, chunk);
    },
  });
  await pipeline(req, counter, createWriteStream(path));
}

function parseDryRun(value: unknown): boolean {
  if (value === undefined || value === 'true' || value === '1' || value === '') return true;
  if (value === 'false' || value === '0') return false;
  throw new HttpError(400, 'BAD_USER_INPUT', 'dryRun must be true or false', 'dryRun 须为 true 或 false');
}

/**
 * File import under /api/import (documented in docs/DATA-TEAMS.md):
 *   GET  /api/import/templates/{kind}.{xlsx|csv}   public templates
 *   POST /api/import/{kind}?dryRun=true|false       raw file body, Bearer token
 * where kind is schools, teachers, memberships (of collaboration groups) or trusteeships.
 * The body is the file itself (Content-Type text/csv[; charset=gb18030] or the xlsx MIME
 * type), not multipart. dryRun defaults to true: writing needs an explicit dryRun=false.
 * 200 with the report when every row is valid (and, without dryRun, written); 422 with the
 * same report when any row is bad (nothing written).
 */
export function importRoutes(deps: HttpDeps): Router {
  const router = Router();
  const service = new ImportService();

  router.get('/templates/:file', async (req, res) => {
    const m = /^(\w+)\.(xlsx|csv)$/.exec(req.params.file ?? '');
    if (!m || !(IMPORT_KINDS as readonly string[]).includes(m[1]!)) {
      sendError(req, res, new HttpError(404, 'NOT_FOUND', 'No such template', '没有该模板'), []);
      return;
    }
    const kind = m[1] as ImportKind;
    const filename = `${TEMPLATE_NAMES[kind]}.${m[2]}`;
    res.setHeader(
      'content-disposition',
      `attachment; filename="${kind}.${m[2]}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    if (m[2] === 'csv') {
      res.type('text/csv; charset=utf-8').send(templateCsv(kind));
    } else {
      res.type(XLSX_MIME).send(await templateXlsx(kind));
    }
  });

  for (const kind of IMPORT_KINDS) {
    router.post(`/${kind}`, async (req, res) => {
      let dir: string | undefined;
      try {
        const ctx = await contextFor(req, deps);
        if (!ctx.viewer) throw unauthenticated();
        assertHolds(ctx.viewer, importAction(kind));
        const dryRun = parseDryRun(req.query.dryRun);

        const [mime, ...params] = (req.headers['content-type'] ?? '').split(';').map((s) => s.trim());
        const lower = mime?.toLowerCase() ?? '';
        if (!FORMATS.has(lower)) {
          throw new HttpError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `Send the file itself as text/csv or ${XLSX_MIME}`,
            '请直接上传 CSV（text/csv）或 xlsx 文件',
          );
        }
        const charset = params
          .map((p) => /^charset=["']?([\w-]+)["']?$/i.exec(p)?.[1])
          .find((c): c is string => Boolean(c));
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > IMPORT_LIMITS.maxBytes) throw tooLarge();

        dir = await mkdtemp(join(tmpdir(), 'zhuji-import-'));
        const path = join(dir, 'upload');
        await spool(req, path);
        // The import stops, and its transaction rolls back, when the client leaves or the
        // wall-clock limit passes: nobody waits for its answer any more.
        const stop = new AbortController();
        const seconds = deps.config.importMaxSeconds;
        const timer = setTimeout(
          () =>
            stop.abort(
              tooLargeToImport(
                `The import took longer than ${seconds} s and was rolled back; split the file into smaller ones`,
                `导入超过 ${seconds} 秒，已全部撤销，请拆分为较小的文件`,
                seconds,
              ),
            ),
          seconds * 1000,
        );
        const onClose = () => {
          if (!res.writableFinished) stop.abort(new ClientGone());
        };
        res.on('close', onClose);
        try {
          const report = await service.importFile(ctx, kind, path, {
            dryRun,
            format: FORMATS.get(lower) ?? null,
            charset: charset ?? 'utf-8',
            signal: stop.signal,
          });
          res.status(report.errorCount > 0 ? 422 : 200).json(report);
        } finally {
          clearTimeout(timer);
          res.off('close', onClose);
        }
      } catch (error) {
        if (error instanceof ClientGone) {
          req.log.info({ import: kind }, 'import stopped: the client closed the connection; rolled back');
          return;
        }
        // Refused before the body was read: close the connection rather than read it all.
        if (!req.complete) res.setHeader('connection', 'close');
        sendError(req, res, error, deps.ds.entityMetadatas);
      } finally {
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    });
  }
  return router;
}
