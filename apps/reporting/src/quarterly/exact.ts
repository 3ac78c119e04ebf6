import { formatAmount, isCurrencyCode, minorUnitsOf, type ExactDecimal } from '@ecab/domain';

/** Exact arithmetic for the report's USD amounts and ratios: no amount passes through a float. */
export const ZERO: ExactDecimal = { units: 0n, scale: 0 };

export function multiplyDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export const negateDecimal = (a: ExactDecimal): ExactDecimal => ({ units: -a.units, scale: a.scale });

/** Rounded half away from zero to `places` decimals. */
export function roundTo(value: ExactDecimal, places: number): ExactDecimal {
  if (value.scale <= places) return { units: value.units * 10n ** BigInt(places - value.scale), scale: places };
  const divisor = 10n ** BigInt(value.scale - places);
  const sign = value.units < 0n ? -1n : 1n;
  return { units: (sign * (sign * value.units + divisor / 2n)) / divisor, scale: places };
}

/** A USD amount as the report writes it: rounded half away from zero to cents. */
export function usdText(value: ExactDecimal): string {
  return formatAmount({ currency: 'USD', minorUnits: roundTo(value, 2).units });
}

/** An exact amount of `currency` written with exactly its decimals (2 for a code the platform does not know). */
export function amountText(currency: string, value: ExactDecimal): string {
  const code = isCurrencyCode(currency) ? currency : 'USD';
  return formatAmount({ currency: code, minorUnits: roundTo(value, minorUnitsOf(code)).units });
}

/**
 * numerator ÷ denominator as a decimal string with 4 places, rounded half away from zero, computed on the
 * exact values; null when the denominator is 0 (a ratio without a base is not 0, it is undefined).
 */
export function ratioText(numerator: ExactDecimal, denominator: ExactDecimal, places = 4): string | null {
  const scale = Math.max(numerator.scale, denominator.scale);
  const x = numerator.units * 10n ** BigInt(scale - numerator.scale);
  const y = denominator.units * 10n ** BigInt(scale - denominator.scale);
  if (y === 0n) return null;
  const negative = x < 0n !== y < 0n && x !== 0n;
  const [ax, ay] = [x < 0n ? -x : x, y < 0n ? -y : y];
  const units = (ax * 10n ** BigInt(places) * 2n + ay) / (2n * ay);
  const digits = units.toString().padStart(places + 1, '0');
  return `${negative && units !== 0n ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** A ratio clamped to 0–1 (a results indicator's progress), as written by ratioText. */
export function clampRatio(ratio: string | null): string | null {
  if (ratio === null) return null;
  if (ratio.startsWith('-')) return '0.0000';
  return Number(ratio) > 1 ? '1.0000' : ratio;
}
