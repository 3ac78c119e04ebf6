import { createRequire } from 'node:module';

/** The part of kafkajs 2.2.4's internal RequestQueue (one per broker connection) this module relies on. */
export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

const require = createRequire(import.meta.url);
let quieted = false;

/**
 * kafkajs' RequestQueue class (not exported by the package; its path is fixed in the pinned 2.2.4).
 */
export function requestQueueClass(): { prototype: RequestQueueInternals } & (new (options: Record<string, unknown>) => RequestQueueInternals) {
  return require('kafkajs/src/network/requestQueue/index.js') as ReturnType<typeof requestQueueClass>;
}

/**
 * kafkajs 2.2.4 re-checks every connection's queue of pending requests on a timer that re-arms itself at 1 ms
 * even when nothing is pending and nothing is throttled (tulios/kafkajs#1556): an idle consumer spent ~30 ms of
 * CPU a second on it, a share of every event's cost in each process. With nothing pending and no throttling
 * nothing needs checking later: a new request, an answer and a throttle each schedule the check again.
 */
export function quietIdleRequestQueues(): void {
  if (quieted) return;
  quieted = true;
  const prototype = requestQueueClass().prototype;
  const schedule = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
}
