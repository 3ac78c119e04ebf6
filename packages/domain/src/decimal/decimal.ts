import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

export const DECIMAL_RULE_CODES = ['VALUE_NOT_DECIMAL'] as const;
export type DecimalRuleCode = (typeof DECIMAL_RULE_CODES)[number];

/** An exact decimal: `units` × 10^-`scale`. Measured values travel as strings and are computed on as this. */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-?)(\d{1,20})(?:\.(\d{1,12}))?$/;

export function parseDecimal(value: string): ExactDecimal | undefined {
  const match = DECIMAL.exec(value);
  if (!match) return undefined;
  const decimals = match[3] ?? '';
  const magnitude = BigInt(`${match[2] ?? '0'}${decimals}`);
  return { units: match[1] === '-' ? -magnitude : magnitude, scale: decimals.length };
}

/** A measured value such as "1.6" or "-0.25" (no exponent, no thousands separators); returns it unchanged. */
export function checkDecimal(value: string, field: string): string {
  if (typeof value !== 'string' || parseDecimal(value) === undefined) {
    throw new DomainRuleViolation<DecimalRuleCode>('VALUE_NOT_DECIMAL', `${field} must be a decimal number written like 1.6 or -0.25`, {
      field,
      value: String(value),
    });
  }
  return value;
}

function aligned(a: ExactDecimal, b: ExactDecimal): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale)];
}

export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y] = aligned(a, b);
  return { units: x + y, scale: Math.max(a.scale, b.scale) };
}

export function subtractDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y] = aligned(a, b);
  return { units: x - y, scale: Math.max(a.scale, b.scale) };
}

export function compareDecimals(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** numerator ÷ denominator rounded half away from zero to `places` decimals, as a Number; exact until then. */
export function divideDecimals(numerator: ExactDecimal, denominator: ExactDecimal, places = 6): number {
  const [x, y] = aligned(numerator, denominator);
  if (y === 0n) throw new RangeError('division by zero');
  const scaled = (x * 10n ** BigInt(places + 1)) / y;
  const rounded = (scaled < 0n ? scaled - 5n : scaled + 5n) / 10n;
  return Number(rounded) / 10 ** places;
}

/** Writes an exact decimal back as text, with its scale ("-0.50" for { units: -50n, scale: 2 }). */
export function formatDecimal(value: ExactDecimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = value.scale > 0 ? `.${digits.slice(digits.length - value.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
