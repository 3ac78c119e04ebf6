import { decodeCloudEvent, upcast } from '@ecab/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { decodeWireMessage } from './parking/event-wire.js';
import type { WireMessage } from './parking/parked-message-store.js';
import type { Delivery } from './parking/sequenced-parking.js';

function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

function toWire(message: KafkaMessage): WireMessage {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const value = headerText(message.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  return { key: message.key?.toString() ?? null, value: message.value?.toString('base64') ?? null, headers };
}

/**
 * A fetched message as a delivery: decoded from the fetched bytes; its wire form made only if it is
 * parked or copied to the dead-letter topic. A message without `ce_type` (an event in the stored form)
 * decodes through its wire form, as a parked one does.
 */
export function deliveryOf(message: KafkaMessage, origin: string): Delivery {
  let wire: WireMessage | undefined;
  const wireForm = (): WireMessage => (wire ??= toWire(message));
  return {
    subject: headerText(message.headers, 'ce_subject') ?? message.key?.toString() ?? '(no subject)',
    origin,
    get message() {
      return wireForm();
    },
    decode: () =>
      message.headers?.ce_type === undefined
        ? decodeWireMessage(wireForm())
        : upcast(decodeCloudEvent({ key: message.key, value: message.value, headers: message.headers ?? {} })),
  };
}

/** A partition's fetched messages as deliveries, each with its origin (`topic/partition@offset`). */
export function deliveriesOf(batch: { topic: string; partition: number }, messages: readonly KafkaMessage[]): Delivery[] {
  return messages.map((message) => deliveryOf(message, `${batch.topic}/${batch.partition}@${message.offset}`));
}
