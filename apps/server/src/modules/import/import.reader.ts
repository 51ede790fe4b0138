import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';

/**
 * Streaming row readers: a file is read a chunk at a time, never loaded whole, so memory
 * stays flat however large it is. The first sheet of an xlsx workbook is read; a CSV is
 * UTF-8 (with or without BOM) unless a charset such as gb18030 is given.
 */

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

/** The format the file's first bytes show (xlsx is a zip archive), checked against the declared one. */
export async function sniffFormat(path: string, declared: FileFormat | null): Promise<FileFormat | 'empty'> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4096), 0, 4096, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length === 0) return 'empty';
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
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
  if (!isZip && head.includes(0))
    throw new MalformedFileError('The file is not a text (CSV) file', '文件不是文本（CSV）文件');
  return isZip ? 'xlsx' : 'csv';
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
        yield { row: row.number, values: Array.isArray(values) ? values.slice(1) : [] };
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
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, cb) {
      try {
        cb(null, d.decode(chunk, { stream: true }));
      } catch {
        cb(fail());
      }
    },
    flush(cb) {
      try {
        cb(null, d.decode());
      } catch {
        cb(fail());
      }
    },
  });
}

async function* readCsv(path: string, charset: string): AsyncGenerator<SheetRow> {
  const dec = decoder(charset);
  const parser = parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: false });
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
