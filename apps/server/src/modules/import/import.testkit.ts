import ExcelJS from 'exceljs';
import type { ImportKind } from './import.columns.js';
import type { ImportReport } from './import.service.js';

/** What the import tests share: files built in memory and the upload endpoint. */

export type Report = ImportReport;

export const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

export async function xlsx(head: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POSTs a file to /api/import/{kind}; `token: ''` sends none. */
export function importer(base: () => string, defaultToken: () => string) {
  return async (
    kind: ImportKind,
    body: string | Buffer,
    opts: { token?: string; type?: string; dryRun?: boolean } = {},
  ): Promise<{ status: number; body: Report & { errors: any[] } }> => {
    const token = opts.token ?? defaultToken();
    const res = await fetch(`${base()}/api/import/${kind}?dryRun=${opts.dryRun ?? false}`, {
      method: 'POST',
      headers: {
        'content-type': opts.type ?? 'text/csv',
        ...(token !== '' ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}
