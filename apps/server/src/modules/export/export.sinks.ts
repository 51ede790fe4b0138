import type { Request, Response } from 'express';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import ExcelJS from 'exceljs';
import type { Context } from '../../context.js';
import { csvLine, type Cell } from './export.columns.js';
import { ErrorCode, HTTP_STATUS, RETRY_AFTER_SECONDS } from '../../common/errors.js';

function withoutHttp(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { http: _http, ...rest } = extensions ?? {};
  return rest;
}

/**
 * What every export route shares: the CSV and XLSX row sinks (streamed, with backpressure),
 * the response headers, and the GraphQL-shaped JSON error answered before the first byte.
 */

export type Format = 'csv' | 'xlsx';

/** Resolves when `res` can take more (drain) or is gone (close), leaving no listener behind. */
function writable(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The client went away: stop reading rows. */
export class ExportAborted extends Error {}

/** The export ran past its wall-clock limit. */
export class ExportTimedOut extends Error {}

export interface RowSink {
  write(cells: readonly Cell[]): Promise<void> | void;
  end(): Promise<void>;
}

/** CSV, UTF-8 with a byte-order mark so Excel reads the Chinese correctly; honours backpressure. */
function csvSink(res: Response, headings: readonly string[]): RowSink {
  let pending = '';
  const flush = async () => {
    if (!pending) return;
    const chunk = pending;
    pending = '';
    if (!res.write(chunk)) await writable(res);
  };
  pending = `\uFEFF${csvLine(headings)}`;
  return {
    async write(cells) {
      if (res.destroyed) throw new ExportAborted('client closed the connection');
      pending += csvLine(cells);
      if (pending.length >= 64 * 1024) await flush();
    },
    async end() {
      await flush();
      res.end();
    },
  };
}

/** exceljs's streaming writer: rows are zipped into the response as they are committed. */
function xlsxSink(res: Response, headings: readonly string[], sheetName: string): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headings]).commit();
  let rows = 0;
  return {
    async write(cells) {
      if (res.destroyed) throw new ExportAborted('client closed the connection');
      sheet.addRow([...cells]).commit();
      // Let the zip stream drain into the socket now and then.
      if (++rows % 1000 === 0 && res.writableNeedDrain) await writable(res);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** Excel refuses sheet names over 31 characters or holding any of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return (
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet1'
  );
}

/**
 * Sets the download headers and returns the sink for `format`. The file is called
 * `<title>-<day in Jinan>.<format>`, with `asciiName` for clients that ignore `filename*`.
 */
export function startDownload(
  res: Response,
  format: Format,
  names: { ascii: string; title: string },
  headings: readonly string[],
  day: string,
): RowSink {
  const ascii = `${names.ascii.replace(/[^\w.-]/g, '_')}-${day}.${format}`;
  const utf8 = `${names.title}-${day}.${format}`;
  res.setHeader(
    'content-type',
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`);
  res.setHeader('cache-control', 'no-store');
  return format === 'csv' ? csvSink(res, headings) : xlsxSink(res, headings, sheetName(names.title));
}

/**
 * Runs `write` into `sink` and ends the file. After the headers are sent an error can only
 * cut the response, so the client sees the download fail instead of a short file.
 */
export async function finishDownload(
  ctx: Context,
  res: Response,
  label: string,
  sink: RowSink,
  write: (sink: RowSink) => Promise<void>,
): Promise<void> {
  // The whole export has a wall-clock limit (EXPORT_MAX_SECONDS): past it the download is
  // cut, as for any failure after the headers, rather than run on for minutes.
  const deadline = performance.now() + ctx.config.exportMaxSeconds * 1000;
  const timed: RowSink = {
    write(cells) {
      if (performance.now() > deadline) throw new ExportTimedOut(`export passed ${ctx.config.exportMaxSeconds} s`);
      return sink.write(cells);
    },
    end: () => sink.end(),
  };
  try {
    await write(timed);
    await sink.end();
    ctx.logger.info({ export: label }, 'export finished');
  } catch (error) {
    if (error instanceof ExportAborted) {
      ctx.logger.info({ export: label }, 'export aborted by the client');
      return;
    }
    if (error instanceof ExportTimedOut) {
      ctx.logger.warn({ export: label, seconds: ctx.config.exportMaxSeconds }, 'export cut: wall-clock limit');
      res.destroy(error);
      return;
    }
    ctx.logger.error({ err: error, export: label }, 'export failed');
    res.destroy(error as Error);
  }
}

/**
 * The GraphQL error shape (`{ errors: [{ message, extensions: { code, messageZh, … } }] }`),
 * with the request id; the HTTP status follows the first error's code.
 */
export function sendErrors(res: Response, req: Request, errors: readonly (GraphQLError | GraphQLFormattedError)[]) {
  const code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer');
  if (code === ErrorCode.SERVICE_UNAVAILABLE) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
  res.status(HTTP_STATUS[code] ?? 500).json({
    errors: errors.map((e) => ({
      message: e.message,
      ...(e.locations?.length ? { locations: e.locations } : {}),
      ...(e.path?.length ? { path: e.path } : {}),
      extensions: { ...withoutHttp(e.extensions), requestId: String(req.id) },
    })),
  });
}
