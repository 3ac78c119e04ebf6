import { randomInt } from 'node:crypto';
import type { Sql } from '../sql.js';

/**
 * Stripes of a total every batch adds to (a table whose key ends with `stripe`): each batch adds to a
 * stripe it draws, so batches applying at once seldom wait for each other's row lock, which is held until
 * their commit, its WAL flush included; a reader sums the stripes.
 */
export const TOTAL_STRIPES = 8;

/** A read-table row in memory: column → value (text for numeric and dates, ISO-8601 UTC for timestamps, objects for jsonb). */
export type Row = Record<string, unknown>;

type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'json';

interface Column {
  readonly name: string;
  readonly kind: ColumnKind;
  /** The PostgreSQL type, for casting a key given as text. */
  readonly type: string;
}

/** A read table as the catalog of its generation describes it, with the key its family declared. */
export interface TableShape {
  readonly name: string;
  readonly key: readonly string[];
  readonly columns: readonly Column[];
}

const KINDS: Readonly<Record<string, ColumnKind>> = {
  integer: 'number',
  smallint: 'number',
  boolean: 'boolean',
  date: 'date',
  'timestamp with time zone': 'timestamp',
  jsonb: 'json',
  json: 'json',
};

/** The columns of every table of a generation (one catalog query), with the keys the families declared. */
export async function readTableShapes(sql: Sql, schema: string, keys: ReadonlyMap<string, readonly string[]>): Promise<Map<string, TableShape>> {
  const rows: { table_name: string; column_name: string; data_type: string }[] = await sql(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = $1 order by table_name, ordinal_position`,
    [schema],
  );
  const shapes = new Map<string, TableShape>();
  for (const [name, key] of keys) {
    const columns = rows
      .filter((r) => r.table_name === name)
      .map((r) => ({ name: r.column_name, kind: KINDS[r.data_type] ?? 'text', type: r.data_type === 'USER-DEFINED' ? 'text' : r.data_type }));
    if (columns.length === 0) throw new Error(`read table ${schema}.${name} does not exist`);
    shapes.set(name, { name, key, columns });
  }
  return shapes;
}

interface TableState {
  readonly shape: TableShape;
  /** Rows read from the table or made in this batch, by key. */
  readonly rows: Map<string, Row>;
  readonly dirty: Set<string>;
  /** Rows only ever inserted (one per event): never read back, written with `on conflict do nothing`. */
  readonly appended: Row[];
  /** Loads asked for, per column list: the tuples of values to match. */
  readonly wanted: Map<string, Map<string, readonly string[]>>;
  /** Amounts to add to rows never read (totals shared by every batch): added by the database at flush. */
  readonly added: Row[];
}

/**
 * The rows one batch of events reads and changes, held in memory: every family says which rows an event
 * needs (`need`), they are read in one statement per table and column list (`load`), the events change
 * them in memory in order (`get`, `put`, `append`, `where`), and the changed rows are written back in one
 * statement per table (`flush`), in the order the tables were declared (a row others refer to first).
 * A batch of a thousand events is some twenty statements instead of several per event.
 */
export class BatchRows {
  private readonly tables = new Map<string, TableState>();
  /** The stripe this batch adds to in striped totals. */
  private readonly stripe = randomInt(TOTAL_STRIPES);

  constructor(private readonly shapes: ReadonlyMap<string, TableShape>) {}

  /**
   * The rows of `table` whose `by` columns (its key if omitted) hold `values`: read before the batch
   * applies. With a prefix of the key (or another column list), every row matching is read.
   */
  need(table: string, values: readonly unknown[], by?: readonly string[]): void {
    const state = this.state(table);
    const columns = by ?? state.shape.key;
    if (columns.length !== values.length) throw new Error(`${table}: ${values.length} values for ${columns.join(', ')}`);
    const list = columns.join(',');
    let wanted = state.wanted.get(list);
    if (!wanted) state.wanted.set(list, (wanted = new Map<string, readonly string[]>()));
    const key = keyText(values);
    if (!wanted.has(key)) wanted.set(key, values.map(String));
  }

  /** Reads every row needed: one statement per table and column list. */
  async load(sql: Sql): Promise<void> {
    for (const state of this.tables.values()) {
      for (const [by, wanted] of state.wanted) {
        const columns = by.split(',');
        const tuples = [...wanted.values()];
        const { shape } = state;
        const type = (name: string): string => shape.columns.find((c) => c.name === name)?.type ?? 'text';
        const rows: Row[] = await sql(
          `select ${shape.columns.map(selectColumn).join(', ')}
             from ${shape.name} t join unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) as k(${columns.map((_, i) => `k${i}`).join(', ')})
               on ${columns.map((c, i) => `t.${c} = k.k${i}::${type(c)}`).join(' and ')}`,
          columns.map((_, i) => tuples.map((t) => t[i])),
        );
        for (const row of rows) {
          const key = this.keyOf(shape, row);
          if (!state.rows.has(key)) state.rows.set(key, row);
        }
      }
      state.wanted.clear();
    }
  }

  /** The row with this key, if it exists (it must have been needed, or made in this batch). */
  get<R extends Row = Row>(table: string, key: readonly unknown[]): R | undefined {
    return this.state(table).rows.get(keyText(key)) as R | undefined;
  }

  /** The rows in memory whose columns equal `match` (those needed by these columns, and those made in this batch). */
  where<R extends Row = Row>(table: string, match: Readonly<Row>): R[] {
    const state = this.state(table);
    const entries = Object.entries(match);
    const found: R[] = [];
    // Both collections walked in place: copying them into one array cost a copy of every row per call.
    for (const row of state.rows.values()) if (entries.every(([c, v]) => row[c] === v)) found.push(row as R);
    for (const row of state.appended) if (entries.every(([c, v]) => row[c] === v)) found.push(row as R);
    return found;
  }

  /** Makes or replaces a row (every column given: a missing one is written as null). */
  put(table: string, row: Row): void {
    const state = this.state(table);
    const key = this.keyOf(state.shape, row);
    state.rows.set(key, row);
    state.dirty.add(key);
  }

  /** Changes some columns of a row in memory and marks it to be written. */
  update<R extends Row = Row>(table: string, row: R, changes: Partial<R>): void {
    Object.assign(row, changes);
    this.put(table, row);
  }

  /** A row that is only ever inserted (a redelivered one is left as it is). */
  append(table: string, row: Row): void {
    this.state(table).appended.push(row);
  }

  /**
   * Adds `amounts` (numeric columns) to the row with this key, made with them when it does not exist: a
   * total many batches change at once (a cluster's), never read by the projection. The database adds
   * them at flush, so batches applying concurrently each add their own instead of writing back what
   * they read (no lost update). A striped table's key leaves out `stripe`: the batch's own is added.
   */
  add(table: string, key: Readonly<Row>, amounts: Readonly<Record<string, string | number>>): void {
    const state = this.state(table);
    const striped = state.shape.key.at(-1) === 'stripe';
    state.added.push(striped ? { ...key, stripe: this.stripe, ...amounts } : { ...key, ...amounts });
  }

  /**
   * Writes what changed: per table, one upsert of its changed rows and one insert of its appended rows;
   * then the additions, one statement per table, last (so a total shared with concurrent batches stays
   * locked only until the commit that follows), their rows in key order (every batch locks them in the
   * same order: no deadlock).
   */
  async flush(sql: Sql): Promise<void> {
    for (const table of this.shapes.keys()) {
      const state = this.tables.get(table);
      if (!state) continue;
      const { shape } = state;
      const changed = [...state.dirty].map((key) => state.rows.get(key)!);
      if (changed.length > 0) {
        const assignments = shape.columns.filter((c) => !shape.key.includes(c.name)).map((c) => `${c.name} = excluded.${c.name}`);
        await sql(
          `${insertRows(shape)} on conflict (${shape.key.join(', ')}) do ${assignments.length > 0 ? `update set ${assignments.join(', ')}` : 'nothing'}`,
          [JSON.stringify(changed)],
        );
      }
      if (state.appended.length > 0) await sql(`${insertRows(shape)} on conflict do nothing`, [JSON.stringify(state.appended)]);
    }
    for (const table of this.shapes.keys()) {
      const state = this.tables.get(table);
      if (state && state.added.length > 0) await sql(addRows(state.shape), [JSON.stringify(state.added)]);
    }
  }

  private state(table: string): TableState {
    let state = this.tables.get(table);
    if (!state) {
      const shape = this.shapes.get(table);
      if (!shape) throw new Error(`no read table ${table}`);
      state = { shape, rows: new Map(), dirty: new Set(), appended: [], wanted: new Map(), added: [] };
      this.tables.set(table, state);
    }
    return state;
  }

  private keyOf(shape: TableShape, row: Row): string {
    return shape.key.length === 1 ? String(row[shape.key[0]!]) : keyText(shape.key.map((c) => row[c]));
  }
}

/**
 * A row's key in memory: its values as text, joined by NUL (which no PostgreSQL text holds, so two keys
 * never run together); a one-column key is its value's text. Asked for several times an event.
 */
function keyText(values: readonly unknown[]): string {
  return values.length === 1 ? String(values[0]) : values.map(String).join('\u0000');
}

/** Reads a column in the form rows are kept in memory and written back in. */
function selectColumn(column: Column): string {
  switch (column.kind) {
    case 'timestamp':
      return `to_char(t.${column.name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column.name}`;
    case 'number':
    case 'boolean':
    case 'json':
      return `t.${column.name}`;
    default:
      return `t.${column.name}::text as ${column.name}`;
  }
}

/**
 * `insert … select` of rows given as one JSON array of objects, read as rows of the table's own type (a
 * missing column is null; text, numbers and objects convert as the columns' input functions read them).
 * One JSON text costs the client far less than an array literal per column, whose every element (a whole
 * event's data, for the activity) it would escape.
 */
function insertRows(shape: TableShape): string {
  const names = shape.columns.map((c) => c.name).join(', ');
  return `insert into ${shape.name} (${names}) select ${names} from json_populate_recordset(null::${shape.name}, $1::json)`;
}

/** The additions of a batch (one JSON array, as for `insertRows`) summed per key, then added to the rows (made when missing), in key order. */
function addRows(shape: TableShape): string {
  const amounts = shape.columns.filter((c) => !shape.key.includes(c.name)).map((c) => c.name);
  const names = shape.columns.map((c) => c.name);
  return `insert into ${shape.name} (${names.join(', ')})
          select ${names.map((n) => (amounts.includes(n) ? `sum(${n})` : n)).join(', ')}
            from json_populate_recordset(null::${shape.name}, $1::json) as added
           group by ${shape.key.join(', ')} order by ${shape.key.join(', ')}
          on conflict (${shape.key.join(', ')}) do update set ${amounts.map((n) => `${n} = ${shape.name}.${n} + excluded.${n}`).join(', ')}`;
}
