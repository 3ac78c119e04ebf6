import { quietIdleRequestQueues, requestQueueClass, type RequestQueueInternals } from './kafkajs-request-queue.js';

describe("kafkajs' request queues, quiet while idle", () => {
  const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  type Queue = RequestQueueInternals & { throttleCheckTimeoutId?: NodeJS.Timeout | null };
  const queue = (): Queue => {
    quietIdleRequestQueues();
    const RequestQueue = requestQueueClass();
    return new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 1000, enforceRequestTimeout: false, clientId: 't', broker: 'b', logger: silent });
  };
  /** Whether the queue armed its timer to check pending requests later (cleared at once: the test only looks). */
  const armed = (q: Queue): boolean => {
    const timer = q.throttleCheckTimeoutId;
    if (timer) clearTimeout(timer);
    return Boolean(timer);
  };

  it('applies to the kafkajs release installed (an upgrade must be looked at again)', () => {
    expect(quietIdleRequestQueues()).toBe(true);
  });

  it('arms no timer when nothing is pending and nothing is throttled', () => {
    const idle = queue();
    idle.scheduleCheckPendingRequests();
    expect(armed(idle)).toBe(false);
  });

  it('still checks later when a request is pending, or when the broker throttles', () => {
    const pending = queue();
    pending.pending.push({});
    pending.scheduleCheckPendingRequests();
    expect(armed(pending)).toBe(true);

    const throttled = queue();
    throttled.throttledUntil = Date.now() + 500;
    throttled.scheduleCheckPendingRequests();
    expect(armed(throttled)).toBe(true);
  });
});
