import type { PortfolioEvent } from '@ecab/contracts';

/**
 * The events cut into at most `lanes` slices by subject (a project and every stream of it, the programme, an
 * organisation), each slice in the order given; a subject is always in the same lane, in every batch.
 */
export function laneSlices<E extends Pick<PortfolioEvent, 'subject'>>(events: readonly E[], lanes: number): E[][] {
  if (!Number.isInteger(lanes) || lanes < 1) throw new RangeError(`lanes must be a positive integer, got ${lanes}`);
  if (lanes === 1) return events.length > 0 ? [[...events]] : [];
  const slices: E[][] = Array.from({ length: lanes }, () => []);
  for (const event of events) slices[laneOf(event.subject, lanes)]!.push(event);
  return slices.filter((slice) => slice.length > 0);
}

/** A subject's lane: FNV-1a of its text. */
export function laneOf(subject: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subject.length; i += 1) hash = Math.imul(hash ^ subject.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lanes;
}
