import { type ResultRow } from '../measure.js';
import { ratio } from '../stats.js';

/** "12,345 (11,000–13,000, 3 runs)" */
export function describeSpread(value: ResultRow['ecab'], decimals: number): string {
  if (!value) return '–';
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: decimals });
  return value.runs > 1 ? `${f(value.median)} (${f(value.min)}–${f(value.max)}, ${value.runs} runs)` : f(value.median);
}

export function ratioOf(row: ResultRow): string {
  if (!row.baseline) return '–';
  return ratio(row.ecab?.median, row.baseline.value?.median);
}
