import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { producerStateLost } from './kafka-relay.js';

/** The broker's answers as kafkajs raises them: protocol errors by Kafka error code (45 = OUT_OF_ORDER_SEQUENCE_NUMBER…). */
const protocolError = (type: string, code: number) => new KafkaJSProtocolError({ type, code, retriable: false, message: type } as unknown as string);

describe('producerStateLost: when the relay must start a new producer', () => {
  it("recognises the errors after which a producer's sequence state is gone, also wrapped by the retrier", () => {
    const lost = [
      protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45),
      protocolError('INVALID_PRODUCER_EPOCH', 47),
      protocolError('UNKNOWN_PRODUCER_ID', 59),
      protocolError('INVALID_PRODUCER_ID_MAPPING', 49),
    ];
    expect(lost.map((error) => producerStateLost(error))).toEqual([true, true, true, true]);
    expect(producerStateLost(new KafkaJSNumberOfRetriesExceeded(lost[0]!, { retryCount: 5, retryTime: 1000 }))).toBe(true);
  });

  it('leaves every other failure to the ordinary retry with the same producer', () => {
    const others = [
      protocolError('NOT_LEADER_FOR_PARTITION', 6),
      protocolError('REQUEST_TIMED_OUT', 7),
      new Error('connect ECONNREFUSED 127.0.0.1:9092'),
      undefined,
      'text',
    ];
    expect(others.map((error) => producerStateLost(error))).toEqual([false, false, false, false, false]);
  });
});
