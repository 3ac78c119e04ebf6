import { cellKey, type FigureCell } from './lineage.js';
import { FIGURES, RATINGS, type QuarterlyFigures } from './quarterly-figures.js';

const STATUS_NAMES: Record<string, string> = { '1': 'pipeline', '2': 'implementation', '3': 'finalisation', '4': 'closed', '5': 'cancelled', '6': 'suspended' };

/** The IATI activity status's name (its code when the code list has no such status). */
export const statusName = (code: string): string => STATUS_NAMES[code] ?? code;

export type { FigureCell } from './lineage.js';

/** Every figure of the report, group by group, in the order the page shows them (quarterly/2: the cells it made). */
export function figureCells(report: QuarterlyFigures): FigureCell[] {
  if (report.cells) return report.cells;
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
