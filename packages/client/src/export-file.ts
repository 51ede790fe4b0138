import { print, type DocumentNode } from 'graphql';
import { getToken } from './session';

const authorization = (): Record<string, string> => {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

/** Turns the server's answer into a file download, or throws its error message. */
async function saveResponse(response: Response, fileName: string): Promise<void> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/**
 * Downloads a server export with the session's token: a plain link cannot send the
 * Authorization header, so fetch it as a blob and hand that to the browser.
 */
export async function downloadExport(path: string, fileName: string): Promise<void> {
  await saveResponse(await fetch(path, { headers: authorization() }), fileName);
}

export interface ExportColumn {
  /** dotted path into one node of the connection, by response key: `district.name`, `members.nodes.school.name` */
  path: string;
  /** the column's heading in the file (the path when omitted) */
  heading?: string;
}

export interface ExportQueryOptions {
  /**
   * A query selecting exactly one connection field at its top level, with the rows under
   * `nodes { … }` or `edges { node { … } }`: typically the table's own list query. Its
   * `first`/`after`/`last`/`before` arguments are ignored; the server pages through everything.
   */
  query: string | DocumentNode;
  /** the table's current variables (filter, orderBy, …) */
  variables?: Record<string, unknown>;
  columns: readonly ExportColumn[];
  /** the download's file name, e.g. `协作组织.xlsx` */
  fileName: string;
  /** xlsx by default */
  format?: 'xlsx' | 'csv';
  /** the sheet's name and the server's file name; the file name without its extension when omitted */
  title?: string;
  /** server origin and prefix; same origin by default */
  baseUrl?: string;
}

/**
 * Exports every row of a connection, with the table's filters and sort, through
 * `POST /api/export/query.{xlsx,csv}`. The server runs the query as the signed-in viewer
 * (same scope and masking as the table) and streams the file. Throws the server's message
 * (e.g. too many rows, or a column path the query does not select).
 */
export async function exportQuery(options: ExportQueryOptions): Promise<void> {
  const format = options.format ?? 'xlsx';
  const response = await fetch(`${options.baseUrl ?? ''}/api/export/query.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization() },
    body: JSON.stringify({
      query: typeof options.query === 'string' ? options.query : print(options.query),
      variables: options.variables ?? {},
      columns: options.columns,
      title: options.title ?? options.fileName.replace(/\.[^.]+$/, ''),
    }),
  });
  await saveResponse(response, options.fileName);
}
