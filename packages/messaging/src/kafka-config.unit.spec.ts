import { logLevel } from 'kafkajs';
import { kafkaEntryLevel } from './kafka-config.js';

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
