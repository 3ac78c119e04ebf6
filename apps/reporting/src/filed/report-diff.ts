import type { PortfolioEvent } from '@ecab/contracts';
import { figureCells, type FigureCell } from '../quarterly/quarterly-cells.js';
import type { QuarterlyFigures } from '../quarterly/quarterly-figures.js';

/**
 * Why a later filing of a period shows an event the earlier one did not:
 * - correction: a reversal or an amendment recorded since, changing a figure of the period;
 * - late-reported: a fact dated in the period (its quarter or year to date) or rating it, recorded since;
 * - current-state: a change to what the report counts as the portfolio stands (a project registered, its
 *   status or countries changed), whatever its date.
 */
export type Restatement = 'correction' | 'late-reported' | 'current-state';

/** Event types that correct a movement already recorded. */
const CORRECTIONS = new Set(['TransactionReversed', 'CommitmentAmended']);

/** A figure before (earlier filing) and after (later filing); null where the filing has no such figure. */
export interface MovedFigure {
  cell: string;
  before: string | null;
  after: string | null;
}

export interface ChangedFigure extends MovedFigure {
  /** The events behind the later figure and not the earlier one, and the other way round. */
  added: string[];
  removed: string[];
}

export interface DiffEvent {
  eventId: string;
  position: string | null;
  type: string;
  projectId: string;
  recordedAt: string;
  /** The date the event gives its fact (value, award or effective date), as recorded. */
  date: string | null;
  restatement: Restatement;
  /** The later filing's figures this event is behind, with their values in both filings. */
  figures: MovedFigure[];
}

export interface FiguresDiff {
  /** The events between the filings that are behind a figure of the later one, in log order. */
  events: DiffEvent[];
  /** Every figure whose value or events differ, in the order the report shows them. */
  figures: ChangedFigure[];
  /** How many events between the two filings touch no figure of the report (other periods, descriptive data). */
  untouched: number;
}

/**
 * What changed between two filings of the same report: `between` are the events the later filing's pin holds
 * and the earlier's does not (in log order); each that is behind a figure of the later filing is listed with
 * the figures it is behind. Pure: both filings' figures are computed by the caller from their pinned events.
 */
export function diffFigures(earlier: QuarterlyFigures, later: QuarterlyFigures, between: readonly PortfolioEvent[]): FiguresDiff {
  const before = byKey(figureCells(earlier));
  const laterCells = figureCells(later);
  const after = byKey(laterCells);
  const cellsOf = new Map<string, string[]>();
  for (const cell of laterCells) {
    for (const eventId of later.lineage.get(cell.key) ?? []) cellsOf.set(eventId, [...(cellsOf.get(eventId) ?? []), cell.key]);
  }
  const moved = (cell: string): MovedFigure => ({ cell, before: before.get(cell)?.value ?? null, after: after.get(cell)?.value ?? null });

  const events: DiffEvent[] = [];
  for (const event of between) {
    const cells = cellsOf.get(event.eventId);
    if (!cells) continue;
    const data = event.data as Record<string, unknown>;
    const dated = cells.some((key) => after.get(key)?.period !== 'as-at');
    events.push({
      eventId: event.eventId,
      position: event.position ?? null,
      type: event.type,
      projectId: typeof data.projectId === 'string' ? data.projectId : event.subject,
      recordedAt: event.time,
      date: dateOf(data),
      restatement: CORRECTIONS.has(event.type) ? 'correction' : dated ? 'late-reported' : 'current-state',
      figures: cells.map(moved),
    });
  }

  const keys = [...laterCells.map((c) => c.key), ...[...before.keys()].filter((key) => !after.has(key))];
  const figures: ChangedFigure[] = [];
  for (const key of keys) {
    const was = new Set(earlier.lineage.get(key) ?? []);
    const now = new Set(later.lineage.get(key) ?? []);
    const added = [...now].filter((id) => !was.has(id));
    const removed = [...was].filter((id) => !now.has(id));
    const change = moved(key);
    if (change.before !== change.after || added.length > 0 || removed.length > 0) figures.push({ ...change, added, removed });
  }
  return { events, figures, untouched: between.length - events.length };
}

function byKey(cells: FigureCell[]): Map<string, FigureCell> {
  return new Map(cells.map((cell) => [cell.key, cell]));
}

function dateOf(data: Record<string, unknown>): string | null {
  for (const field of ['valueDate', 'awardDate', 'effectiveDate', 'date']) {
    if (typeof data[field] === 'string') return data[field];
  }
  return null;
}
