import type { Message, TopicMessages } from 'kafkajs';

/**
 * Kafka refuses a record batch larger than the topic's max.message.bytes (1 MiB by default), and refuses
 * it again on every retry: a relay that put a backlog's worth of one partition into one batch would stop
 * there for good. The relay's requests stay under this many bytes of records (before compression), so
 * no partition's batch can pass it whichever partitions the keys fall on.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 900 * 1024;

/** Each record's own framing in a v2 batch (lengths, offset and timestamp deltas, attributes): a generous bound. */
const RECORD_OVERHEAD_BYTES = 32;
const HEADER_OVERHEAD_BYTES = 8;

function byteLength(value: Message['value'] | Message['key'] | string | Buffer | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

/** How many bytes a message takes in a record batch, uncompressed, at most. */
export function recordBytes(message: Message): number {
  let bytes = RECORD_OVERHEAD_BYTES + byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) bytes += HEADER_OVERHEAD_BYTES + Buffer.byteLength(name) + byteLength(one as string | Buffer | undefined);
  }
  return bytes;
}

/**
 * Cuts messages, in the order given, into consecutive requests of at most `maxBytes` each (a message
 * larger than that goes alone); within a request, messages are grouped by topic in their order. Sent one
 * after another, the requests keep every key's order.
 */
export function requestsWithin(messages: readonly { topic: string; message: Message }[], maxBytes: number): TopicMessages[][] {
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be positive, got ${maxBytes}`);
  const requests: TopicMessages[][] = [];
  let current = new Map<string, Message[]>();
  let bytes = 0;
  const close = () => {
    if (current.size > 0) requests.push([...current].map(([topic, topicMessages]) => ({ topic, messages: topicMessages })));
    current = new Map();
    bytes = 0;
  };
  for (const { topic, message } of messages) {
    const size = recordBytes(message);
    if (bytes > 0 && bytes + size > maxBytes) close();
    const topicMessages = current.get(topic) ?? [];
    topicMessages.push(message);
    current.set(topic, topicMessages);
    bytes += size;
  }
  close();
  return requests;
}
