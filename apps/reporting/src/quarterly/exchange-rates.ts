import type { PortfolioEvent } from '@ecab/contracts';
import { parseDecimal, type ExactDecimal } from '@ecab/domain';

/** A rate the report needed and the reference data does not have: no rate for the currency on or before the date. */
export interface MissingRate {
  currency: string;
  date: string;
}

/** The rate a conversion used: US dollars per unit, the date it was recorded for, and its event (none for USD itself). */
export interface UsedRate {
  usdPerUnit: ExactDecimal;
  date: string;
  eventId: string | undefined;
}

const ONE: ExactDecimal = { units: 1n, scale: 0 };

/**
 * The exchange rates among a report's events (reference data, `ExchangeRateRecorded`), as portfolio-views
 * holds them (docs/DOMAIN.md §2): per currency and date the last rate recorded (a correction replaces the rate
 * of its date), and an amount converts at the latest rate on or before its value date. USD is 1. There is no
 * fallback: a date before the currency's first rate has no rate, and the report says which one is missing.
 * Rates are events of the same log, so a filing's pinned events hold exactly the rates it was made with.
 */
export class ExchangeRates {
  /** Per currency, the rates by date, oldest first. */
  private readonly byCurrency = new Map<string, { date: string; rate: UsedRate }[]>();
  /** Every rate asked for and not found. */
  private readonly missed: MissingRate[] = [];

  constructor(events: readonly PortfolioEvent[]) {
    const latest = new Map<string, Map<string, UsedRate>>();
    for (const event of events) {
      if (event.type !== 'ExchangeRateRecorded') continue;
      const { currency, date, usdPerUnit } = event.data as { currency: string; date: string; usdPerUnit: string };
      const value = parseDecimal(usdPerUnit);
      if (!value) continue;
      const dates = latest.get(currency) ?? new Map<string, UsedRate>();
      dates.set(date, { usdPerUnit: value, date, eventId: event.eventId });
      latest.set(currency, dates);
    }
    for (const [currency, dates] of latest) {
      this.byCurrency.set(
        currency,
        [...dates].map(([date, rate]) => ({ date, rate })).sort((a, b) => a.date.localeCompare(b.date)),
      );
    }
  }

  /** The rate for an amount of `currency` valued on `date`, or undefined when none is recorded on or before it. */
  on(currency: string, date: string): UsedRate | undefined {
    if (currency === 'USD') return { usdPerUnit: ONE, date, eventId: undefined };
    const rates = this.byCurrency.get(currency) ?? [];
    let found: UsedRate | undefined;
    for (const entry of rates) {
      if (entry.date > date) break;
      found = entry.rate;
    }
    if (!found) this.missed.push({ currency, date });
    return found;
  }

  /** Every rate a conversion lacked so far, each once, by currency then date. */
  missing(): MissingRate[] {
    return sortedMissing(this.missed);
  }
}

/** Distinct missing rates, by currency then date. */
export function sortedMissing(missing: Iterable<MissingRate>): MissingRate[] {
  const distinct = new Map([...missing].map((m) => [`${m.currency} ${m.date}`, m]));
  return [...distinct.keys()].sort().map((key) => distinct.get(key) as MissingRate);
}

/** "no KZT rate on or before 2025-05-20; …": what the report writes where a USD amount cannot be given. */
export function missingNote(missing: readonly MissingRate[]): string {
  return missing.map((m) => `no ${m.currency} rate on or before ${m.date}`).join('; ');
}
