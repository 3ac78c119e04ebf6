import { toCsv } from '@ecab/platform';
import { figureCells } from './quarterly-cells.js';
import type { QuarterlyFigures } from './quarterly-figures.js';

/** quarterly/2's CSV columns; a filed report adds `lineage`. */
export const REPORT_CSV_COLUMNS = ['quarter', 'group_by', 'group', 'measure', 'currency', 'period', 'value', 'note'] as const;
/** quarterly/3's: `item` names the row of a list, the scorecard or the KPIs. */
export const REPORT_CSV_COLUMNS_3 = ['quarter', 'group_by', 'group', 'measure', 'currency', 'period', 'item', 'value', 'note'] as const;

const isEdition3 = (report: QuarterlyFigures) => (report as { edition?: string }).edition === 'quarterly/3';

/**
 * quarterly/2's figures as one CSV table (RFC 4180, CRLF), one row per figure, in page order: per group (and
 * `programme`) the counts at the quarter's end (`as-at`), the quarter's ratings, the money per currency as recorded
 * (netCommitment, disbursed, spent, contractAwards, undisbursed, uncontracted) and its USD equivalent (measure
 * `<figure>:usd`; currency `all` for all currencies together) for the quarter, the year to date and cumulatively,
 * and the ratios (disbursementRatio, contractAwardRatio: 4 decimals; `all` computed in USD). `value` is empty
 * where the figure cannot be given and `note` says why (a missing exchange rate, a ratio without a base). The
 * lists, scorecard and KPIs are tables of their own: in the page and the XLSX workbook.
 *
 * quarterly/3 adds them (period `quarter-end`, column `item` naming the row): after each group's money its own
 * lists (measure `list:<list>`, item the agreement id or `<project>/<milestone>`, value the list's figure: days
 * since signing, the closing date, the amount cancelled, days overdue) and scorecard (measure
 * `indicator:<indicator>`, item `<project>/<indicator>`, value the progress), and at the end the programme-wide
 * lists, governance actions past due (item the action), scorecard and KPIs (measure `kpi:<kpi>`), of group `programme`.
 */
export function reportCsv(report: QuarterlyFigures, options: { lineageHref?: (cell: string) => string } = {}): string {
  const withItems = isEdition3(report);
  const rows = figureCells(report)
    .filter((cell) => withItems || cell.period !== 'quarter-end')
    .map((cell) => ({
      quarter: report.quarter.label,
      group_by: report.groupBy,
      group: cell.group,
      measure: cell.measure,
      currency: cell.currency,
      period: cell.period,
      ...(withItems ? { item: cell.item ?? '' } : {}),
      value: cell.value,
      note: cell.note ?? '',
      ...(options.lineageHref ? { lineage: options.lineageHref(cell.key) } : {}),
    }));
  if (rows.length > 0) return toCsv(rows);
  return `${[...(withItems ? REPORT_CSV_COLUMNS_3 : REPORT_CSV_COLUMNS), ...(options.lineageHref ? ['lineage'] : [])].join(',')}\r\n`;
}
