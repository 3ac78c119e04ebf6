import { createHash } from 'node:crypto';

/** Runs one SQL statement on the projection's (or a query's) connection; rows as node-postgres returns them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each caller's own annotation
export type Sql = (text: string, params?: readonly unknown[]) => Promise<any[]>;

/** Distinct statements a process prepares at most (PostgreSQL keeps each one per connection); any further one runs unnamed. */
export const MAX_PREPARED_STATEMENTS = 300;

/**
 * The names of named prepared statements: derived from the statement's text (and a scope, such as the
 * generation whose tables it names), so every instance and connection agrees on them; none past
 * `MAX_PREPARED_STATEMENTS`, so statements made from changing text cannot fill every connection's memory.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  nameOf(text: string, scope = ''): string | undefined {
    const key = scope === '' ? text : `${scope}\u0000${text}`;
    const known = this.#names.get(key);
    if (known !== undefined || this.#names.size >= MAX_PREPARED_STATEMENTS) return known;
    const name = `${this.prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
    this.#names.set(key, name);
    return name;
  }
}
