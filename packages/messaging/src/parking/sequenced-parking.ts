import type { PortfolioEvent } from '@ecab/contracts';
import { isDatabaseUnavailable } from '@ecab/event-store';
import type { BatchHandler } from '../event-source.js';
import type { LogSink } from '../kafka-config.js';
import { decodeWireMessage } from './event-wire.js';
import { GatheredCalls } from './gathered-calls.js';
import type { MessageToPark, ParkedMessageStore, RetryOutcome, WireMessage } from './parked-message-store.js';

/** One message as delivered, before decoding: what it is about, where it came from, its bytes. */
export interface Delivery {
  subject: string;
  origin: string;
  /** Its wire form (what is parked and copied to the dead-letter topic); a transport may make it only when asked. */
  readonly message: WireMessage;
  /**
   * Decodes it straight from what the transport received, as `decodeWireMessage(message)` would: the
   * common path then never makes the wire form (a base64 copy of every message, decoded again at once).
   */
  decode?(): PortfolioEvent;
}

export interface PoisonReport {
  delivery: Delivery;
  error: string;
}

export const WAITING_BEHIND = 'waiting behind an earlier parked message of the same project';

/**
 * Deliveries of batches arriving at once that are applied together at most: as many as three partitions'
 * slices of 1,000 held in memory at once before batches were gathered (portfolio-views' heap is capped).
 */
export const DEFAULT_GATHERED_DELIVERIES = 3_000;

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Applies deliveries with sequenced parking (the pattern Axon calls a sequenced dead-letter queue): a
 * message that cannot be decoded or applied is parked together with every later message of the same subject (project),
 * while other subjects go on. After a fix, `retry(subject)` applies the parked ones in order.
 */
export class SequencedParking {
  private readonly gathered: GatheredCalls<Delivery>;

  /**
   * `maxGathered`: batches handed over while another is applied are applied together, one transaction of
   * the handler for up to this many deliveries (GatheredCalls); a message that fails is still found and
   * parked on its own.
   */
  constructor(
    private readonly store: ParkedMessageStore,
    private readonly consumer: string,
    private readonly handle: BatchHandler,
    private readonly options: { log: LogSink; maxAttempts?: number; onPoison?: (report: PoisonReport) => Promise<void>; maxGathered?: number },
  ) {
    this.gathered = new GatheredCalls((deliveries) => this.processBatch(deliveries), options.maxGathered ?? DEFAULT_GATHERED_DELIVERIES);
  }

  /** `wanted`: asked when the deliveries' group is taken; if it answers false they are left out, not applied. */
  async process(deliveries: Delivery[], wanted?: () => boolean): Promise<void> {
    if (deliveries.length === 0) return;
    // Not under the parking lock (the relay takes it): held across the projection's transaction it cost the
    // read side's latency under load (drill 5). Left open: a retry that ends just as this batch parks a
    // message behind it leaves that message parked, listed; the next retry applies it.
    await this.gathered.run(deliveries, wanted);
  }

  private async processBatch(deliveries: Delivery[]): Promise<void> {
    const parked = await this.store.parkedSubjects(this.consumer, [...new Set(deliveries.map((d) => d.subject))]);
    const toPark: MessageToPark[] = [];
    const ready: { delivery: Delivery; event: PortfolioEvent }[] = [];
    for (const delivery of deliveries) {
      if (parked.has(delivery.subject)) {
        toPark.push({ ...delivery, error: WAITING_BEHIND });
        continue;
      }
      try {
        ready.push({ delivery, event: delivery.decode ? delivery.decode() : decodeWireMessage(delivery.message) });
      } catch (error) {
        parked.add(delivery.subject);
        toPark.push(await this.poison(delivery, error));
      }
    }
    try {
      await this.handle(ready.map((r) => r.event));
    } catch (batchError) {
      // An outage is not poison: give the whole batch back to be delivered again.
      if (isDatabaseUnavailable(batchError)) throw batchError;
      this.options.log.warn({ consumer: this.consumer, error: errorText(batchError) }, 'batch failed; applying its events one by one');
      for (const { delivery, event } of ready) {
        if (parked.has(delivery.subject)) {
          toPark.push({ ...delivery, error: WAITING_BEHIND });
          continue;
        }
        const failure = await this.applyAlone(event);
        if (failure !== undefined) {
          parked.add(delivery.subject);
          toPark.push(await this.poison(delivery, failure));
        }
      }
    }
    await this.store.park(this.consumer, toPark);
  }

  /** Applies the subject's parked messages in order until one fails again; loops while new ones were parked meanwhile. */
  /** Two retries of one consumer (two admins, two instances) take turns. */
  async retry(subject: string): Promise<RetryOutcome> {
    return this.store.exclusively(this.consumer, () => this.retryExclusively(subject));
  }

  private async retryExclusively(subject: string): Promise<RetryOutcome> {
    let applied = 0;
    for (;;) {
      const parked = await this.store.list({ consumer: this.consumer, subject });
      if (parked.length === 0) return { subject, applied, remaining: 0 };
      for (const [index, message] of parked.entries()) {
        try {
          await this.handle([decodeWireMessage(message.message)]);
          await this.store.remove(message.id);
          applied += 1;
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw error;
          const text = errorText(error);
          await this.store.recordFailedRetry(message.id, text);
          return { subject, applied, remaining: parked.length - index, error: text };
        }
      }
    }
  }

  private async applyAlone(event: PortfolioEvent): Promise<unknown> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handle([event]);
        return undefined;
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        if (attempt >= maxAttempts) return error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async poison(delivery: Delivery, error: unknown): Promise<MessageToPark> {
    const text = errorText(error);
    this.options.log.error({ consumer: this.consumer, subject: delivery.subject, origin: delivery.origin, error: text }, 'message parked');
    await this.options.onPoison?.({ delivery, error: text });
    return { ...delivery, error: text };
  }
}
