import type { DataSource } from 'typeorm';
import { type AppendRequest, type AppendResult, appendResult, type InsertedEvent } from './append-request.js';
import { PreparedStatement } from './prepared-statement.js';
import { appendAlone } from './single-append.js';
import { WrongExpectedVersionError } from './wrong-expected-version-error.js';

/**
 * Appends to several streams as ONE statement (so one transaction, one round trip, one WAL flush): each
 * stream's version is read, and its events inserted only if it equals that append's expected version;
 * the others insert nothing and answer their stream's version. Events go in in the order given, so each
 * append's events take increasing positions.
 *
 * Why one statement and not one transaction of several: the log reader delivers in (transaction id,
 * position) order. A transaction gets its id at its first insert. Here every version is read in the
 * statement's snapshot, taken before that insert, so every earlier version of a stream comes from a
 * transaction that committed before this one had an id — a smaller id — and each stream's events stay
 * in version order in the log. A later statement in the same transaction could read a version committed
 * after the id was given and put it behind its successor.
 */
const APPEND_GROUP = new PreparedStatement<GroupRow>(
  'ecab_event_store_append_group',
  `WITH appends AS (
     SELECT a.ordinality::integer AS append, a.value->>'stream' AS stream_id, (a.value->>'expected')::integer AS expected,
            a.value->'events' AS new_events,
            (SELECT coalesce(max(e.stream_version), 0) FROM events e WHERE e.stream_id = a.value->>'stream') AS version
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(value, ordinality)
   ), inserted AS (
     INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
     SELECT appends.stream_id, appends.version + n.ordinality, (n.value->>'id')::uuid, n.value->>'type',
            (n.value->>'schemaVersion')::integer, n.value->'data', n.value->'metadata'
     FROM appends, jsonb_array_elements(appends.new_events) WITH ORDINALITY AS n(value, ordinality)
     WHERE appends.version = appends.expected
     ORDER BY appends.append, n.ordinality
     RETURNING position, transaction_id, recorded_at
   )
   SELECT (SELECT array_agg(version ORDER BY append) FROM appends) AS versions,
          (SELECT array_agg(position ORDER BY position) FROM inserted) AS positions,
          (SELECT transaction_id::text FROM inserted LIMIT 1) AS transaction_id_text,
          (SELECT recorded_at FROM inserted LIMIT 1) AS recorded_at`,
);

/**
 * One row: each append's stream version before it (in append order), and the positions of the inserted
 * events in ascending order — the order they were inserted in. One transaction: one id, one time.
 */
interface GroupRow {
  versions: number[];
  positions: string[] | null;
  transaction_id_text: string | null;
  recorded_at: Date | null;
}

/**
 * Errors that say the statement was refused and rolled back because of its data or a concurrent writer
 * (data exception, integrity constraint, serialization failure or deadlock): one append of the group may
 * be the cause, so the group is split to find it. Anything else (the connection, a timeout) fails the
 * whole group as it would have failed each append.
 */
const ISOLATABLE_SQLSTATE_CLASSES = new Set(['22', '23', '40']);

function isIsolatable(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === 'string' && ISOLATABLE_SQLSTATE_CLASSES.has(code.slice(0, 2));
}

/**
 * Appends a group of appends to distinct streams in one transaction; each settles with its own result.
 * A stream at another version fails alone (WrongExpectedVersionError). If the statement is refused (a
 * duplicate event id or idempotency key, a concurrent writer of another process on one of the streams),
 * nothing of it was stored: the group is split in halves, recursively, down to single appends, which
 * fail with exactly the error they get alone, while the others still commit.
 */
export async function appendGroup(dataSource: DataSource, requests: AppendRequest[]): Promise<PromiseSettledResult<AppendResult>[]> {
  if (requests.length === 0) return [];
  if (requests.length === 1) return Promise.allSettled([appendAlone(dataSource, requests[0]!)]);
  if (new Set(requests.map((request) => request.streamId)).size !== requests.length) {
    throw new Error('a group may append to each stream only once');
  }
  let rows: GroupRow[];
  try {
    rows = await APPEND_GROUP.run(dataSource, groupParameters(requests));
  } catch (error) {
    if (!isIsolatable(error)) return requests.map(() => ({ status: 'rejected', reason: error }));
    const half = Math.ceil(requests.length / 2);
    return [...(await appendGroup(dataSource, requests.slice(0, half))), ...(await appendGroup(dataSource, requests.slice(half)))];
  }
  return settle(requests, rows);
}

/**
 * The group as one JSON document, put together from the JSON each append already holds (its data and
 * metadata are stored as that very text): [{stream, expected, events: [{id, type, schemaVersion, data, metadata}]}].
 */
function groupParameters(requests: AppendRequest[]): unknown[] {
  const appends = requests.map((request) => {
    const events = request.events.map(
      (event, index) =>
        `{"id":${JSON.stringify(request.eventIds[index])},"type":${JSON.stringify(event.type)},"schemaVersion":${JSON.stringify(event.schemaVersion)},"data":${request.dataJson[index]},"metadata":${request.metadataJson[index]}}`,
    );
    return `{"stream":${JSON.stringify(request.streamId)},"expected":${request.expectedVersion},"events":[${events.join(',')}]}`;
  });
  return [`[${appends.join(',')}]`];
}

function settle(requests: AppendRequest[], rows: GroupRow[]): PromiseSettledResult<AppendResult>[] {
  const [row] = rows;
  if (!row) throw new Error('the group append answered no row');
  const positions = row.positions ?? [];
  let next = 0;
  return requests.map((request, index): PromiseSettledResult<AppendResult> => {
    const currentVersion = row.versions[index] ?? 0;
    if (currentVersion !== request.expectedVersion) {
      return { status: 'rejected', reason: new WrongExpectedVersionError(request.streamId, request.expectedVersion, currentVersion) };
    }
    const inserted = request.events.map((_, offset): InsertedEvent => ({
      position: positions[next + offset]!,
      transactionIdText: row.transaction_id_text!,
      streamVersion: currentVersion + offset + 1,
      recordedAt: row.recorded_at!,
    }));
    next += request.events.length;
    return { status: 'fulfilled', value: appendResult(request, inserted) };
  });
}
