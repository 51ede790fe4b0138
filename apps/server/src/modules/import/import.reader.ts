import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Transform, type Duplex, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { AppError, ErrorCode } from '../../common/errors.js';

/**
 * Streaming row readers: a file is read a chunk at a time, never loaded whole, so memory
 * stays flat however large it is. The first sheet of an xlsx workbook is read; a CSV is
 * UTF-8 (with or without BOM) unless a charset such as gb18030 is given, or UTF-16 when it
 * starts with a UTF-16 byte-order mark.
 *
 * An xlsx file is a zip archive: 10 MB of it can inflate to gigabytes, and its shared
 * strings are held in memory while the sheet is read. Before exceljs reads it,
 * `checkWorkbook` refuses it past READER_LIMITS (PAYLOAD_TOO_LARGE) by the sizes its
 * central directory declares, then inflates it once through the same unzip parser exceljs
 * uses, counting bytes, for an archive that lies; that pass costs at most the limit, never
 * the bomb.
 */

const MB = 1024 * 1024;

/** The inflated size an xlsx workbook may reach; tests lower them to build small bombs. */
export const READER_LIMITS = {
  /** every entry of the archive together, inflated */
  maxUnzippedBytes: 512 * MB,
  /** xl/sharedStrings.xml inflated: exceljs keeps every shared string in memory */
  maxSharedStringsBytes: 32 * MB,
  /**
   * Lines a CSV may have, blank ones included, counted as the bytes arrive: the import's
   * row cap plus the heading (set by import.service.ts, which owns the cap).
   */
  maxLines: (): number => Number.POSITIVE_INFINITY,
};

export type FileFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** 1-based row (line) number as a spreadsheet shows it */
  row: number;
  values: unknown[];
}

/** The file itself is unreadable: not the format it claims, corrupt, not text. */
export class MalformedFileError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
    readonly row: number | null = null,
  ) {
    super(message);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** The file's format, and the charset its byte-order mark names (UTF-16), if any. */
export interface Sniffed {
  format: FileFormat | 'empty';
  charset?: 'utf-16le' | 'utf-16be';
}

/** The format the file's first bytes show (xlsx is a zip archive), checked against the declared one. */
export async function sniffFormat(path: string, declared: FileFormat | null): Promise<Sniffed> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4096), 0, 4096, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length === 0) return { format: 'empty' };
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
  // UTF-16 text is full of zero bytes; with its byte-order mark it is read as what it is.
  if (declared !== 'xlsx' && starts([0xff, 0xfe])) return { format: 'csv', charset: 'utf-16le' };
  if (declared !== 'xlsx' && starts([0xfe, 0xff])) return { format: 'csv', charset: 'utf-16be' };
  if (starts(OLE))
    throw new MalformedFileError(
      'Old .xls workbooks are not supported; save the file as .xlsx or CSV',
      '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV 后再导入',
    );
  const isZip = starts(ZIP);
  if (declared === 'xlsx' && !isZip)
    throw new MalformedFileError('The file is not a valid .xlsx workbook', '文件不是有效的 .xlsx 工作簿');
  if (declared === 'csv' && isZip)
    throw new MalformedFileError(
      'The file is an .xlsx workbook, not CSV; send it with the xlsx content type',
      '文件是 .xlsx 工作簿而不是 CSV，请以 xlsx 类型上传',
    );
  if (!isZip && head.includes(0)) {
    if (looksLikeUtf16(head))
      throw new MalformedFileError(
        'The CSV file looks like UTF-16 without a byte-order mark; save it as UTF-8 CSV (or UTF-16 with its byte-order mark)',
        'CSV 文件似乎是不带字节顺序标记（BOM）的 UTF-16 编码，请另存为 UTF-8 CSV（或带 BOM 的 UTF-16）',
      );
    throw new MalformedFileError('The file is not a text (CSV) file', '文件不是文本（CSV）文件');
  }
  return { format: isZip ? 'xlsx' : 'csv' };
}

/** Every other byte zero, from the first or the second: ASCII-range text in UTF-16. */
function looksLikeUtf16(head: Buffer): boolean {
  const n = Math.min(head.length - (head.length % 2), 512);
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return even / pairs > 0.4 || odd / pairs > 0.4;
}

export function tooLargeToImport(message: string, messageZh: string, limit: number): AppError {
  return new AppError(ErrorCode.PAYLOAD_TOO_LARGE, message, messageZh, { limit });
}

