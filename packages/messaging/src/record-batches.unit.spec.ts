import type { Message } from 'kafkajs';
import { recordBytes, requestsWithin } from './record-batches.js';

const message = (key: string, valueBytes: number, headers: Record<string, string> = {}): Message => ({ key, value: Buffer.alloc(valueBytes, 'x'), headers });

describe('requestsWithin', () => {
  it('keeps every request within the byte limit, and the messages in their order', () => {
    const messages = Array.from({ length: 40 }, (_, n) => ({
      topic: n % 3 === 0 ? 'a' : 'b',
      message: message(`k${n % 5}`, 100 + n * 7, { ce_id: `id-${n}` }),
    }));
    const limit = 1_000;
    const requests = requestsWithin(messages, limit);

    for (const request of requests) {
      expect(request.flatMap((t) => t.messages).reduce((sum, m) => sum + recordBytes(m), 0)).toBeLessThanOrEqual(limit);
    }
    // In order: each request's messages per topic, requests one after another, give back the input per topic.
    for (const topic of ['a', 'b']) {
      const sent = requests.flatMap((request) => request.filter((t) => t.topic === topic).flatMap((t) => t.messages));
      expect(sent).toEqual(messages.filter((m) => m.topic === topic).map((m) => m.message));
    }
    // Full requests: a request and the next message would not have fitted together.
    for (let n = 0; n + 1 < requests.length; n += 1) {
      const bytes = requests[n]!.flatMap((t) => t.messages).reduce((sum, m) => sum + recordBytes(m), 0);
      const nextFirst = messages[requests.slice(0, n + 1).flatMap((r) => r.flatMap((t) => t.messages)).length]!.message;
      expect(bytes + recordBytes(nextFirst)).toBeGreaterThan(limit);
    }
  });

  it('sends a message larger than the limit alone, and nothing for no messages', () => {
    const big = { topic: 'a', message: message('k', 5_000) };
    const small = { topic: 'a', message: message('k', 10) };
    expect(requestsWithin([small, big, small], 1_000).map((request) => request.flatMap((t) => t.messages.length))).toEqual([[1], [1], [1]]);
    expect(requestsWithin([], 1_000)).toEqual([]);
  });

  it('counts key, value and headers, with framing, as bytes of the batch', () => {
    const plain = recordBytes({ key: 'key', value: 'value' });
    expect(recordBytes({ key: 'key', value: 'value', headers: { name: 'text' } })).toBeGreaterThan(plain + 'name'.length + 'text'.length - 1);
    expect(recordBytes({ key: null, value: Buffer.alloc(1_000) })).toBeGreaterThanOrEqual(1_000);
    expect(recordBytes({ key: 'é', value: null })).toBeGreaterThanOrEqual(2);
  });
});
