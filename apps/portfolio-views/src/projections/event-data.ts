import type { PortfolioEvent } from '@ecab/contracts';
import { addDecimals, formatDecimal, parseDecimal } from '@ecab/domain';

/** An event's data lacks a field the read side needs, or holds it in a shape no contract allows. */
export class MalformedEventError extends Error {
  constructor(event: PortfolioEvent, field: string) {
    super(`${event.type} ${event.eventId} has no valid ${field}`);
    this.name = 'MalformedEventError';
  }
}

export function text(event: PortfolioEvent, field: string): string {
  const value = event.data[field];
  if (typeof value !== 'string' || value === '') throw new MalformedEventError(event, field);
  return value;
}

export function optionalText(event: PortfolioEvent, field: string): string | null {
  const value = event.data[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

const UNSIGNED_DECIMAL = /^\d{1,20}(\.\d{1,10})?$/;
const SIGNED_DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;

/** A decimal string; `signed` lets it carry a minus (commitment amendments, their reversals). */
export function decimal(event: PortfolioEvent, field: string, { signed = false } = {}): string {
  const value = text(event, field);
  if (!(signed ? SIGNED_DECIMAL : UNSIGNED_DECIMAL).test(value)) throw new MalformedEventError(event, field);
  return value;
}

/** The code of a coded field (`{ code, codelist, … }`). */
export function coded(event: PortfolioEvent, field: string): string {
  const value = event.data[field];
  const code = typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || code === '') throw new MalformedEventError(event, `${field}.code`);
  return code;
}

/** The ISO date the event says it took effect in the world, if it carries a valid one. */
export function effectiveDateOf(event: PortfolioEvent): string | null {
  const value = event.data.effectiveDate;
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** The project an event is about: its subject (the Kafka key), whichever of the project's streams it is on. */
export function projectOf(event: PortfolioEvent): string {
  return event.subject;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ`, as Date#toISOString writes an instant (and the read tables' times are read back). */
const UTC_MILLISECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * The later of two instants (ISO-8601 text), as written. Two times in the one form every time takes here
 * (an event's, a row's) compare as text; parsing both was some 2% of a rebuild's time in Node.
 */
export function later(a: string, b: string): string {
  if (UTC_MILLISECONDS.test(a) && UTC_MILLISECONDS.test(b)) return b > a ? b : a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** The UTC day (YYYY-MM-DD) of an instant (ISO-8601 text): read off the text when it is already written at UTC. */
export function utcDayOf(time: string): string {
  return UTC_MILLISECONDS.test(time) ? time.slice(0, 10) : new Date(time).toISOString().slice(0, 10);
}

/** a + b, exactly, for amounts kept as text (numeric columns are read as text). */
export function sum(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) throw new Error(`not a decimal: ${x ? b : a}`);
  return formatDecimal(addDecimals(x, y));
}

/** An organisation reference: `{ organisationId?, name? }` (contracts) or `{ ref, name? }` (AgreementOpened). */
export function organisation(event: PortfolioEvent, field: string): { ref: string; name: string | null } {
  const value = event.data[field];
  if (typeof value !== 'object' || value === null) throw new MalformedEventError(event, field);
  const { organisationId, ref, name } = value as { organisationId?: unknown; ref?: unknown; name?: unknown };
  const id = [organisationId, ref, name].find((v): v is string => typeof v === 'string' && v !== '');
  if (!id) throw new MalformedEventError(event, `${field}.organisationId`);
  return { ref: id, name: typeof name === 'string' && name !== '' ? name : null };
}

/** The amount with the opposite sign, as text. */
export function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : amount === '0' || /^0(\.0+)?$/.test(amount) ? amount : `-${amount}`;
}

/** The earlier of two ISO dates (SQL's `least`: a null is ignored). */
export function earlier(a: string | null, b: string): string {
  return a !== null && a < b ? a : b;
}

/** YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A field holding an ISO date (YYYY-MM-DD); a malformed event otherwise. */
export function date(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!ISO_DATE.test(value)) throw new MalformedEventError(event, field);
  return value;
}

/** An optional ISO date field: null when absent. */
export function optionalDate(event: PortfolioEvent, field: string): string | null {
  return event.data[field] === undefined ? null : date(event, field);
}
