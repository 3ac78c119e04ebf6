/** The windows a money figure is given for: the quarter and the year to its end (quarterly/1), and everything to its end (quarterly/2). */
export type AmountPeriod = 'quarter' | 'year-to-date' | 'cumulative';

/** One figure of the report as a value: what it counts, in which currency and window, and its lineage's key. */
export interface FigureCell {
  key: string;
  group: string;
  /** projects, status:<name> (pipeline, implementation…), rating:<name>, or a money figure (netCommitment, disbursed, spent, contractAwards). */
  measure: string;
  /** ISO 4217 code for money; empty for counts. */
  currency: string;
  /**
   * quarter or year-to-date for money and ratings; as-at for counts of the portfolio as the report's events leave
   * it (quarterly/1) or as it stood at the quarter's end (quarterly/2); cumulative for money to the quarter's end;
   * quarter-end for a row of a list, the scorecard or the KPIs (quarterly/2).
   */
  period: AmountPeriod | 'as-at' | 'quarter-end';
  /** A decimal amount, a ratio (4 decimals), a count, or empty when it cannot be given (the note says why). */
  value: string;
  /** Why a value is empty (a missing exchange rate, a ratio without a base); quarterly/2 only. */
  note?: string;
  /**
   * quarterly/3: the row a list, scorecard or KPI cell stands for (an agreement id, `<project>/<milestone>`, an action
   * id, `<project>/<indicator>`, a KPI); undefined for the counts and money.
   */
  item?: string;
}

/**
 * The name of one figure cell of a quarterly report, the same in the HTML links, the CSV, the lineage
 * endpoint and the diff: `<group>/projects`, `<group>/status/<IATI status>`, `<group>/ratings/<rating>`, or
 * `<group>/<figure>/<currency>/<quarter|year-to-date>` for money. Groups are cluster ids or ISO country
 * codes, neither of which holds a slash.
 */
export const cellKey = {
  projects: (group: string) => `${group}/projects`,
  status: (group: string, status: string) => `${group}/status/${status}`,
  rating: (group: string, rating: string) => `${group}/ratings/${rating}`,
  amount: (group: string, figure: string, currency: string, period: AmountPeriod) => `${group}/${figure}/${currency}/${period}`,
};

/** Collects, per cell, the ids of the events behind it; read back in log order (the order of the events folded). */
export class LineageCollector {
  private readonly cells = new Map<string, Set<string>>();
  private readonly order: Map<string, number>;

  constructor(events: readonly { eventId: string }[]) {
    this.order = new Map(events.map((e, index) => [e.eventId, index]));
  }

  add(key: string, eventIds: readonly (string | undefined)[]): void {
    const ids = this.cells.get(key) ?? new Set<string>();
    for (const id of eventIds) if (id !== undefined) ids.add(id);
    this.cells.set(key, ids);
  }

  /** The events collected for a cell so far (in no particular order). */
  eventsOf(key: string): string[] {
    return [...(this.cells.get(key) ?? [])];
  }

  result(): Map<string, string[]> {
    const rank = (id: string) => this.order.get(id) ?? Number.MAX_SAFE_INTEGER;
    return new Map([...this.cells].map(([key, ids]) => [key, [...ids].sort((a, b) => rank(a) - rank(b))]));
  }
}
