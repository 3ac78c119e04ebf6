import type { CloudEventAttributes, PortfolioEvent } from '@ecab/contracts';
import type { RecordedEvent, RecordedEventJson } from '@ecab/event-store';

/** A stored event as consumers see it; subject and cluster come from the metadata the write side records. */
export function portfolioEventFromRecorded(recorded: RecordedEvent): PortfolioEvent {
  return { ...attributesOf(recorded, recorded.recordedAt.toISOString()), data: recorded.data };
}

/** What portfolioEventFromRecorded gives but the data, for an event read with its data as JSON text (the relay's read). */
export function cloudEventAttributesOf(recorded: RecordedEventJson): CloudEventAttributes {
  return attributesOf(recorded, recorded.time);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function attributesOf(recorded: Omit<RecordedEvent, 'data' | 'recordedAt'>, time: string): CloudEventAttributes {
  const metadata = recorded.metadata;
  const subject = text(metadata.subject) ?? recorded.streamId.replace(/^[a-z]+-/, '');
  return {
    eventId: recorded.eventId,
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    streamId: recorded.streamId,
    streamVersion: recorded.streamVersion,
    subject,
    cluster: text(metadata.cluster),
    time,
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
    actor: text(metadata.actor),
    traceparent: text(metadata.traceparent),
    position: recorded.position.toString(),
  };
}
