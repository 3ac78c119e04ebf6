/** The two windows a money figure is given for. */
export type AmountPeriod = 'quarter' | 'year-to-date';

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

  result(): Map<string, string[]> {
    const rank = (id: string) => this.order.get(id) ?? Number.MAX_SAFE_INTEGER;
    return new Map([...this.cells].map(([key, ids]) => [key, [...ids].sort((a, b) => rank(a) - rank(b))]));
  }
}
