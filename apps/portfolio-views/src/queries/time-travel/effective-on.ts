import type { PortfolioEvent } from '@ecab/contracts';
import { effectiveDateOf, projectOf } from '../../projections/event-data.js';

/** The programme's reference time zone: "today" and an event's recorded date are calendar dates there. */
const ALMATY_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Almaty of an instant. */
export function almatyDate(instant: Date): string {
  return ALMATY_DATE.format(instant);
}

/**
 * When an event took effect in the world: its `effectiveDate` (every event type after the first three
 * carries one, defaulting to the day it was recorded), else the day it was recorded (in Almaty).
 */
export function effectiveOnOf(event: PortfolioEvent): string {
  return effectiveDateOf(event) ?? almatyDate(new Date(event.time));
}

/** The money transaction an event records, as a reversal names it: `<agreement>|<transactionId>`. */
function transactionKey(event: PortfolioEvent): string | undefined {
  const transactionId = event.data.transactionId;
  if (typeof transactionId !== 'string' || transactionId === '') return undefined;
  const agreementId = event.data.agreementId;
  return `${typeof agreementId === 'string' && agreementId !== '' ? agreementId : event.streamId}|${transactionId}`;
}

/**
 * Which events make up the world "as effective on" a date — what had happened by the end of that day, as
 * known now (or as known at `recordedAt`, whose cut is made before this one). Events arrive in log order
 * and are replayed in log order, as the live tables apply them, so a cut on today's date answers exactly
 * what the live tables answer. The rules:
 *
 * 1. **Own date.** An event counts when its effective date (`effectiveOnOf`) is on or before the date.
 *    A late-reported disbursement (effective last quarter, recorded today) therefore counts on last
 *    quarter's end; a status change, a closing-date extension, a rate counts from its own effective date
 *    (a rate correction carries the corrected rate's date, so it replaces the old rate from that date on).
 * 2. **A reversal takes effect on its own effective date, never before what it reverses.** A
 *    `TransactionReversed` recorded today and effective today does not remove a disbursement effective
 *    last quarter when asked about last quarter's end: the movement was still there then. A reversal that
 *    means "this never happened" (a data-entry error) is recorded with the reversed transaction's date as
 *    its effective date, and then voids it on every date. A reversal whose transaction is left out (its
 *    date is later) is left out with it, so it never subtracts money that was not yet there.
 * 3. **What a thing's events talk about exists from its first counted event.** A stream's first event
 *    (a project's registration, an agreement's signing or opening) is replayed, just before, whenever a
 *    later event of its stream counts — and a project's registration whenever any event of the project
 *    (of any of its streams) counts. Registering a project in the platform is a record, not a fact of the
 *    world: a project registered today with an agreement signed in 2025 shows that agreement on a 2025 date.
 *
 * Events left out leave gaps in their stream's versions; the replay applies the rest with their real
 * versions (`applyWithin(…, { allowGaps: true })`).
 */
export class EffectiveOnCut {
  /** First events of streams not (yet) counted, by stream, until a later event of theirs counts. */
  private readonly heldFirstEvents = new Map<string, PortfolioEvent>();
  /** Transactions left out (effective after the date): their reversals are left out too. */
  private readonly leftOutTransactions = new Set<string>();

  constructor(readonly effectiveOn: string) {}

  /** Of a batch in log order (batches in log order, one after the other), the events to replay, in order. */
  select(events: readonly PortfolioEvent[]): PortfolioEvent[] {
    const selected: PortfolioEvent[] = [];
    for (const event of events) {
      if (!this.counts(event)) {
        const key = event.type === 'TransactionReversed' ? undefined : transactionKey(event);
        if (key !== undefined) this.leftOutTransactions.add(key);
        if (event.streamVersion === 1) this.heldFirstEvents.set(event.streamId, event);
        continue;
      }
      this.release(`project-${projectOf(event)}`, selected);
      this.release(event.streamId, selected);
      selected.push(event);
    }
    return selected;
  }

  private counts(event: PortfolioEvent): boolean {
    if (effectiveOnOf(event) > this.effectiveOn) return false;
    if (event.type === 'TransactionReversed') {
      const reversed = transactionKey(event);
      if (reversed !== undefined && this.leftOutTransactions.has(reversed)) return false;
    }
    return true;
  }

  private release(streamId: string, selected: PortfolioEvent[]): void {
    const first = this.heldFirstEvents.get(streamId);
    if (!first) return;
    this.heldFirstEvents.delete(streamId);
    const key = transactionKey(first);
    if (key !== undefined) this.leftOutTransactions.delete(key);
    selected.push(first);
  }
}
