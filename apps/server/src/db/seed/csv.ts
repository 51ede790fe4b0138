import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `apps/server/data/`, the same three levels up from `src/db/seed/` and from `dist/db/seed/`. */
export const DATA_DIR = path.resolve(import.meta.dirname, '../../../data');

/**
 * Reads one of the CSV files in `DATA_DIR` into records keyed by the header row. Handles
 * the RFC 4180 subset those files use: commas, double-quoted fields, doubled quotes.
 */
export function readCsv(fileName: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path.join(DATA_DIR, fileName), 'utf8'));
  if (!header) throw new Error(`${fileName} is empty`);
  return rows.map((cells, i) => {
    if (cells.length !== header.length) {
      throw new Error(`${fileName} line ${i + 2}: ${cells.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, cells[j]!]));
  });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell !== ''));
}
