import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import { decodeCloudEvent, encodeCloudEvent, EventDecodingError } from './cloudevents-kafka.js';
import type { PortfolioEvent } from './portfolio-event.js';

const registered: PortfolioEvent = {
  eventId: '0b6d2f64-4a8e-4b55-9d4e-6a3f1c2b7e01',
  type: 'ProjectRegistered',
  schemaVersion: 1,
  streamId: 'project-ECAB-TR-01',
  streamVersion: 1,
  subject: 'ECAB-TR-01',
  cluster: 'transport',
  time: '2026-11-26T10:00:00.000Z',
  data: { projectId: 'ECAB-TR-01', title: 'Almaty–Issyk-Kul road: FS', cluster: 'transport' },
  correlationId: 'c-1',
  causationId: 'cmd-1',
  actor: 'pm@ecab',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

describe('CloudEvents binary mode on Kafka', () => {
  it('writes the required attributes and the ECAB extensions as ce_ headers', () => {
    const record = encodeCloudEvent(registered);
    expect(record.key).toBe('ECAB-TR-01');
    expect(record.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: registered.eventId,
      ce_source: '/ecab/portfolio',
      ce_type: 'ecab.project.registered.v1',
      ce_subject: 'ECAB-TR-01',
      ce_time: '2026-11-26T10:00:00.000Z',
      ce_dataschema: 'urn:ecab:schema:ecab.project.registered.v1',
      'content-type': 'application/json',
      ce_cluster: 'transport',
      ce_streamversion: '1',
      ce_partitionkey: 'ECAB-TR-01',
    });
    expect(JSON.parse(record.value.toString())).toEqual(registered.data);
  });

  it('is read by the CloudEvents SDK as a valid event with the same data', () => {
    const record = encodeCloudEvent(registered);
    const message: KafkaMessage<Buffer> = { key: record.key, value: record.value, headers: record.headers, body: record.value };
    const event = Kafka.toEvent(message) as CloudEvent<unknown>;
    expect(event.validate()).toBe(true);
    expect(event.type).toBe('ecab.project.registered.v1');
    expect(event.subject).toBe('ECAB-TR-01');
    expect(event['cluster']).toBe('transport');
    expect(event['streamversion']).toBe('1');
    expect(event.data).toEqual(registered.data);
  });

  it('round-trips through its own decoder, Buffer headers included', () => {
    const record = encodeCloudEvent(registered);
    const bufferHeaders = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(decodeCloudEvent({ key: record.key, value: record.value, headers: bufferHeaders })).toEqual(registered);
  });

  it('carries the event store position as the ce_position extension, there and back', () => {
    const positioned: PortfolioEvent = { ...registered, position: '9007199254740993' }; // past Number's exact range
    const record = encodeCloudEvent(positioned);
    expect(record.headers.ce_position).toBe('9007199254740993');
    const message: KafkaMessage<Buffer> = { key: record.key, value: record.value, headers: record.headers, body: record.value };
    const sdkEvent = Kafka.toEvent(message) as CloudEvent<unknown>;
    expect(sdkEvent.validate()).toBe(true);
    expect(sdkEvent['position']).toBe('9007199254740993');
    const bufferHeaders = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(decodeCloudEvent({ key: record.key, value: record.value, headers: bufferHeaders })).toEqual(positioned);
    expect(decodeCloudEvent({ key: record.key, value: record.value, headers: bufferHeaders }).position).toBe('9007199254740993');
  });

  it('writes no ce_position for an event without one, and decodes none', () => {
    const record = encodeCloudEvent(registered);
    expect(record.headers).not.toHaveProperty('ce_position');
    expect(decodeCloudEvent({ key: record.key, value: record.value, headers: record.headers }).position).toBeUndefined();
  });

  it.each([
    ['no ce_type', { ce_type: undefined }, /ce_type/],
    ['an unknown type', { ce_type: 'ecab.project.exploded.v1' }, /unknown event type/],
    ['another spec version', { ce_specversion: '0.3' }, /ce_specversion/],
    ['a bad stream version', { ce_streamversion: 'x' }, /ce_streamversion/],
    ['a non-JSON content type', { 'content-type': 'application/xml' }, /content-type/],
  ])('rejects a message with %s', (_name, override, message) => {
    const record = encodeCloudEvent(registered);
    const headers: Record<string, string | undefined> = { ...record.headers, ...override };
    const cleaned = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(() => decodeCloudEvent({ value: record.value, headers: cleaned })).toThrow(message);
  });

  it('rejects a value that is not a JSON object', () => {
    const { headers } = encodeCloudEvent(registered);
    expect(() => decodeCloudEvent({ value: Buffer.from('{oops'), headers })).toThrow(EventDecodingError);
    expect(() => decodeCloudEvent({ value: Buffer.from('[1]'), headers })).toThrow('not a JSON object');
  });
});
