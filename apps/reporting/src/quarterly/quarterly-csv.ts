import { toCsv } from '@ecab/platform';
import { figureCells } from './quarterly-cells.js';
import type { QuarterlyFigures } from './quarterly-figures.js';

/** The columns of the quarterly report as CSV; a filed report adds `lineage`. */
export const QUARTERLY_CSV_COLUMNS = ['quarter', 'group_by', 'group', 'measure', 'currency', 'period', 'value'] as const;

/**
 * The quarterly report as one CSV table (RFC 4180, CRLF), one row per figure, for ministries' spreadsheets:
 * the quarter and grouping, the group (cluster or country), what is measured (projects, status:<name>, a money
 * figure, rating:<name>), the currency (money only), the window (quarter, year-to-date, or as-at for the
 * portfolio's counts) and the value, amounts as plain decimals with a dot. A filed report's rows add the
 * address of each figure's lineage. A report with no group is the header line alone.
 */
export function quarterlyCsv(report: QuarterlyFigures, options: { lineageHref?: (cell: string) => string } = {}): string {
  const rows = figureCells(report).map((cell) => ({
    quarter: report.quarter.label,
    group_by: report.groupBy,
    group: cell.group,
    measure: cell.measure,
    currency: cell.currency,
    period: cell.period,
    value: cell.value,
    ...(options.lineageHref ? { lineage: options.lineageHref(cell.key) } : {}),
  }));
  if (rows.length > 0) return toCsv(rows);
  return `${[...QUARTERLY_CSV_COLUMNS, ...(options.lineageHref ? ['lineage'] : [])].join(',')}\r\n`;
}
