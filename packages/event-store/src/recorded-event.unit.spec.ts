import { toRecordedEvent } from './recorded-event.js';
import { WrongExpectedVersionError } from './wrong-expected-version-error.js';

describe('toRecordedEvent', () => {
  it('turns int8 and xid8 strings into exact bigints', () => {
    const recordedAt = new Date('2025-03-01T10:00:00Z');
    const event = toRecordedEvent({
      position: '9007199254740993', // 2^53 + 1: a Number would round it
      transaction_id_text: '18446744073709551615',
      stream_id: 'project-1',
      stream_version: 4,
      event_id: '0b6f2f52-6d1c-4c41-9d7f-6f0e8f1f6a11',
      type: 'DisbursementRecorded',
      schema_version: 1,
      data: { amount: '250000.00' },
      metadata: { actor: 'pm' },
      recorded_at: recordedAt,
    });
    expect(event).toEqual({
      position: 9007199254740993n,
      transactionId: 18446744073709551615n,
      streamId: 'project-1',
      streamVersion: 4,
      eventId: '0b6f2f52-6d1c-4c41-9d7f-6f0e8f1f6a11',
      type: 'DisbursementRecorded',
      schemaVersion: 1,
      data: { amount: '250000.00' },
      metadata: { actor: 'pm' },
      recordedAt,
    });
  });
});

describe('WrongExpectedVersionError', () => {
  it('names the stream and both versions', () => {
    const error = new WrongExpectedVersionError('project-9', 3, 5);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('WrongExpectedVersionError');
    expect(error.message).toBe('Stream project-9 is at version 5, expected 3');
    expect(error).toMatchObject({ streamId: 'project-9', expectedVersion: 3, actualVersion: 5 });
  });
});
