/** Where tests find PostgreSQL: TEST_DATABASE_URL, or the local trust-auth server. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Per run, so two runs on one machine never share or drop each other's databases. */
export function templateName(): string {
  return process.env.ZHUJI_TEST_TEMPLATE ?? `zhuji_test_${process.pid}`;
}
