import { contractForCeType, contractForStoredType, dataSchemaUrn } from './event-types.js';
import type { PortfolioEvent } from './portfolio-event.js';

/** CloudEvents 1.0, Kafka protocol binding, binary content mode. */
export const CE_SOURCE = '/ecab/portfolio';
export const CE_SPEC_VERSION = '1.0';

export interface KafkaRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

export class EventDecodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventDecodingError';
  }
}

/** An event's CloudEvents attributes: all of it but its data. */
export type CloudEventAttributes = Omit<PortfolioEvent, 'data'>;

export function encodeCloudEvent(event: PortfolioEvent): KafkaRecord {
  return encodeCloudEventJson(event, Buffer.from(JSON.stringify(event.data)));
}

/**
 * As encodeCloudEvent, for an event whose data is JSON already, the UTF-8 of what JSON.stringify writes (the relay reads
 * it so from the event store): the same record, byte for byte, without building the data to write it again.
 */
export function encodeCloudEventJson(event: CloudEventAttributes, dataJson: Buffer): KafkaRecord {
  const contract = contractForStoredType(event.type, event.schemaVersion);
  const headers: Record<string, string> = {
    ce_specversion: CE_SPEC_VERSION,
    ce_id: event.eventId,
    ce_source: CE_SOURCE,
    ce_type: contract.ceType,
    ce_subject: event.subject,
    ce_time: event.time,
    ce_dataschema: dataSchemaUrn(contract),
    'content-type': 'application/json',
    ce_streamid: event.streamId,
    ce_streamversion: String(event.streamVersion),
    ce_partitionkey: event.subject,
  };
  if (event.cluster) headers.ce_cluster = event.cluster;
  if (event.correlationId) headers.ce_correlationid = event.correlationId;
  if (event.causationId) headers.ce_causationid = event.causationId;
  if (event.actor) headers.ce_actor = event.actor;
  // W3C trace context, as the CloudEvents distributed-tracing extension names it.
  if (event.traceparent) headers.ce_traceparent = event.traceparent;
  if (event.position) headers.ce_position = event.position;
  return { key: event.subject, value: dataJson, headers };
}

function headerText(headers: Record<string, KafkaHeaderValue>, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

function required(headers: Record<string, KafkaHeaderValue>, name: string): string {
  const value = headerText(headers, name);
  if (value === undefined || value === '') throw new EventDecodingError(`missing header ${name}`);
  return value;
}

export function decodeCloudEvent(message: {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, KafkaHeaderValue>;
}): PortfolioEvent {
  const headers = message.headers ?? {};
  const specVersion = required(headers, 'ce_specversion');
  if (specVersion !== CE_SPEC_VERSION) throw new EventDecodingError(`unsupported ce_specversion ${specVersion}`);
  const contentType = headerText(headers, 'content-type');
  if (contentType !== undefined && !contentType.startsWith('application/json')) {
    throw new EventDecodingError(`unsupported content-type ${contentType}`);
  }
  let contract;
  try {
    contract = contractForCeType(required(headers, 'ce_type'));
  } catch (error) {
    throw new EventDecodingError((error as Error).message);
  }
  if (message.value === null) throw new EventDecodingError('message has no value');
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString());
  } catch {
    throw new EventDecodingError('value is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new EventDecodingError('value is not a JSON object');
  }
  const streamVersion = Number(required(headers, 'ce_streamversion'));
  if (!Number.isInteger(streamVersion) || streamVersion < 1) {
    throw new EventDecodingError('ce_streamversion is not a positive integer');
  }
  return {
    eventId: required(headers, 'ce_id'),
    type: contract.type,
    schemaVersion: contract.schemaVersion,
    streamId: required(headers, 'ce_streamid'),
    streamVersion,
    subject: required(headers, 'ce_subject'),
    cluster: headerText(headers, 'ce_cluster'),
    time: required(headers, 'ce_time'),
    data: data as Record<string, unknown>,
    correlationId: headerText(headers, 'ce_correlationid'),
    causationId: headerText(headers, 'ce_causationid'),
    actor: headerText(headers, 'ce_actor'),
    traceparent: headerText(headers, 'ce_traceparent'),
    position: headerText(headers, 'ce_position'),
  };
}
