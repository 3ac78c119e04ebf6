import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { saveCheckpointSql } from './checkpoint-sql.js';
import { PreparedStatement } from './prepared-statement.js';
import {
  EVENT_COLUMNS,
  EVENT_JSON_COLUMNS,
  type EventJsonRow,
  type EventRow,
  type RecordedEvent,
  type RecordedEventJson,
  toRecordedEvent,
  toRecordedEventJson,
} from './recorded-event.js';

/** Where a reader stands in the log: the last (transactionId, position) it has processed. */
export interface LogCheckpoint {
  transactionId: bigint;
  position: bigint;
}

export const LOG_START: LogCheckpoint = Object.freeze({ transactionId: 0n, position: 0n });

/**
 * A read that also saves where it starts as a named checkpoint, in the same statement on the given session
 * (a subscription's lock session): one round trip per batch fewer than a save and a read.
 */
export interface CheckpointSaving {
  session: pg.ClientBase;
  name: string;
}

// Row comparison on (transaction_id, position) walks the index of the same name.
const batchAfter = (columns: string) => `SELECT ${columns} FROM events
   WHERE events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     AND (events.transaction_id, events.position) > ($1::text::xid8, $2::bigint)
   ORDER BY events.transaction_id, events.position
   LIMIT $3::integer`;

// The save is done whatever the read returns (PostgreSQL runs a data-modifying WITH to completion), and not at all if the statement fails.
const savingThenBatchAfter = (columns: string) => `WITH saved AS (${saveCheckpointSql('$4', '$1', '$2')})
  ${batchAfter(columns)}`;

const READ_BATCH = new PreparedStatement<EventRow>('ecab_event_store_read_batch', batchAfter(EVENT_COLUMNS));

const READ_JSON_BATCH = new PreparedStatement<EventJsonRow>('ecab_event_store_read_json_batch', batchAfter(EVENT_JSON_COLUMNS));

const SAVE_AND_READ_BATCH = new PreparedStatement<EventRow>('ecab_event_store_save_and_read_batch', savingThenBatchAfter(EVENT_COLUMNS));

const SAVE_AND_READ_JSON_BATCH = new PreparedStatement<EventJsonRow>('ecab_event_store_save_and_read_json_batch', savingThenBatchAfter(EVENT_JSON_COLUMNS));

/** Runs a batch read on the pool, or, saving the checkpoint it starts at, on the saving session. */
function runRead<Row>(
  read: PreparedStatement<Row>,
  saveAndRead: PreparedStatement<Row>,
  dataSource: DataSource,
  after: LogCheckpoint,
  limit: number,
  saving?: CheckpointSaving,
) {
  const values = [after.transactionId.toString(), after.position.toString(), limit];
  return saving ? saveAndRead.runOn(saving.session, [...values, saving.name]) : read.run(dataSource, values);
}

const HELD_BACK = new PreparedStatement<{ held_back: boolean }>(
  'ecab_event_store_held_back',
  `SELECT EXISTS (
     SELECT 1 FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())
   ) AS held_back`,
);

/**
 * Reads the whole log in (transaction id, position) order, gap-safe: positions are handed out at insert
 * but transactions commit out of order, so "position > N" would skip an event whose transaction commits
 * after a later position was read. Only rows of transactions older than the current snapshot's xmin are
 * read — every such transaction has finished, and any transaction still to commit has a larger id — so
 * nothing can appear behind a checkpoint later.
 */
export class LogReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` events after `after`, in log order; `saving`: `after` is saved as a checkpoint in the same statement. */
  async readBatch(after: LogCheckpoint, limit: number, saving?: CheckpointSaving): Promise<RecordedEvent[]> {
    const rows = await runRead(READ_BATCH, SAVE_AND_READ_BATCH, this.dataSource, after, limit, saving);
    return rows.map(toRecordedEvent);
  }

  /**
   * As readBatch, each event's data as JSON text and its time as ISO text, made without parsing either: for a
   * reader that passes the data on (the relay spent more CPU decoding rows and encoding them again than on anything else of its own).
   */
  async readJsonBatch(after: LogCheckpoint, limit: number, saving?: CheckpointSaving): Promise<RecordedEventJson[]> {
    const rows = await runRead(READ_JSON_BATCH, SAVE_AND_READ_JSON_BATCH, this.dataSource, after, limit, saving);
    return rows.map(toRecordedEventJson);
  }

  /** Committed events after `after` not yet processed, including those still behind an open transaction. */
  async backlog(after: LogCheckpoint): Promise<number> {
    const rows = await this.dataSource.query<{ backlog: string }[]>(
      'SELECT count(*) AS backlog FROM events WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint)',
      [after.transactionId.toString(), after.position.toString()],
    );
    return Number(rows[0]?.backlog ?? 0);
  }

  /**
   * Whether committed events wait behind a still-running older transaction (one that may write no event,
   * so no NOTIFY will announce its end): a subscription then polls soon instead of at its poll interval.
   */
  async heldBack(): Promise<boolean> {
    const rows = await HELD_BACK.run(this.dataSource, []);
    return rows[0]?.held_back ?? false;
  }
}
