import type { PortfolioEvent } from '@ecab/contracts';
import { foldPortfolioFacts } from '../iati/fold-events.js';
import { ExchangeRates, type MissingRate } from './exchange-rates.js';
import { groupLists, programmeRowCells, type GroupLists } from './group-lists.js';
import { cellKey, LineageCollector, type FigureCell } from './lineage.js';
import { PROGRAMME_GROUP, portfolioMoney } from './portfolio-money.js';
import { quarterFacts } from './quarter-facts.js';
import type { Quarter } from './quarter.js';
import { statusName } from './quarterly-cells.js';
import { quarterlyFigures, RATINGS, type GroupFigures, type Grouping, type QuarterlyFigures } from './quarterly-figures.js';
import { quarterlyLists, type QuarterlyLists } from './quarterly-lists.js';
import { programmeKpis, resultsScorecard, type KpiRow, type ScorecardRow } from './scorecard.js';

/** The code versions quarterlyReport writes: quarterly/3 adds each group's own lists and scorecard. */
export const REPORT_EDITIONS = ['quarterly/2', 'quarterly/3'] as const;
export type ReportEdition = (typeof REPORT_EDITIONS)[number];
/** The version the live report and new filings are made with. */
export const CURRENT_EDITION: ReportEdition = 'quarterly/3';

/** quarterly/2's (and 3's) report: quarterly/1's figures, every figure as a cell, and the further content. */
export interface QuarterlyReport extends QuarterlyFigures {
  /** The code version that made it (its page, CSV and workbook are written as that version writes them). */
  edition: ReportEdition;
  /** Every figure of the report in page order: per group (and the programme) its counts, money and ratios; then the lists' rows, the scorecard, the KPIs. */
  cells: FigureCell[];
  content: QuarterlyContent;
}

/** What quarterly/2 adds to quarterly/1's figures. */
export interface QuarterlyContent {
  /** The programme's counts (every project once). */
  programme: GroupFigures;
  lists: QuarterlyLists;
  scorecard: ScorecardRow[];
  kpis: KpiRow[];
  /** quarterly/3: each group's own lists and scorecard, in the groups' order (quarterly/2: undefined). */
  groupLists?: GroupLists[];
  /** Every exchange rate a USD figure lacked: each such figure is empty and names it. */
  missingRates: MissingRate[];
}

/**
 * The quarterly portfolio report of quarterly/2, shaped after ADB's quarterly portfolio update, everything as it
 * stood at the quarter's end and made only from the events given (so the same events give the same report):
 * quarterly/1's figures with projects counted by their status at the quarter's end, plus per group and for the
 * whole programme the money as recorded and in USD at the value date (portfolio-money.ts) with the disbursement
 * and contract-award ratios, the lists (quarterly-lists.ts), the results scorecard and the programme's KPIs
 * against their targets (scorecard.ts). Every figure and row has its lineage.
 * quarterly/3 (the current edition) gives each group, besides, its own lists and scorecard (group-lists.ts), the
 * programme-wide ones staying at programme level; quarterly/2 is kept as it was for the filings made with it.
 */
export function quarterlyReport(
  events: readonly PortfolioEvent[],
  quarter: Quarter,
  groupBy: Grouping,
  edition: ReportEdition = CURRENT_EDITION,
): QuarterlyReport {
  const base = quarterlyFigures(events, quarter, groupBy, { statusAtQuarterEnd: true });
  const byCluster = groupBy === 'cluster' ? base : quarterlyFigures(events, quarter, 'cluster', { statusAtQuarterEnd: true });
  const facts = foldPortfolioFacts(events);
  const rates = new ExchangeRates(events);
  const atEnd = quarterFacts(events, quarter);
  const lineage = new LineageCollector(events);
  for (const [key, ids] of base.lineage) lineage.add(key, ids);

  const programme = programmeCounts(byCluster, lineage);
  const money = portfolioMoney(events, facts, atEnd.agreements, rates, quarter, groupBy, lineage);
  const lists = quarterlyLists(facts, atEnd, quarter, rates, lineage);
  const scorecard = resultsScorecard(facts, atEnd, lineage);
  const kpis = programmeKpis(atEnd, quarter, lineage);

  // quarterly/3: each group's lists and scorecard follow its money; the programme-wide ones stay at the end.
  const perGroup =
    edition === 'quarterly/3'
      ? groupLists(
          base.groups.map((g) => g.group),
          facts,
          groupBy,
          { lists: lists.lists, scorecard: scorecard.rows, cells: [...lists.cells, ...scorecard.cells] },
          lineage,
        )
      : undefined;
  const cells: FigureCell[] = [];
  for (const g of [...base.groups, programme]) {
    cells.push(...countCells(g));
    cells.push(...money.filter((c) => c.group === g.group));
    cells.push(...(perGroup?.cells.get(g.group) ?? []));
  }
  const rowCells = [...lists.cells, ...scorecard.cells, ...kpis.cells];
  cells.push(...(perGroup ? programmeRowCells(rowCells) : rowCells));
  return {
    ...base,
    edition,
    lineage: lineage.result(),
    cells,
    content: {
      programme,
      lists: lists.lists,
      scorecard: scorecard.rows,
      kpis: kpis.rows,
      ...(perGroup ? { groupLists: perGroup.groups } : {}),
      missingRates: rates.missing(),
    },
  };
}

/** The whole programme's counts: each project once (its cluster's counts added up), with the events behind them. */
function programmeCounts(byCluster: QuarterlyFigures, lineage: LineageCollector): GroupFigures {
  const programme: GroupFigures = {
    group: PROGRAMME_GROUP,
    projects: 0,
    byStatus: {},
    figures: { netCommitment: [], disbursed: [], spent: [], contractAwards: [] },
    ratings: { on_track: 0, for_attention: 0, at_risk: 0 },
  };
  for (const g of byCluster.groups) {
    programme.projects += g.projects;
    lineage.add(cellKey.projects(PROGRAMME_GROUP), byCluster.lineage.get(cellKey.projects(g.group)) ?? []);
    for (const [status, count] of Object.entries(g.byStatus)) {
      programme.byStatus[status] = (programme.byStatus[status] ?? 0) + count;
      lineage.add(cellKey.status(PROGRAMME_GROUP, status), byCluster.lineage.get(cellKey.status(g.group, status)) ?? []);
    }
    for (const rating of RATINGS) {
      programme.ratings[rating] += g.ratings[rating];
      lineage.add(cellKey.rating(PROGRAMME_GROUP, rating), byCluster.lineage.get(cellKey.rating(g.group, rating)) ?? []);
    }
  }
  return programme;
}

/** A group's counts as cells: projects and projects by status at the quarter's end, and the quarter's ratings. */
function countCells(g: GroupFigures): FigureCell[] {
  const at = { group: g.group, currency: '', period: 'as-at' as const };
  return [
    { ...at, key: cellKey.projects(g.group), measure: 'projects', value: String(g.projects) },
    ...Object.entries(g.byStatus)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => ({ ...at, key: cellKey.status(g.group, status), measure: `status:${statusName(status)}`, value: String(count) })),
    ...RATINGS.map((r) => ({ ...at, period: 'quarter' as const, key: cellKey.rating(g.group, r), measure: `rating:${r}`, value: String(g.ratings[r]) })),
  ];
}