interface UnzipEntry extends Readable {
  path: string;
}
const unzipper = createRequire(import.meta.url)('unzipper') as {
  Parse(options: { forceStream: true }): Duplex & AsyncIterable<UnzipEntry>;
};

/**
 * Inflates the workbook once, counting, and refuses it when it inflates past
 * READER_LIMITS (the whole archive, or its shared strings). Uses exceljs's own unzip
 * parser, so it measures exactly what exceljs would read. `signal` stops it.
 */
export async function checkWorkbook(path: string, signal?: AbortSignal): Promise<void> {
  // What the archive declares is checked first, in milliseconds; an archive that lies about
  // its sizes is caught by the count below.
  const declared = await declaredSizes(path);
  if (declared) checkSizes(declared.total, declared.sharedStrings);
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  const zip = unzipper.Parse({ forceStream: true });
  source.on('error', (e) => zip.destroy(e));
  source.pipe(zip);
  // A truncated archive leaves unzipper waiting for bytes that never come (its last write
  // is never acknowledged, so it never sees the end): once the whole file has been handed
  // over, a parser that makes no progress for STALL_MS is reading a truncated file.
  let current: UnzipEntry | undefined;
  let sourceEnded = false;
  let progress = performance.now();
  const truncated = () => new Error('unexpected end of the archive');
  zip.on('error', (e) => current?.destroy(e));
  source.on('end', () => (sourceEnded = true));
  const watchdog = setInterval(() => {
    if (sourceEnded && performance.now() - progress > STALL_MS) {
      if (current) current.destroy(truncated());
      else zip.destroy(truncated());
    }
  }, STALL_MS / 4);
  let total = 0;
  try {
    for await (const entry of zip) {
      current = entry;
      progress = performance.now();
      const shared = entry.path === 'xl/sharedStrings.xml';
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        progress = performance.now();
        signal?.throwIfAborted();
        size += chunk.length;
        total += chunk.length;
        checkSizes(total, shared ? size : 0);
      }
    }
  } catch (error) {
    if (error instanceof AppError || signal?.aborted) throw error;
    throw new MalformedFileError(
      `The .xlsx workbook could not be read: ${(error as Error).message}`,
      '无法读取 .xlsx 工作簿，文件可能已损坏',
    );
  } finally {
    clearInterval(watchdog);
    source.destroy();
    zip.destroy();
  }
}

const STALL_MS = 400;

function checkSizes(total: number, sharedStrings: number): void {
  if (sharedStrings > READER_LIMITS.maxSharedStringsBytes)
    throw tooLargeToImport(
      `The workbook's shared strings exceed ${READER_LIMITS.maxSharedStringsBytes} bytes; save it as CSV or split it`,
      `工作簿的共享字符串超过 ${Math.round(READER_LIMITS.maxSharedStringsBytes / MB)} MB，请另存为 CSV 或拆分`,
      READER_LIMITS.maxSharedStringsBytes,
    );
  if (total > READER_LIMITS.maxUnzippedBytes)
    throw tooLargeToImport(
      `The workbook inflates to more than ${READER_LIMITS.maxUnzippedBytes} bytes; split it into several files`,
      `工作簿解压后超过 ${Math.round(READER_LIMITS.maxUnzippedBytes / MB)} MB，请拆分为多个文件`,
      READER_LIMITS.maxUnzippedBytes,
    );
}

/**
 * The inflated sizes the archive's central directory declares (zip64's 0xFFFFFFFF counts as
 * over any limit); undefined when there is no readable directory (the count decides).
 */
async function declaredSizes(path: string): Promise<{ total: number; sharedStrings: number } | undefined> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return undefined;
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > size || cdSize > 16 * MB) return undefined;
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    let total = 0;
    let sharedStrings = 0;
    for (let at = 0; at + 46 <= cd.length && cd.readUInt32LE(at) === 0x02014b50;) {
      const inflated = cd.readUInt32LE(at + 24);
      const nameLength = cd.readUInt16LE(at + 28);
      const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
      const bytes = inflated === 0xffffffff ? Number.POSITIVE_INFINITY : inflated;
      total += bytes;
      if (name === 'xl/sharedStrings.xml') sharedStrings = bytes;
      at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    return { total, sharedStrings };
  } finally {
    await fh.close();
  }
}

export function readRows(path: string, format: FileFormat, charset = 'utf-8'): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsx(path) : readCsv(path, charset);
}

