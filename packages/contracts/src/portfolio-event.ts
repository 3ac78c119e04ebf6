/**
 * One event as every consumer sees it, whichever transport delivered it (Kafka or the
 * PostgreSQL log): enough to apply it idempotently (stream id + version) and to trace it.
 */
export interface PortfolioEvent {
  readonly eventId: string;
  /** Stored type, e.g. `ProjectRegistered`. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  /** The project (or programme) the event is about; the Kafka key. */
  readonly subject: string;
  readonly cluster: string | undefined;
  /** When the event was recorded, ISO 8601. */
  readonly time: string;
  readonly data: Record<string, unknown>;
  readonly correlationId?: string | undefined;
  readonly causationId?: string | undefined;
  readonly actor?: string | undefined;
  readonly traceparent?: string | undefined;
  /**
   * The event store's global position of the event, a decimal integer as a string (`ce_position` on Kafka):
   * unique, and increasing in insertion order (not strictly in commit order), so "as of event N" can be said.
   */
  readonly position?: string | undefined;
}
