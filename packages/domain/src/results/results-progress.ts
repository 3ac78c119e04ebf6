import { compareDecimals, divideDecimals, parseDecimal, subtractDecimals, type ExactDecimal } from '../decimal/decimal.js';

function read(value: string, name: string): ExactDecimal {
  const parsed = parseDecimal(value);
  if (parsed === undefined) throw new RangeError(`${name} is not a decimal value: ${JSON.stringify(value)}`);
  return parsed;
}

/**
 * (actual − baseline) ÷ (target − baseline), clamped to 0–1 (docs/DOMAIN.md §2), computed on exact
 * decimals: 0.1 → 0.3 with 0.2 actual is exactly 0.5. Works for descending indicators (the sign
 * cancels out); undefined when target equals baseline, where progress means nothing.
 */
export function resultsProgress(baseline: string, target: string, actual: string): number | undefined {
  const base = read(baseline, 'baseline');
  const span = subtractDecimals(read(target, 'target'), base);
  if (compareDecimals(span, { units: 0n, scale: 0 }) === 0) return undefined;
  const progress = divideDecimals(subtractDecimals(read(actual, 'actual'), base), span);
  return Math.min(1, Math.max(0, progress));
}
