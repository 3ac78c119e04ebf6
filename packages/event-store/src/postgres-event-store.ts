import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EventsChannelNotifier } from './events-channel.js';
import { PreparedStatement } from './prepared-statement.js';
import { EVENT_COLUMNS, type EventMetadata, type EventRow, type NewEvent, type RecordedEvent, toRecordedEvent } from './recorded-event.js';
import { WrongExpectedVersionError } from './wrong-expected-version-error.js';

const STREAM_VERSION_CONSTRAINT = 'events_stream_id_stream_version_key';
const IDEMPOTENCY_KEY_INDEX = 'events_idempotency_key_idx';

/** Another append already carries this idempotency key: the command was sent before; nothing was stored now. */
export class DuplicateIdempotencyKeyError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`an event with idempotency key ${idempotencyKey} is already stored`);
    this.name = 'DuplicateIdempotencyKeyError';
  }
}

/**
 * The whole append is one statement, so one transaction and one round trip: read the stream's version
 * and insert every event only if it equals the expected version. A writer racing on the same stream sees
 * the same version, then blocks on the unique (stream_id, stream_version) index until the winner commits,
 * and fails with 23505.
 */
const APPEND = new PreparedStatement<AppendRow>(
  'ecab_event_store_append',
  `WITH current_version AS (
     SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1
   ), inserted AS (
     INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
     SELECT $1, current_version.version + e.ordinal, e.event_id, e.type, e.schema_version, e.data, e.metadata
     FROM current_version,
          unnest($3::uuid[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[])
            WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, ordinal)
     WHERE current_version.version = $2::integer
     ORDER BY e.ordinal
     RETURNING position, transaction_id, stream_version, recorded_at
   )
   SELECT current_version.version AS current_version, inserted.position,
          inserted.transaction_id::text AS transaction_id_text, inserted.stream_version, inserted.recorded_at
   FROM current_version LEFT JOIN inserted ON true`,
);

const READ_STREAM = new PreparedStatement<EventRow>(
  'ecab_event_store_read_stream',
  `SELECT ${EVENT_COLUMNS} FROM events
   WHERE stream_id = $1 AND stream_version BETWEEN $2::integer AND $3::integer
   ORDER BY events.stream_version`,
);

const STREAM_VERSION = new PreparedStatement<{ version: number }>(
  'ecab_event_store_stream_version',
  'SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1',
);

interface AppendRow {
  current_version: number;
  position: string | null;
  transaction_id_text: string | null;
  stream_version: number | null;
  recorded_at: Date | null;
}

/** An AppendRow that carries an inserted event (the LEFT JOIN yields one row of nulls when none was). */
type InsertedRow = AppendRow & { position: string; transaction_id_text: string; stream_version: number; recorded_at: Date };

const isInserted = (row: AppendRow): row is InsertedRow => row.position !== null;

export interface PostgresEventStoreOptions {
  /** Announce appends on the ecab_events channel right after they commit (default true). */
  notify?: boolean;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as the next expected version. */
  nextVersion: number;
  events: RecordedEvent[];
}

export class PostgresEventStore {
  private readonly notifier: EventsChannelNotifier | undefined;

  constructor(
    private readonly dataSource: DataSource,
    options: PostgresEventStoreOptions = {},
  ) {
    this.notifier = (options.notify ?? true) ? new EventsChannelNotifier(dataSource) : undefined;
  }

  /**
   * Appends `events` as versions expectedVersion+1.. of the stream, atomically. expectedVersion 0 means
   * the stream must not exist yet. Throws WrongExpectedVersionError (nothing stored) if the stream is at
   * another version or a concurrent writer won.
   */
  async append(streamId: string, expectedVersion: number, events: NewEvent[]): Promise<AppendResult> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new RangeError(`expectedVersion must be a non-negative integer, got ${expectedVersion}`);
    }
    const eventIds = events.map((event) => event.eventId ?? randomUUID());
    const dataJson = events.map((event) => JSON.stringify(event.data));
    const metadataJson = events.map((event) => JSON.stringify(event.metadata ?? {}));
    let rows: AppendRow[];
    try {
      rows = await APPEND.run(this.dataSource, [
        streamId,
        expectedVersion,
        eventIds,
        events.map((event) => event.type),
        events.map((event) => event.schemaVersion),
        dataJson,
        metadataJson,
      ]);
    } catch (error) {
      if (isUniqueViolation(error, IDEMPOTENCY_KEY_INDEX)) {
        throw new DuplicateIdempotencyKeyError(String(events[0]?.metadata?.idempotencyKey));
      }
      if (isStreamVersionConflict(error)) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, await this.streamVersion(streamId));
      }
      throw error;
    }
    const currentVersion = rows[0]?.current_version ?? 0;
    if (currentVersion !== expectedVersion) {
      throw new WrongExpectedVersionError(streamId, expectedVersion, currentVersion);
    }
    if (events.length > 0) this.notifier?.announce();
    const inserted = rows.filter(isInserted).sort((a, b) => a.stream_version - b.stream_version);
    const recorded = inserted.map((row, index): RecordedEvent => {
      const event = events[index]!;
      return {
        position: BigInt(row.position),
        transactionId: BigInt(row.transaction_id_text),
        streamId,
        streamVersion: row.stream_version,
        eventId: eventIds[index]!,
        type: event.type,
        schemaVersion: event.schemaVersion,
        // Parsed back from what was stored, so the caller sees what readers will see.
        data: JSON.parse(dataJson[index]!) as Record<string, unknown>,
        metadata: JSON.parse(metadataJson[index]!) as EventMetadata,
        recordedAt: row.recorded_at,
      };
    });
    return { nextVersion: expectedVersion + recorded.length, events: recorded };
  }

  async readStream(streamId: string, options: { fromVersion?: number; toVersion?: number } = {}): Promise<RecordedEvent[]> {
    const rows = await READ_STREAM.run(this.dataSource, [streamId, options.fromVersion ?? 1, options.toVersion ?? 2_147_483_647]);
    return rows.map(toRecordedEvent);
  }

  /** The events of the command that carried this idempotency key (its first event holds the key), or []. */
  async readByIdempotencyKey(idempotencyKey: string): Promise<RecordedEvent[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.stream_id = (SELECT stream_id FROM events WHERE metadata->>'idempotencyKey' = $1)
          AND e.metadata->>'causationId' = (SELECT metadata->>'causationId' FROM events WHERE metadata->>'idempotencyKey' = $1)
        ORDER BY e.stream_version`,
      [idempotencyKey],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * The events of one subject (metadata `subject`) whose type is one of `types`, in log order; at most
   * `limit`, by the index on (subject, type). For look-ups a command needs before it knows its stream.
   */
  async readBySubjectAndTypes(subject: string, types: readonly string[], limit = 1000): Promise<RecordedEvent[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE metadata->>'subject' = $1 AND type = ANY($2::text[])
        ORDER BY position LIMIT $3`,
      [subject, [...types], limit],
    );
    return rows.map(toRecordedEvent);
  }

  /** The stream's last version; 0 if it has no events. */
  async streamVersion(streamId: string): Promise<number> {
    const rows = await STREAM_VERSION.run(this.dataSource, [streamId]);
    return rows[0]?.version ?? 0;
  }
}

function isUniqueViolation(error: unknown, name: string): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === name;
}

function isStreamVersionConflict(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === STREAM_VERSION_CONSTRAINT;
}
