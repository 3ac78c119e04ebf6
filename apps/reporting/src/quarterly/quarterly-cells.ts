import { cellKey, type AmountPeriod } from './lineage.js';
import { FIGURES, RATINGS, type QuarterlyFigures } from './quarterly-figures.js';

const STATUS_NAMES: Record<string, string> = { '1': 'pipeline', '2': 'implementation', '3': 'finalisation', '4': 'closed', '5': 'cancelled', '6': 'suspended' };

/** The IATI activity status's name (its code when the code list has no such status). */
export const statusName = (code: string): string => STATUS_NAMES[code] ?? code;

/** One figure of the report as a value: what it counts, in which currency and window, and its lineage's key. */
export interface FigureCell {
  key: string;
  group: string;
  /** projects, status:<name> (pipeline, implementation…), rating:<name>, or a money figure (netCommitment, disbursed, spent, contractAwards). */
  measure: string;
  /** ISO 4217 code for money; empty for counts. */
  currency: string;
  /** quarter or year-to-date for money and ratings; as-at for counts of the portfolio as the report's events leave it. */
  period: AmountPeriod | 'as-at';
  /** A decimal amount, or a count. */
  value: string;
}

/** Every figure of the report, group by group, in the order the page shows them. */
export function figureCells(report: QuarterlyFigures): FigureCell[] {
  const cells: FigureCell[] = [];
  for (const g of report.groups) {
    cells.push({ key: cellKey.projects(g.group), group: g.group, measure: 'projects', currency: '', period: 'as-at', value: String(g.projects) });
    for (const [status, count] of Object.entries(g.byStatus).sort(([a], [b]) => a.localeCompare(b))) {
      cells.push({
        key: cellKey.status(g.group, status),
        group: g.group,
        measure: `status:${statusName(status)}`,
        currency: '',
        period: 'as-at',
        value: String(count),
      });
    }
    for (const figure of FIGURES) {
      for (const a of g.figures[figure]) {
        cells.push({
          key: cellKey.amount(g.group, figure, a.currency, 'quarter'),
          group: g.group,
          measure: figure,
          currency: a.currency,
          period: 'quarter',
          value: a.quarter,
        });
        cells.push({
          key: cellKey.amount(g.group, figure, a.currency, 'year-to-date'),
          group: g.group,
          measure: figure,
          currency: a.currency,
          period: 'year-to-date',
          value: a.yearToDate,
        });
      }
    }
    for (const rating of RATINGS) {
      cells.push({
        key: cellKey.rating(g.group, rating),
        group: g.group,
        measure: `rating:${rating}`,
        currency: '',
        period: 'quarter',
        value: String(g.ratings[rating]),
      });
    }
  }
  return cells;
}
