import { getToken, sessionExpired } from '@zhuji/client/session';

export const IMPORT_KINDS = ['schools', 'teachers', 'memberships', 'trusteeships'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The server's report (apps/server/src/modules/import/import.service.ts ImportReport). */
export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string | null; value: string | null; message: string; messageZh: string }[];
  errorCount: number;
}

export class ImportRequestError extends Error {
  constructor(
    message: string,
    readonly messageZh: string | undefined,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function isImportable(file: { name: string }): boolean {
  return /\.(xlsx|csv)$/i.test(file.name);
}

/**
 * Sends the file itself (not multipart) to POST /api/import/{kind}: 200 or 422 carry the
 * report (422: some rows are bad, nothing written); anything else is a refusal with an error.
 */
export async function uploadImport(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportReport> {
  const token = getToken();
  const response = await fetch(`/api/import/${kind}?dryRun=${dryRun}`, {
    method: 'POST',
    headers: {
      'content-type': /\.xlsx$/i.test(file.name) ? XLSX_MIME : 'text/csv',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as
    | (ImportReport & { errors?: unknown })
    | { errors?: { message: string; extensions?: { code?: string; messageZh?: string } }[] }
    | null;
  // An expired session: the console sends the user to sign in, as for GraphQL requests.
  if (response.status === 401 && token) sessionExpired();
  if ((response.status === 200 || response.status === 422) && body && 'rows' in body) return body;
  const first = (body?.errors as { message: string; extensions?: { code?: string; messageZh?: string } }[])?.[0];
  throw new ImportRequestError(
    first?.message ?? `HTTP ${response.status}`,
    first?.extensions?.messageZh,
    first?.extensions?.code,
  );
}
