/**
 * `$n, $n+1, …` for a list spliced into raw SQL. PGlite cannot bind array parameters
 * (`= ANY($1)`), so lists are always spelled out, one parameter per value.
 */
export function placeholders(values: readonly unknown[], firstIndex: number): string {
  return values.length ? values.map((_, i) => `$${firstIndex + i}`).join(', ') : 'NULL';
}
