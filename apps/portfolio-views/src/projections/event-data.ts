import type { PortfolioEvent } from '@ecab/contracts';

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
