import { gzipSync } from 'node:zlib';
import kafkajs, { CompressionTypes, logLevel } from 'kafkajs';
import { inflateGzipBatchesInPlace, kafkaEntryLevel } from './kafka-config.js';

describe("kafkajs' log lines in the service's log", () => {
  it('keeps the broker answers kafkajs retries on a first start (no coordinator, no leader yet) out of the error level', () => {
    for (const error of [
      'The group coordinator is not available',
      'There is no leader for this topic-partition as we are in the middle of a leadership election',
    ]) {
      expect(kafkaEntryLevel(logLevel.ERROR, { message: 'Response GroupCoordinator(key: 10, version: 2)', error })).toBe('debug');
    }
  });

  it('keeps a failed topic creation, which ensureTopics handles (two services creating the same topic), out of the error level', () => {
    expect(kafkaEntryLevel(logLevel.ERROR, { message: 'Response CreateTopics(key: 19, version: 3)', error: 'Topic creation errors' })).toBe('debug');
    expect(kafkaEntryLevel(logLevel.ERROR, { message: 'Response Metadata(key: 3, version: 6)', error: 'Topic creation errors' })).toBe('error');
  });

  it('keeps every other error an error, and the other levels as they are', () => {
    expect(kafkaEntryLevel(logLevel.ERROR, { message: 'Response Produce(key: 0, version: 7)', error: 'Topic authorization failed' })).toBe('error');
    expect(
      kafkaEntryLevel(logLevel.ERROR, { message: '[Consumer] Crash: KafkaJSNumberOfRetriesExceeded', error: 'The group coordinator is not available' }),
    ).toBe('error');
    expect(kafkaEntryLevel(logLevel.WARN, { message: 'x' })).toBe('warn');
    expect(kafkaEntryLevel(logLevel.INFO, { message: 'x' })).toBe('info');
  });
});

describe('gzip record batches inflated in place', () => {
  interface Codec {
    compress(encoder: { buffer: Buffer }): Promise<Buffer>;
    decompress(buffer: Buffer): Promise<Buffer>;
  }
  // Taken before anything in this spec made a client: kafkajs' own codec.
  const kafkajsOwn = kafkajs.CompressionCodecs[CompressionTypes.GZIP];
  const codec = (): Codec => {
    inflateGzipBatchesInPlace();
    return kafkajs.CompressionCodecs[CompressionTypes.GZIP]() as Codec;
  };

  it("inflates what kafkajs' gzip compresses, and what any gzip writer wrote", async () => {
    const bytes = Buffer.from(JSON.stringify({ amount: '1.00', currency: 'USD', note: 'é'.repeat(300) }));
    const compressed = await codec().compress({ buffer: bytes });
    expect(compressed.equals(bytes)).toBe(false);
    expect((await codec().decompress(compressed)).equals(bytes)).toBe(true);
    expect((await codec().decompress(gzipSync(bytes))).equals(bytes)).toBe(true);
  });

  it('rejects a corrupt batch rather than throwing where kafkajs awaits it', async () => {
    const pending = codec().decompress(Buffer.from('not gzip at all'));
    await expect(pending).rejects.toThrow();
  });

  it('is put in place once, however many clients are made', () => {
    inflateGzipBatchesInPlace();
    const first = kafkajs.CompressionCodecs[CompressionTypes.GZIP];
    expect(first).not.toBe(kafkajsOwn);
    inflateGzipBatchesInPlace();
    expect(kafkajs.CompressionCodecs[CompressionTypes.GZIP]).toBe(first);
  });
});
