import { type CloudEventAttributes, encodeCloudEventJson, type KafkaRecord, type PortfolioEvent } from '@ecab/contracts';
import type { RecordedEventJson } from '@ecab/event-store';
import type { Message, TopicMessages } from 'kafkajs';
import { setImmediate } from 'node:timers/promises';
import type { LogSink } from './kafka-config.js';
import { storedEventWireMessage } from './parking/event-wire.js';
import type { MessageToPark, ParkedMessageStore } from './parking/parked-message-store.js';
import { errorText, WAITING_BEHIND } from './parking/sequenced-parking.js';
import { requestsWithin } from './record-batches.js';
import { cloudEventAttributesOf } from './recorded-to-portfolio-event.js';

/** A batch of the log made ready to send. */
export interface PreparedBatch {
  /** How many events go to Kafka. */
  outgoing: number;
  /** What goes to Kafka, in log order, cut into the produce requests that carry it, sent one after another (see requestsWithin). */
  requests: TopicMessages[][];
  /** What is parked once Kafka acknowledged `requests`: events of projects that wait, and events this build cannot encode. */
  toPark: MessageToPark[];
  /** Lets go of the parking lock, held shared since the batch was checked for parked projects: once it was sent and parked, or given up. */
  releaseParkingLock(): void;
}

export interface RelayBatchOptions {
  parked: ParkedMessageStore;
  consumer: string;
  /** A stand-in for this build's encoder (a test's newer build); by default the data's JSON text goes out as read. */
  encode: ((event: PortfolioEvent) => KafkaRecord) | undefined;
  /** The topic of a cluster's events. */
  topicOf: (cluster: string | undefined) => string;
  maxRequestBytes: number;
  log: LogSink;
}

/** The record of an event, or why this build cannot encode it. */
function encoded(options: RelayBatchOptions, attributes: CloudEventAttributes, event: RecordedEventJson): KafkaRecord | { error: unknown } {
  try {
    return options.encode ? options.encode(withData(attributes, event)) : encodeCloudEventJson(attributes, event.dataJson);
  } catch (error) {
    return { error };
  }
}

const withData = (attributes: CloudEventAttributes, event: RecordedEventJson): PortfolioEvent => ({
  ...attributes,
  data: JSON.parse(event.dataJson.toString()) as Record<string, unknown>,
});

/**
 * Prepares a batch of the log: takes the relay's parking lock shared (the caller lets go of it with
 * releaseParkingLock once the batch was sent and parked) and learns which of its projects wait behind a
 * parked event, encodes the others' events (each event's data goes out as the JSON text it was read as), and
 * cuts them into produce requests. An event of a waiting project, or one this build cannot encode (which makes
 * its project wait), is to be parked in the stored form, once Kafka acknowledged the batch.
 */
export async function prepareRelayBatch(options: RelayBatchOptions, batch: RecordedEventJson[]): Promise<PreparedBatch> {
  const attributes = batch.map(cloudEventAttributesOf);
  const locking = options.parked.lockShared(options.consumer, [...new Set(attributes.map((a) => a.subject))]);
  locking.catch(() => undefined); // awaited below: a failure is thrown there
  let records: (KafkaRecord | { error: unknown })[];
  try {
    // Encoded while PostgreSQL answers (one turn of the event loop lets the query go out first).
    await setImmediate();
    records = attributes.map((a, index) => encoded(options, a, batch[index]!));
  } catch (error) {
    locking.then(
      (lock) => lock.release(),
      () => undefined,
    );
    throw error;
  }
  const lock = await locking;
  try {
    return { ...sorted(options, batch, attributes, records, lock.waiting), releaseParkingLock: lock.release };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The batch's events to send, cut into requests, and those to park. */
function sorted(
  options: RelayBatchOptions,
  batch: RecordedEventJson[],
  attributes: CloudEventAttributes[],
  records: (KafkaRecord | { error: unknown })[],
  waiting: Set<string>,
): Omit<PreparedBatch, 'releaseParkingLock'> {
  const outgoing: { topic: string; message: Message }[] = [];
  const toPark: MessageToPark[] = [];
  for (const [index, event] of attributes.entries()) {
    const origin = `log@${event.position}`;
    if (waiting.has(event.subject)) {
      toPark.push({ subject: event.subject, origin, message: storedEventWireMessage(withData(event, batch[index]!)), error: WAITING_BEHIND });
      continue;
    }
    const record = records[index]!;
    if ('error' in record) {
      // The same event fails the same way every time: park it with its project instead of halting the log.
      const text = errorText(record.error);
      options.log.error(
        { consumer: options.consumer, subject: event.subject, origin, type: event.type, schemaVersion: event.schemaVersion, error: text },
        'relay parked an event it cannot publish',
      );
      waiting.add(event.subject);
      toPark.push({ subject: event.subject, origin, message: storedEventWireMessage(withData(event, batch[index]!)), error: text });
      continue;
    }
    outgoing.push({ topic: options.topicOf(event.cluster), message: record });
  }
  return { outgoing: outgoing.length, requests: requestsWithin(outgoing, options.maxRequestBytes), toPark };
}
