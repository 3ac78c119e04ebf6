import { CE_SOURCE, CE_SPEC_VERSION, decodeCloudEvent, encodeCloudEvent, upcast, type KafkaRecord, type PortfolioEvent } from '@ecab/contracts';
import type { WireMessage } from './parked-message-store.js';

/**
 * The stored type and schema version of an event parked without a contract this build knows (an older
 * build reading a newer event): such a message has no `ce_type`, only these, so that a build that knows
 * the contract can encode or decode it later.
 */
export const STORED_TYPE_HEADER = 'ecab_storedtype';
export const STORED_SCHEMA_VERSION_HEADER = 'ecab_storedschemaversion';

export function toWireMessage(record: KafkaRecord): WireMessage {
  return { key: record.key, value: record.value.toString('base64'), headers: record.headers };
}

/**
 * An event in a form every build can keep: the CloudEvents attributes that need no contract, the stored
 * type and version instead of `ce_type`, and the data as the value.
 */
export function storedEventWireMessage(event: PortfolioEvent): WireMessage {
  const headers: Record<string, string> = {
    ce_specversion: CE_SPEC_VERSION,
    ce_id: event.eventId,
    ce_source: CE_SOURCE,
    ce_subject: event.subject,
    ce_time: event.time,
    'content-type': 'application/json',
    ce_streamid: event.streamId,
    ce_streamversion: String(event.streamVersion),
    ce_partitionkey: event.subject,
    [STORED_TYPE_HEADER]: event.type,
    [STORED_SCHEMA_VERSION_HEADER]: String(event.schemaVersion),
  };
  const optional = {
    ce_cluster: event.cluster,
    ce_correlationid: event.correlationId,
    ce_causationid: event.causationId,
    ce_actor: event.actor,
    ce_traceparent: event.traceparent,
    ce_position: event.position,
  };
  for (const [name, value] of Object.entries(optional)) if (value) headers[name] = value;
  return { key: event.subject, value: Buffer.from(JSON.stringify(event.data)).toString('base64'), headers };
}

/** The CloudEvent of the event when this build has its contract, else the stored form (and why). */
export function wireMessageOf(
  event: PortfolioEvent,
  encode: (event: PortfolioEvent) => KafkaRecord = encodeCloudEvent,
): { message: WireMessage; error?: unknown } {
  try {
    return { message: toWireMessage(encode(event)) };
  } catch (error) {
    return { message: storedEventWireMessage(event), error };
  }
}

export function isStoredEventWireMessage(message: WireMessage): boolean {
  return message.headers.ce_type === undefined && message.headers[STORED_TYPE_HEADER] !== undefined;
}

/** The event of a stored-form message as it was stored (no contract needed, none checked). */
export function storedEventOf(message: WireMessage): PortfolioEvent {
  const h = message.headers;
  const data: unknown = JSON.parse(Buffer.from(message.value ?? '', 'base64').toString());
  return {
    eventId: h.ce_id ?? '',
    type: h[STORED_TYPE_HEADER] ?? '',
    schemaVersion: Number(h[STORED_SCHEMA_VERSION_HEADER]),
    streamId: h.ce_streamid ?? '',
    streamVersion: Number(h.ce_streamversion),
    subject: h.ce_subject ?? '',
    cluster: h.ce_cluster,
    time: h.ce_time ?? '',
    data: data as Record<string, unknown>,
    correlationId: h.ce_correlationid,
    causationId: h.ce_causationid,
    actor: h.ce_actor,
    traceparent: h.ce_traceparent,
    position: h.ce_position,
  };
}

/**
 * The event of a parked message, as this build reads it: decoded (a stored-form message through its
 * contract, which fails while this build has none) and upcast to the newest version of its type.
 */
export function decodeWireMessage(message: WireMessage): PortfolioEvent {
  const record = isStoredEventWireMessage(message)
    ? encodeCloudEvent(storedEventOf(message))
    : { key: message.key, value: message.value === null ? null : Buffer.from(message.value, 'base64'), headers: message.headers };
  return upcast(decodeCloudEvent(record));
}
