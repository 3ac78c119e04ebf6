import type { DataSource } from 'typeorm';
import { type AppendRequest, type AppendResult, appendResult, type InsertedEvent } from './append-request.js';
import { DuplicateIdempotencyKeyError } from './duplicate-idempotency-key-error.js';
import { PreparedStatement } from './prepared-statement.js';
import { WrongExpectedVersionError } from './wrong-expected-version-error.js';

const STREAM_VERSION_CONSTRAINT = 'events_stream_id_stream_version_key';
const IDEMPOTENCY_KEY_INDEX = 'events_idempotency_key_idx';

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

export const STREAM_VERSION = new PreparedStatement<{ version: number }>(
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

export async function streamVersion(dataSource: DataSource, streamId: string): Promise<number> {
  const rows = await STREAM_VERSION.run(dataSource, [streamId]);
  return rows[0]?.version ?? 0;
}

/**
 * One append in a transaction of its own (what every append was before group commit, and what a group
 * falls back to when one of its appends fails): the errors are the store's documented ones.
 */
export async function appendAlone(dataSource: DataSource, request: AppendRequest): Promise<AppendResult> {
  const { streamId, expectedVersion, events } = request;
  let rows: AppendRow[];
  try {
    rows = await APPEND.run(dataSource, [
      streamId,
      expectedVersion,
      request.eventIds,
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      request.dataJson,
      request.metadataJson,
    ]);
  } catch (error) {
    if (isUniqueViolation(error, IDEMPOTENCY_KEY_INDEX)) {
      throw new DuplicateIdempotencyKeyError(String(events[0]?.metadata?.idempotencyKey));
    }
    if (isUniqueViolation(error, STREAM_VERSION_CONSTRAINT)) {
      throw new WrongExpectedVersionError(streamId, expectedVersion, await streamVersion(dataSource, streamId));
    }
    throw error;
  }
  const currentVersion = rows[0]?.current_version ?? 0;
  if (currentVersion !== expectedVersion) {
    throw new WrongExpectedVersionError(streamId, expectedVersion, currentVersion);
  }
  const inserted = rows.flatMap((row): InsertedEvent[] =>
    row.position === null
      ? [] // the LEFT JOIN yields one row of nulls when nothing was inserted
      : [{ position: row.position, transactionIdText: row.transaction_id_text!, streamVersion: row.stream_version!, recordedAt: row.recorded_at! }],
  );
  return appendResult(request, inserted);
}

function isUniqueViolation(error: unknown, name: string): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === name;
}
