import type { PortfolioEvent } from '@ecab/contracts';
import type { RecordedEvent } from '@ecab/event-store';

/** A stored event as consumers see it; subject and cluster come from the metadata the write side records. */
export function portfolioEventFromRecorded(recorded: RecordedEvent): PortfolioEvent {
  const metadata = recorded.metadata;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const subject = text(metadata.subject) ?? recorded.streamId.replace(/^[a-z]+-/, '');
  return {
    eventId: recorded.eventId,
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    streamId: recorded.streamId,
    streamVersion: recorded.streamVersion,
    subject,
    cluster: text(metadata.cluster),
    time: recorded.recordedAt.toISOString(),
    data: recorded.data,
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
    actor: text(metadata.actor),
    traceparent: text(metadata.traceparent),
    position: recorded.position.toString(),
  };
}
