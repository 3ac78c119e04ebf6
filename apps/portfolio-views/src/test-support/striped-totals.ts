import { VIEW_FAMILIES } from '../projections/view-families.js';

/** The totals kept in stripes (BatchRows.add): what identifies a total, and what is summed over its stripes. */
const STRIPED_TOTALS: Readonly<Record<string, { by: readonly string[]; sums: readonly string[] }>> = {
  cluster_money: { by: ['cluster', 'currency'], sums: ['committed', 'disbursed'] },
  cluster_projects: { by: ['cluster'], sums: ['projects'] },
};

const striped = VIEW_FAMILIES.flatMap((f) => f.tables).filter((t) => t.key.at(-1) === 'stripe');
for (const table of striped) {
  if (!STRIPED_TOTALS[table.name]) throw new Error(`test-support/striped-totals.ts does not know the striped table ${table.name}`);
}

/**
 * A `select` of a read table's rows to compare two generations by: a striped total's rows summed over their
 * stripes (which stripe a batch adds to is drawn at random), any other table's rows as they are.
 */
export function comparableRows(schema: string, table: string): string {
  const totals = STRIPED_TOTALS[table];
  if (!totals) return `select * from ${schema}.${table}`;
  const by = totals.by.join(', ');
  return `select ${by}, ${totals.sums.map((c) => `sum(${c}) as ${c}`).join(', ')} from ${schema}.${table} group by ${by}`;
}
