import { createRequire } from 'node:module';

/** The part of kafkajs 2.2.4's internal RequestQueue (one per broker connection) this module relies on. */
export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

const require = createRequire(import.meta.url);
/** The kafkajs release whose RequestQueue this module was written against and checked on. */
const KAFKAJS_VERSION = '2.2.4';
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
export function quietIdleRequestQueues(): boolean {
  if (quieted) return true;
  // Another kafkajs release may have changed (or fixed) its internals: it is then left as it is, since
  // the cost is CPU while idle, never correctness. The unit spec fails on such an upgrade, to look again.
  let prototype: RequestQueueInternals;
  try {
    if ((require('kafkajs/package.json') as { version: string }).version !== KAFKAJS_VERSION) return false;
    prototype = requestQueueClass().prototype;
  } catch {
    return false;
  }
  const schedule = prototype.scheduleCheckPendingRequests;
  if (typeof schedule !== 'function') return false;
  quieted = true;
  prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
  return true;
}
