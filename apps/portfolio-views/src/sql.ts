/** Runs one SQL statement on the projection's (or a query's) connection; rows as node-postgres returns them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each caller's own annotation
export type Sql = (text: string, params?: readonly unknown[]) => Promise<any[]>;
