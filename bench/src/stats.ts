/** Pure helpers for the benchmark's figures (tested in stats.unit.spec.ts; nothing here measures time). */

/** The p-th percentile (0–100) of `values` by the nearest-rank method; undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

/** min / median (the lower middle for an even count) / max of repetitions. */
export function spread(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** a ÷ b as "0.42×", or "–" when either side is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b === 0) return '–';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

/** A figure for the table: thousands separated, at most `decimals` decimals. */
export function figure(value: number | undefined, decimals = 0): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/** How many events each project gets so that `projects` projects hold `events` in total (the remainder to the first ones). */
export function eventsPerProject(projects: number, events: number): number[] {
  if (!Number.isInteger(projects) || projects < 1) throw new RangeError(`projects must be a positive integer, got ${projects}`);
  if (!Number.isInteger(events) || events < projects) throw new RangeError(`events must be an integer ≥ projects, got ${events}`);
  const base = Math.floor(events / projects);
  const extra = events - base * projects;
  return Array.from({ length: projects }, (_, index) => base + (index < extra ? 1 : 0));
}
