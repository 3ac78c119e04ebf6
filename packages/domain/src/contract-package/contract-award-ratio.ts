import { addDecimals, compareDecimals, divideDecimals, parseDecimal, type ExactDecimal } from '../decimal/decimal.js';

/** Decimal strings in one reporting currency (USD, converted at value date by the caller). */
export interface ContractAwardRatioInputs {
  /** Contract awards with an award date in the period. */
  readonly awardsInPeriod: string;
  /** C − A(t) at the start of the period, counting commitments from effectiveness. */
  readonly uncontractedBalanceAtStart: string;
  /** Commitments that became effective in the period. */
  readonly commitmentsEffectiveInPeriod: string;
}

function read(value: string, name: string): ExactDecimal {
  const parsed = parseDecimal(value);
  if (parsed === undefined) throw new RangeError(`${name} is not a decimal value: ${JSON.stringify(value)}`);
  return parsed;
}

/**
 * docs/DOMAIN.md §2: awards in p ÷ (uncontracted balance at start of p + commitments effective in p), on
 * exact decimals. Undefined when nothing was left to contract, where the ratio means nothing.
 */
export function contractAwardRatio(inputs: ContractAwardRatioInputs): number | undefined {
  const base = addDecimals(
    read(inputs.uncontractedBalanceAtStart, 'uncontractedBalanceAtStart'),
    read(inputs.commitmentsEffectiveInPeriod, 'commitmentsEffectiveInPeriod'),
  );
  if (compareDecimals(base, { units: 0n, scale: 0 }) <= 0) return undefined;
  return divideDecimals(read(inputs.awardsInPeriod, 'awardsInPeriod'), base);
}
