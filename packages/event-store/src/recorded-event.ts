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

/**
 * A recorded event as a reader that passes its data on without looking into it reads it (the relay): the data
 * is the JSON text JSON.stringify would write for `data` (its UTF-8 bytes), and the time the text `recordedAt.toISOString()`
 * would give, both made without building the object or the Date.
 */
export interface RecordedEventJson extends Omit<RecordedEvent, 'data' | 'recordedAt'> {
  /** UTF-8. */
  dataJson: Buffer;
  /** When it was recorded: ISO 8601, UTC, milliseconds. */
  time: string;
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
const KEY_COLUMNS = 'position, transaction_id::text AS transaction_id_text, stream_id, stream_version, event_id, type, schema_version';

export const EVENT_COLUMNS = `${KEY_COLUMNS}, data, metadata, recorded_at`;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const event = recordedColumns(row) as RecordedEvent;
  event.data = row.data;
  event.recordedAt = row.recorded_at;
  return event;
}

/**
 * What both reads map alike: every column but the data and the time, which each adds to the object made here
 * (spreading it into a new one cost ~3 µs an event, more than all the rest of the mapping: the relay maps thousands a second).
 */
function recordedColumns(row: Omit<EventRow, 'data' | 'recorded_at'>): Omit<RecordedEvent, 'data' | 'recordedAt'> {
  return {
    position: BigInt(row.position),
    transactionId: BigInt(row.transaction_id_text),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    metadata: row.metadata,
  };
}

/** A row as the JSON read returns it: the data as PostgreSQL's jsonb text, the time as UTC text with microseconds. */
export interface EventJsonRow extends Omit<EventRow, 'data' | 'recorded_at'> {
  data_text: string;
  recorded_at_text: string;
}

/**
 * The columns of the JSON read: neither the data (jsonb) nor the time (timestamptz) goes through node-postgres'
 * parsers. The time is formatted at UTC with its six fraction digits whatever the session's TimeZone and DateStyle.
 */
export const EVENT_JSON_COLUMNS = `${KEY_COLUMNS},
  data::text AS data_text, metadata, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS recorded_at_text`;

export function toRecordedEventJson(row: EventJsonRow): RecordedEventJson {
  const event = recordedColumns(row) as RecordedEventJson;
  event.dataJson = compactJsonb(row.data_text);
  event.time = isoMilliseconds(row.recorded_at_text);
  return event;
}

/**
 * `YYYY-MM-DDTHH:MI:SS.ffffff` (UTC) as Date#toISOString writes the instant node-postgres parses from it: the
 * fraction becomes milliseconds as its parser computes them (1000 × the fraction, cut to an integer).
 */
export function isoMilliseconds(utc: string): string {
  const milliseconds = Math.trunc(1000 * Number(`0.${utc.slice(20)}`));
  return `${utc.slice(0, 20)}${milliseconds < 10 ? '00' : milliseconds < 100 ? '0' : ''}${milliseconds}Z`;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const COLON = 0x3a;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * jsonb's text as the UTF-8 bytes of JSON.stringify(JSON.parse(text)), without parsing. PostgreSQL writes jsonb
 * with a space after each `,` and `:` between items, and escapes inside strings exactly as JSON.stringify does
 * (`\"`, `\\`, `\b\f\n\r\t`, `\u00xx` for other control characters, everything else as is): dropping the
 * spaces outside strings gives the same bytes. It is done on the bytes, in place: in UTF-8 a quote, a backslash
 * or a space is never part of another character. Two things differ and go through JSON instead: numbers (jsonb
 * writes them as PostgreSQL's numeric does, `1.50` for 1.50, JavaScript `1.5`) and keys that start with a digit
 * (JavaScript puts integer-like keys first).
 */
export function compactJsonb(text: string): Buffer {
  const bytes = Buffer.from(text);
  let to = 0;
  let inString = false;
  let stringStart = 0;
  for (let from = 0; from < bytes.length; from += 1) {
    const c = bytes[from]!;
    if (inString) {
      if (c === BACKSLASH) {
        bytes[to++] = c;
        from += 1;
        bytes[to++] = bytes[from]!;
        continue;
      }
      if (c === QUOTE) {
        inString = false;
        const first = bytes[stringStart + 1]!;
        if (bytes[from + 1] === COLON && first >= DIGIT_0 && first <= DIGIT_9) return viaJson(text);
      }
    } else if (c === QUOTE) {
      inString = true;
      stringStart = from;
    } else if (c === SPACE) {
      continue;
    } else if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      return viaJson(text);
    }
    bytes[to++] = c;
  }
  return bytes.subarray(0, to);
}

const viaJson = (text: string): Buffer => Buffer.from(JSON.stringify(JSON.parse(text)));