async function* readXlsx(path: string): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // styles tell dates from numbers
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        yield {
          row: row.number,
          values: Array.isArray(values) ? values.slice(1).map((v, i) => cellValue(v, row.number, i + 1)) : [],
        };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof MalformedFileError) throw error;
    throw new MalformedFileError(
      `The .xlsx workbook could not be read: ${(error as Error).message}`,
      '无法读取 .xlsx 工作簿，文件可能已损坏',
    );
  }
}

function columnName(n: number): string {
  let name = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/**
 * A cell as the import reads it: a formula is its cached result (what Excel showed when the
 * file was saved); a formula with none, or a value of a kind the columns cannot read, is
 * refused naming the cell rather than read as "[object Object]".
 */
function cellValue(value: unknown, row: number, column: number): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const o = value as {
    formula?: unknown;
    sharedFormula?: unknown;
    result?: unknown;
    richText?: unknown;
    text?: unknown;
    error?: unknown;
  };
  if ('formula' in o || 'sharedFormula' in o) {
    if (
      o.result === undefined ||
      o.result === null ||
      (typeof o.result === 'object' && !(o.result instanceof Date) && !('error' in (o.result as object)))
    )
      throw new MalformedFileError(
        `Cell ${columnName(column)}${row} holds a formula with no saved value; open the file in Excel, save it, and import again (or paste values)`,
        `单元格 ${columnName(column)}${row} 是没有保存计算结果的公式，请在 Excel 中打开并保存后重新导入（或粘贴为数值）`,
        row,
      );
    return cellValue(o.result, row, column);
  }
  if (Array.isArray(o.richText) || 'text' in o || 'error' in o) return value;
  throw new MalformedFileError(
    `Cell ${columnName(column)}${row} holds a value that cannot be imported; type it as plain text or a number`,
    `单元格 ${columnName(column)}${row} 的内容无法导入，请改为普通文本或数字`,
    row,
  );
}

function decoder(charset: string): Transform {
  let d: InstanceType<typeof TextDecoder>;
  try {
    d = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new MalformedFileError(`Unknown charset ${charset}`, `不支持的字符编码 ${charset}`);
  }
  const fail = () =>
    new MalformedFileError(
      `The CSV file is not valid ${charset}; save it as UTF-8 CSV or declare its charset (e.g. text/csv; charset=gb18030)`,
      `CSV 文件不是有效的 ${charset} 编码，请另存为 UTF-8 CSV，或在 Content-Type 中注明编码（如 charset=gb18030）`,
    );
  let lines = 0;
  const maxLines = READER_LIMITS.maxLines();
  const tooManyLines = () =>
    new MalformedFileError(
      `The file has more than ${maxLines - 1} rows (blank rows count); split it into several files`,
      `文件超过 ${maxLines - 1} 行（空行也计入），请拆分为多个文件`,
      maxLines,
    );
  // Re-encoded as UTF-8 in pieces of CSV_PIECE bytes: csv-parse's cost per record grows
  // with the size of the chunk it holds (a 256 KB chunk of blank lines took 1 ms a line).
  function emit(self: Transform, text: string): Error | null {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (++lines > maxLines) return tooManyLines();
    }
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += CSV_PIECE) self.push(bytes.subarray(i, i + CSV_PIECE));
    return null;
  }
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, cb) {
      let text: string;
      try {
        text = d.decode(chunk, { stream: true });
      } catch {
        return cb(fail());
      }
      cb(emit(this, text));
    },
    flush(cb) {
      let text: string;
      try {
        text = d.decode();
      } catch {
        return cb(fail());
      }
      cb(emit(this, text));
    },
  });
}

const CSV_PIECE = 16 * 1024;

async function* readCsv(path: string, charset: string): AsyncGenerator<SheetRow> {
  const dec = decoder(charset);
  // Empty lines are skipped by the parser (cheaply) and counted by the decoder (capped).
  const parser = parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true });
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  source.on('error', (e) => parser.destroy(e));
  dec.on('error', (e) => parser.destroy(e));
  source.pipe(dec).pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: info.lines, values: record };
    }
  } catch (error) {
    if (error instanceof MalformedFileError) throw error;
    const e = error as Error & { lines?: number };
    throw new MalformedFileError(
      `The CSV file could not be parsed: ${e.message}`,
      `CSV 文件格式错误（第 ${e.lines ?? '?'} 行附近），请检查引号与分隔符`,
      e.lines ?? null,
    );
  } finally {
    source.destroy();
  }
}
