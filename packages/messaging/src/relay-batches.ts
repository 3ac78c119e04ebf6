import type { PortfolioEvent } from '@ecab/contracts';
import type { RecordedEvent } from '@ecab/event-store';
import type { Message, TopicMessages } from 'kafkajs';
import { setImmediate } from 'node:timers/promises';
import type { LogSink } from './kafka-config.js';
import { storedEventWireMessage } from './parking/event-wire.js';
import type { MessageToPark, ParkedMessageStore } from './parking/parked-message-store.js';
import { errorText, WAITING_BEHIND } from './parking/sequenced-parking.js';
import { requestsWithin } from './record-batches.js';
import { portfolioEventFromRecorded } from './recorded-to-portfolio-event.js';

/** An event as it goes to Kafka, or why this build cannot encode it. */
export type Encoded = { topic: string; message: Message } | { error: unknown };

/** A batch of the log made ready to send, under the relay's shared parking lock (held until `release`). */
export interface PreparedBatch {
  /** What goes to Kafka, in log order. */
  outgoing: { topic: string; message: Message }[];
  /** `outgoing` cut into the produce requests that carry it, sent one after another (see requestsWithin). */
  requests: TopicMessages[][];
  /** What is parked once Kafka acknowledged `outgoing`: events of projects that wait, and events this build cannot encode. */
  toPark: MessageToPark[];
  /** The projects that wait once this batch is done: those that waited before it and those it parks. */
  waitingAfter: Set<string>;
  /** Whether its parking lock is being or has been given back. */
  released: boolean;
  release(): Promise<void>;
}

/**
 * Prepares the relay's batches one ahead: while a batch is in flight to Kafka, the next one (read ahead by the
 * log subscription) takes the shared parking lock, learns which of its projects wait behind a parked event,
 * is encoded, and is cut into produce requests. Preparations run one after another, in log order.
 *
 * The parking a batch does is written only after Kafka acknowledged it, so the next batch, prepared meanwhile,
 * cannot read it from PostgreSQL yet: it also counts as waiting the projects the batch before left waiting,
 * as long as that batch still held its lock when this one got its own. Then no retry (which needs the lock
 * exclusively) can have unparked anything in between. Once the batch before gave its lock back, its parking
 * is written (it parks before releasing), and PostgreSQL alone answers.
 */
export class RelayBatches {
  private readonly ahead = new Map<RecordedEvent[], Promise<PreparedBatch>>();
  private last: Promise<PreparedBatch | undefined> = Promise.resolve(undefined);
  private readonly releasing = new Set<Promise<void>>();

  constructor(
    private readonly parked: ParkedMessageStore,
    private readonly consumer: string,
    private readonly encode: (event: PortfolioEvent) => Encoded,
    private readonly maxRequestBytes: number,
    private readonly log: LogSink,
  ) {}

  /** A batch read ahead: start preparing it. */
  arrived(batch: RecordedEvent[]): void {
    const prepared = this.prepare(batch);
    prepared.catch(() => undefined); // a failure is thrown to whoever takes the batch
    this.ahead.set(batch, prepared);
  }

  /** A batch read ahead that will not be handled: give its lock back. */
  dropped(batch: RecordedEvent[]): void {
    const prepared = this.ahead.get(batch);
    this.ahead.delete(batch);
    if (prepared)
      this.track(
        prepared.then(
          (ready) => ready.release(),
          () => undefined,
        ),
      );
  }

  /** The batch to send now, prepared ahead or now. */
  take(batch: RecordedEvent[]): Promise<PreparedBatch> {
    const prepared = this.ahead.get(batch) ?? this.prepare(batch);
    this.ahead.delete(batch);
    return prepared;
  }

  /** Gives a batch's lock back without waiting for it (see `settled`). */
  release(batch: PreparedBatch): void {
    this.track(batch.release());
  }

  /** Once every lock given back or dropped is released. */
  async settled(): Promise<void> {
    while (this.releasing.size > 0) await Promise.all(this.releasing);
  }

  private track(releasing: Promise<void>): void {
    const tracked = releasing.catch(() => undefined).finally(() => this.releasing.delete(tracked));
    this.releasing.add(tracked);
  }

  private prepare(batch: RecordedEvent[]): Promise<PreparedBatch> {
    const before = this.last;
    const prepared = (async () => {
      const previous = await before.catch(() => undefined);
      const release = await this.parked.shareUntilReleased(this.consumer);
      const ready: PreparedBatch = {
        outgoing: [],
        requests: [],
        toPark: [],
        waitingAfter: new Set(),
        released: false,
        release: () => {
          ready.released = true;
          return release();
        },
      };
      try {
        // Read now, as this batch got its lock: whether the batch before still held its own.
        const carried = previous && !previous.released ? previous.waitingAfter : undefined;
        await this.fill(ready, batch, carried);
        return ready;
      } catch (error) {
        await ready.release();
        throw error;
      }
    })();
    this.last = prepared;
    return prepared;
  }

  private async fill(ready: PreparedBatch, batch: RecordedEvent[], carried: ReadonlySet<string> | undefined): Promise<void> {
    const events = batch.map(portfolioEventFromRecorded);
    const lookUp = this.parked.parkedSubjects(this.consumer, [...new Set(events.map((e) => e.subject))]);
    lookUp.catch(() => undefined); // awaited below: a failure is thrown there
    // Encoded while PostgreSQL answers (one turn of the event loop lets the query go out first).
    await setImmediate();
    const encoded = events.map((event) => this.encode(event));
    const waiting = ready.waitingAfter;
    for (const subject of await lookUp) waiting.add(subject);
    for (const subject of carried ?? []) waiting.add(subject);
    for (const [index, event] of events.entries()) {
      const origin = `log@${event.position}`;
      if (waiting.has(event.subject)) {
        ready.toPark.push({ subject: event.subject, origin, message: storedEventWireMessage(event), error: WAITING_BEHIND });
        continue;
      }
      const outcome = encoded[index]!;
      if ('error' in outcome) {
        // The same event fails the same way every time: park it with its project instead of halting the log.
        const text = errorText(outcome.error);
        this.log.error(
          { consumer: this.consumer, subject: event.subject, origin, type: event.type, schemaVersion: event.schemaVersion, error: text },
          'relay parked an event it cannot publish',
        );
        waiting.add(event.subject);
        ready.toPark.push({ subject: event.subject, origin, message: storedEventWireMessage(event), error: text });
        continue;
      }
      ready.outgoing.push(outcome);
    }
    ready.requests = requestsWithin(ready.outgoing, this.maxRequestBytes);
  }
}
