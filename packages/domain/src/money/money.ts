import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { CURRENCIES, type CurrencyCode } from './currencies.js';

export const MONEY_RULE_CODES = ['UNKNOWN_CURRENCY', 'CURRENCY_WITHDRAWN', 'AMOUNT_MALFORMED', 'AMOUNT_TOO_PRECISE', 'AMOUNT_NOT_POSITIVE'] as const;
export type MoneyRuleCode = (typeof MONEY_RULE_CODES)[number];

/** Money as it travels: a decimal string (never a float) and an ISO 4217 code. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

/** Money to compute with: an exact count of the currency's minor units (cents, tiyn…). */
export interface MinorUnitAmount {
  readonly currency: CurrencyCode;
  readonly minorUnits: bigint;
}

const AMOUNT = /^(\d{1,15})(?:\.(\d+))?$/;

function violation(code: MoneyRuleCode, message: string, details: Record<string, string | number>) {
  return new DomainRuleViolation<MoneyRuleCode>(code, message, details);
}

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCIES, code);
}

export function minorUnitsOf(currency: CurrencyCode): number {
  return CURRENCIES[currency].minorUnits;
}

/** A currency new amounts may use: in the list and not withdrawn. */
export function parseCurrency(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) {
    throw violation('UNKNOWN_CURRENCY', `${JSON.stringify(code)} is not an ISO 4217 currency code`, { currency: code });
  }
  if (CURRENCIES[code].withdrawn) {
    throw violation('CURRENCY_WITHDRAWN', `${code} has been withdrawn from the currency code list`, { currency: code });
  }
  return code;
}

/**
 * Reads an amount the user entered: at most 15 integer digits, no more decimals than the
 * currency's minor units, greater than zero. Throws a DomainRuleViolation otherwise.
 */
export function parseMoney(money: Money): MinorUnitAmount {
  const currency = parseCurrency(money.currency);
  const match = AMOUNT.exec(money.amount);
  if (!match) {
    throw violation('AMOUNT_MALFORMED', 'An amount is a decimal number such as 1500000.00, with at most 15 digits before the point', {
      amount: money.amount,
    });
  }
  const decimals = match[2] ?? '';
  const minorUnits = minorUnitsOf(currency);
  if (decimals.length > minorUnits) {
    throw violation('AMOUNT_TOO_PRECISE', `${currency} amounts have at most ${minorUnits} decimal places`, {
      amount: money.amount,
      currency,
      minorUnits,
    });
  }
  const parsed = { currency, minorUnits: digitsToMinorUnits(match[1] ?? '0', decimals, minorUnits) };
  if (parsed.minorUnits <= 0n) {
    throw violation('AMOUNT_NOT_POSITIVE', 'The amount must be greater than zero', { amount: money.amount });
  }
  return parsed;
}

/**
 * Reads an amount that was already accepted (e.g. from a recorded event) without applying the
 * rules for new amounts again, so that history stays readable if a currency is withdrawn later.
 */
export function toMinorUnits(money: Money): MinorUnitAmount {
  const { currency, amount } = money;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!isCurrencyCode(currency) || !match) throw new RangeError(`not a recorded amount: ${amount} ${currency}`);
  const decimals = match[3] ?? '';
  const minorUnits = minorUnitsOf(currency);
  if (decimals.length > minorUnits) throw new RangeError(`${amount} has more decimals than ${currency} allows`);
  const magnitude = digitsToMinorUnits(match[2] ?? '0', decimals, minorUnits);
  return { currency, minorUnits: match[1] === '-' ? -magnitude : magnitude };
}

function digitsToMinorUnits(integer: string, decimals: string, minorUnits: number): bigint {
  return BigInt(integer) * 10n ** BigInt(minorUnits) + BigInt(decimals.padEnd(minorUnits, '0') || '0');
}

/** The canonical decimal string: exactly the currency's minor-unit decimals, no leading zeros. */
export function formatAmount(money: MinorUnitAmount): string {
  const decimals = minorUnitsOf(money.currency);
  const sign = money.minorUnits < 0n ? '-' : '';
  const digits = (money.minorUnits < 0n ? -money.minorUnits : money.minorUnits).toString().padStart(decimals + 1, '0');
  if (decimals === 0) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

export function formatMoney(money: MinorUnitAmount): Money {
  return { amount: formatAmount(money), currency: money.currency };
}

export function zeroMoney(currency: CurrencyCode): MinorUnitAmount {
  return { currency, minorUnits: 0n };
}

function sameCurrency(a: MinorUnitAmount, b: MinorUnitAmount): CurrencyCode {
  // Mixing currencies is a programming error, not a user's mistake: conversion needs a rate and a date.
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} with ${b.currency}`);
  return a.currency;
}

export function addMoney(a: MinorUnitAmount, b: MinorUnitAmount): MinorUnitAmount {
  return { currency: sameCurrency(a, b), minorUnits: a.minorUnits + b.minorUnits };
}

export function subtractMoney(a: MinorUnitAmount, b: MinorUnitAmount): MinorUnitAmount {
  return { currency: sameCurrency(a, b), minorUnits: a.minorUnits - b.minorUnits };
}

export function compareMoney(a: MinorUnitAmount, b: MinorUnitAmount): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.minorUnits < b.minorUnits ? -1 : a.minorUnits > b.minorUnits ? 1 : 0;
}
