/**
 * A list read as one column of a larger statement: the rows of `select` as a JSON array of objects (keys
 * are its column names), `[]` when it has none, in the select's own order (the aggregate reads its sorted,
 * limited subquery in order). Several lists thus come back in one round trip. Numeric columns must be cast
 * to text in `select` (JSON would make them floats) and instants printed with `isoInstantSql`.
 */
export function jsonListSql(select: string): string {
  return `(select coalesce(json_agg(s), '[]'::json) from (${select}) s)`;
}

/** `jsonListSql` as JSON text: node-postgres hands it over unparsed, for an answer to pass on as it is (JsonText). */
export function jsonListTextSql(select: string): string {
  return `${jsonListSql(select)}::text`;
}

/** A timestamptz printed as JavaScript's `toISOString` prints it (UTC, milliseconds, truncated as node-postgres truncates). */
export function isoInstantSql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
