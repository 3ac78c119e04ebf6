import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isRetriable, whileABrokerIsAway } from './while-a-broker-is-away.js';

const refused = () => new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9195', { broker: '127.0.0.1:9195', code: 'ECONNREFUSED' });

/** A step that fails with each of `failures` in turn, then answers `value`; counts its calls. */
function flaky<T>(failures: readonly Error[], value: T) {
  let calls = 0;
  return {
    step: async (): Promise<T> => {
      calls += 1;
      const failure = failures[calls - 1];
      if (failure) throw failure;
      return value;
    },
    calls: () => calls,
  };
}

describe('whileABrokerIsAway', () => {
  const warnings: object[] = [];
  const log = { warn: (fields: object) => void warnings.push(fields) };
  beforeEach(() => (warnings.length = 0));

  it('runs a step again while a broker refuses connections, and answers what it finally answers', async () => {
    const connect = flaky([refused(), new KafkaJSNumberOfRetriesExceeded(refused(), { retryCount: 8, retryTime: 5000 })], 'connected');
    await expect(whileABrokerIsAway(connect.step, { what: 'connecting', log, withinMs: 30_000 })).resolves.toBe('connected');
    expect(connect.calls()).toBe(3);
    expect(warnings).toHaveLength(2);
  });

  it('throws at once an error kafkajs does not retry (a bad request is not a restarting broker)', async () => {
    const denied = new KafkaJSProtocolError('Topic authorization failed');
    (denied as { retriable: boolean }).retriable = false;
    const step = flaky([denied], 'never');
    await expect(whileABrokerIsAway(step.step, { what: 'subscribing', log, withinMs: 30_000 })).rejects.toBe(denied);
    expect(step.calls()).toBe(1);
  });

  it('gives up with the error once the time is up', async () => {
    const failures = Array.from({ length: 20 }, refused);
    const step = flaky(failures, 'never');
    const thrown = await whileABrokerIsAway(step.step, { what: 'connecting', log, withinMs: 300 }).catch((error: unknown) => error);
    // The last refusal, after more than one try and well before the twentieth.
    expect(thrown).toBe(failures[step.calls() - 1]);
    expect(step.calls()).toBeGreaterThan(1);
    expect(step.calls()).toBeLessThan(20);
  });

  it('reads retriable from the error or from the error its exhausted retries wrap', () => {
    expect(isRetriable(refused())).toBe(true);
    expect(isRetriable(new KafkaJSNumberOfRetriesExceeded(refused(), { retryCount: 1, retryTime: 1 }))).toBe(true);
    expect(isRetriable(new KafkaJSNonRetriableError('bad config'))).toBe(false);
    expect(isRetriable(new Error('ECONNREFUSED'))).toBe(false);
    expect(isRetriable('refused')).toBe(false);
  });
});
