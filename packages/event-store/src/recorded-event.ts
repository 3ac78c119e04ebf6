export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  actor?: string;
  traceparent?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  /** A uuid; generated (crypto.randomUUID) when absent. */
  eventId?: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata?: EventMetadata;
}

export interface RecordedEvent {
  /** Global position: unique and increasing in insertion order, NOT in commit order. */
  position: bigint;
  /** The writing transaction's id (xid8); the log is read in (transactionId, position) order. */
  transactionId: bigint;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: Date;
}

/** A row of `events` as node-postgres returns it (int8 and xid8 arrive as strings). */
export interface EventRow {
  position: string;
  transaction_id_text: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

/**
 * The xid8 goes out as text under another name: an output column named transaction_id would be what
 * ORDER BY transaction_id sorts by, textually ('100000' < '99999').
 */
export const EVENT_COLUMNS =
  'position, transaction_id::text AS transaction_id_text, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    position: BigInt(row.position),
    transactionId: BigInt(row.transaction_id_text),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
