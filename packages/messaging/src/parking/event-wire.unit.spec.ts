import { encodeCloudEvent, UnknownEventTypeError, type PortfolioEvent } from '@ecab/contracts';
import { portfolioEventFromRecorded } from '../recorded-to-portfolio-event.js';
import { decodeWireMessage, isStoredEventWireMessage, storedEventOf, storedEventWireMessage, wireMessageOf } from './event-wire.js';

const registered: PortfolioEvent = {
  eventId: '0b6d2f64-4a8e-4b55-9d4e-6a3f1c2b7e01',
  type: 'ProjectRegistered',
  schemaVersion: 1,
  streamId: 'project-ECAB-TR-01',
  streamVersion: 1,
  subject: 'ECAB-TR-01',
  cluster: 'transport',
  time: '2026-11-26T10:00:00.000Z',
  data: { projectId: 'ECAB-TR-01', title: 'Road', cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] },
  correlationId: 'c-1',
  causationId: 'cmd-1',
  actor: 'pm@ecab',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  position: '4242',
};

describe('the wire forms of parked messages', () => {
  it('gives the position of a stored event to consumers as a decimal string', () => {
    const event = portfolioEventFromRecorded({
      position: 9007199254740993n,
      transactionId: 7n,
      streamId: 'project-X',
      streamVersion: 3,
      eventId: 'e',
      type: 'ProjectRegistered',
      schemaVersion: 1,
      data: {},
      metadata: { subject: 'X' },
      recordedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(event.position).toBe('9007199254740993');
    expect(encodeCloudEvent(event).headers.ce_position).toBe('9007199254740993');
  });

  it('is the CloudEvent when this build knows the contract', () => {
    const { message, error } = wireMessageOf(registered);
    expect(error).toBeUndefined();
    expect(isStoredEventWireMessage(message)).toBe(false);
    expect(message.headers.ce_type).toBe('ecab.project.registered.v1');
    expect(decodeWireMessage(message)).toEqual(registered);
  });

  it('keeps an event of an unknown type or a newer version in the stored form, which only a build that knows it decodes', () => {
    for (const unknown of [
      { ...registered, type: 'ProjectTeleported' },
      { ...registered, schemaVersion: 99 },
    ]) {
      const { message, error } = wireMessageOf(unknown);
      expect(error).toBeInstanceOf(UnknownEventTypeError);
      expect(isStoredEventWireMessage(message)).toBe(true);
      expect(message.headers.ce_type).toBeUndefined();
      expect(storedEventOf(message)).toEqual(unknown);
      expect(() => decodeWireMessage(message)).toThrow(UnknownEventTypeError);
    }
  });

  it('decodes the stored form of an event whose contract this build has', () => {
    const message = storedEventWireMessage(registered);
    expect(isStoredEventWireMessage(message)).toBe(true);
    expect(decodeWireMessage(message)).toEqual(registered);
  });
});
