import type { ParkedMessage, ParkedMessageStore, RetryOutcome, SkippedMessage } from './parked-message-store.js';
import { STORED_SCHEMA_VERSION_HEADER, STORED_TYPE_HEADER } from './event-wire.js';

/** Whoever parks messages under one consumer name and can apply (or publish) them again after a fix. */
export interface ParkingConsumer {
  readonly consumerName: string;
  retryParked(subject: string): Promise<RetryOutcome>;
}

/** A parked message as an admin reads it. */
export interface ParkedMessageView {
  id: string;
  consumer: string;
  project: string;
  origin: string;
  /** The CloudEvents type, or — for an event this build has no contract for — `<stored type> v<N>`. */
  type: string | undefined;
  streamVersion: number | undefined;
  eventId: string | undefined;
  error: string;
  attempts: number;
  parkedAt: string;
  lastTriedAt: string | null;
}

export interface SkippedMessageView extends ParkedMessageView {
  skippedBy: string;
  skippedAt: string;
  reason: string | null;
}

function typeOf(message: ParkedMessage): string | undefined {
  const headers = message.message.headers;
  if (headers.ce_type) return headers.ce_type;
  const stored = headers[STORED_TYPE_HEADER];
  return stored ? `${stored} v${headers[STORED_SCHEMA_VERSION_HEADER] ?? '?'}` : undefined;
}

export function parkedMessageView(message: ParkedMessage): ParkedMessageView {
  const headers = message.message.headers;
  return {
    id: message.id,
    consumer: message.consumer,
    project: message.subject,
    origin: message.origin,
    type: typeOf(message),
    streamVersion: headers.ce_streamversion ? Number(headers.ce_streamversion) : undefined,
    eventId: headers.ce_id,
    error: message.error,
    attempts: message.attempts,
    parkedAt: message.parkedAt.toISOString(),
    lastTriedAt: message.lastTriedAt?.toISOString() ?? null,
  };
}

function skippedMessageView(message: SkippedMessage): SkippedMessageView {
  return { ...parkedMessageView(message), skippedBy: message.skippedBy, skippedAt: message.skippedAt.toISOString(), reason: message.reason };
}

/**
 * What an admin endpoint does with one consumer's parked messages — list them, retry a project's in order
 * after a fix, skip one for good (recording who) — for every service: each app's controller only maps HTTP
 * onto it (portfolio-views for its consumer, portfolio-api for the relay).
 */
export class ParkingDesk {
  constructor(
    private readonly parked: ParkedMessageStore,
    private readonly consumer: ParkingConsumer,
  ) {}

  get consumerName(): string {
    return this.consumer.consumerName;
  }

  async list(project?: string): Promise<{ consumer: string; count: number; messages: ParkedMessageView[] }> {
    const messages = await this.parked.list({ consumer: this.consumerName, ...(project ? { subject: project } : {}) });
    return { consumer: this.consumerName, count: messages.length, messages: messages.map(parkedMessageView) };
  }

  /** Applies the project's parked messages in order, stopping at the first that still fails; undefined when none is parked. */
  async retry(project: string): Promise<RetryOutcome | undefined> {
    const waiting = await this.parked.list({ consumer: this.consumerName, subject: project, limit: 1 });
    if (waiting.length === 0) return undefined;
    return this.consumer.retryParked(project);
  }

  /**
   * Drops one parked message for good (it can never be applied: garbage, or an event no build will ever
   * read), recording who decided it; the project's later messages then need a retry. Undefined when there is no such message.
   */
  async skip(id: string, skippedBy: string, reason?: string): Promise<SkippedMessageView | undefined> {
    const skipped = await this.parked.skip(this.consumerName, id, skippedBy, reason);
    return skipped ? skippedMessageView(skipped) : undefined;
  }

  async skipped(project?: string): Promise<SkippedMessageView[]> {
    return (await this.parked.skipped(this.consumerName, project ? { subject: project } : {})).map(skippedMessageView);
  }
}
