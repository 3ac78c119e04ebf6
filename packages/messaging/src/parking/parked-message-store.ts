import { poolOf } from '@ecab/event-store';
import type { DataSource } from 'typeorm';

/** A message as it came off the wire, kept so that it can be decoded again after a fix. */
export interface WireMessage {
  key: string | null;
  /** base64 of the value bytes. */
  value: string | null;
  headers: Record<string, string>;
}

export interface ParkedMessage {
  id: string;
  consumer: string;
  subject: string;
  origin: string;
  message: WireMessage;
  error: string;
  attempts: number;
  parkedAt: Date;
  lastTriedAt: Date | null;
}

/** An admin's decision to drop a parked message for good, kept with the message. */
export interface SkippedMessage extends ParkedMessage {
  skippedBy: string;
  skippedAt: Date;
  reason: string | null;
}

export interface MessageToPark {
  subject: string;
  origin: string;
  message: WireMessage;
  error: string;
}

/** What retrying a project's parked messages after a fix did: how many applied, how many are still parked, and why. */
export interface RetryOutcome {
  subject: string;
  applied: number;
  remaining: number;
  error?: string;
}

interface ParkedRow {
  id: string;
  consumer: string;
  subject: string;
  origin: string;
  message: WireMessage;
  error: string;
  attempts: number;
  parked_at: Date;
  last_tried_at: Date | null;
}

const toParked = (row: ParkedRow): ParkedMessage => ({
  id: row.id,
  consumer: row.consumer,
  subject: row.subject,
  origin: row.origin,
  message: row.message,
  error: row.error,
  attempts: row.attempts,
  parkedAt: row.parked_at,
  lastTriedAt: row.last_tried_at,
});

/** First key of the parking advisory locks; the second is the consumer name's hash. */
export const PARKING_LOCK_NAMESPACE = 'ecab-parked-messages';

/** The parking lock held shared by a live batch (`lockShared`), and what it found parked. */
export interface SharedParkingLock {
  /** Which of the subjects asked about have parked messages (their new messages must wait too). */
  waiting: Set<string>;
  /** Lets go of the lock without waiting for PostgreSQL's answer: its connection goes back to the pool once it came. */
  release(): void;
}

export class ParkedMessageStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of these subjects have parked messages for this consumer (their new messages must wait too). */
  async parkedSubjects(consumer: string, subjects: string[]): Promise<Set<string>> {
    if (subjects.length === 0) return new Set();
    const rows: { subject: string }[] = await this.dataSource.query('select distinct subject from parked_messages where consumer = $1 and subject = any($2)', [
      consumer,
      subjects,
    ]);
    return new Set(rows.map((r) => r.subject));
  }

  /**
   * Runs `work` (a retry of parked messages) while holding the consumer's parking lock exclusively: other
   * retries and live batches (`lockShared`, the relay's) — on this or another instance — wait meanwhile, so no
   * project goes on past a message being parked or retried. A session advisory lock on a pooled connection, released with it if
   * the process dies.
   */
  exclusively<T>(consumer: string, work: () => Promise<T>): Promise<T> {
    return this.holding(consumer, work);
  }

  /**
   * For a live batch (check parked projects, apply or publish, park): takes the consumer's parking lock
   * shared and learns which of `subjects` have parked messages, in one round trip: batches of several
   * instances of one consumer group go on side by side; a retry (`exclusively`) waits for them, and they for it.
   * The two statements go as one simple query, so each has its own snapshot: the check sees what a retry
   * that held the lock until just before had removed. Hence the values are written into the text, as literals.
   */
  async lockShared(consumer: string, subjects: string[]): Promise<SharedParkingLock> {
    const session = await poolOf(this.dataSource).connect();
    // The pool listens for a connection's errors only while it is idle: one ended while checked out here (PostgreSQL
    // shut down, the backend terminated) would throw its 'error' out of the process. It is noted instead, and the
    // connection is dropped from the pool when the lock is let go (the lock went with the session).
    let lost: Error | undefined;
    const noteLost = (error: Error) => {
      lost ??= error;
    };
    session.on('error', noteLost);
    const giveBack = (error?: Error) => {
      session.removeListener('error', noteLost);
      session.release(error ?? lost);
    };
    const literal = (text: string) => session.escapeLiteral(text);
    const keys = `hashtext(${literal(PARKING_LOCK_NAMESPACE)}), hashtext(${literal(consumer)})`;
    const check =
      subjects.length === 0
        ? 'select null::text as subject where false'
        : `select distinct subject from parked_messages where consumer = ${literal(consumer)} and subject = any(array[${subjects.map(literal).join(', ')}]::text[])`;
    let rows: { subject: string }[];
    try {
      // A simple query of two statements answers with a result for each.
      const results = (await session.query(`select pg_advisory_lock_shared(${keys}); ${check}`)) as unknown as { rows: { subject: string }[] }[];
      rows = results[1]!.rows;
    } catch (error) {
      // The lock may be held already: a connection dropped from the pool lets go of it.
      giveBack(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    return {
      waiting: new Set(rows.map((r) => r.subject)),
      release: () => {
        if (lost) return giveBack();
        session.query(`select pg_advisory_unlock_shared(${keys})`).then(
          () => giveBack(),
          (error: Error) => giveBack(error),
        );
      },
    };
  }

  private async holding<T>(consumer: string, work: () => Promise<T>): Promise<T> {
    const session = this.dataSource.createQueryRunner('master');
    await session.connect();
    try {
      await session.query(`select pg_advisory_lock(hashtext($1), hashtext($2))`, [PARKING_LOCK_NAMESPACE, consumer]);
      try {
        return await work();
      } finally {
        await session.query(`select pg_advisory_unlock(hashtext($1), hashtext($2))`, [PARKING_LOCK_NAMESPACE, consumer]).catch(() => undefined);
      }
    } finally {
      await session.release();
    }
  }

  /** Parks messages in order; a message already parked from the same origin (a redelivered batch) is not parked twice. */
  async park(consumer: string, messages: MessageToPark[]): Promise<void> {
    if (messages.length === 0) return;
    await this.dataSource.query(
      `insert into parked_messages (consumer, subject, origin, message, error)
       select $1, s, o, m, e from unnest($2::text[], $3::text[], $4::jsonb[], $5::text[]) with ordinality as t(s, o, m, e, n)
        where not exists (select 1 from parked_messages p where p.consumer = $1 and p.origin = t.o)
        order by n`,
      [consumer, messages.map((m) => m.subject), messages.map((m) => m.origin), messages.map((m) => JSON.stringify(m.message)), messages.map((m) => m.error)],
    );
  }

  /** Parked messages in the order they must be applied; all consumers when none is named. */
  async list(options: { consumer?: string; subject?: string; limit?: number } = {}): Promise<ParkedMessage[]> {
    const rows: ParkedRow[] = await this.dataSource.query(
      `select id::text as id, consumer, subject, origin, message, error, attempts, parked_at, last_tried_at from parked_messages
        where ($1::text is null or consumer = $1) and ($2::text is null or subject = $2)
        order by consumer, subject, id limit $3`,
      [options.consumer ?? null, options.subject ?? null, options.limit ?? 1000],
    );
    return rows.map(toParked);
  }

  async count(consumer?: string): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      'select count(*)::int as count from parked_messages where ($1::text is null or consumer = $1)',
      [consumer ?? null],
    );
    return rows[0]?.count ?? 0;
  }

  /** One parked message of a consumer, or undefined. */
  async find(consumer: string, id: string): Promise<ParkedMessage | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const rows: ParkedRow[] = await this.dataSource.query(
      `select id::text as id, consumer, subject, origin, message, error, attempts, parked_at, last_tried_at from parked_messages
        where consumer = $1 and id = $2`,
      [consumer, id],
    );
    return rows[0] ? toParked(rows[0]) : undefined;
  }

  /**
   * Drops a parked message for good by an admin's decision, and records who decided it, when and why,
   * together with the message itself (in one statement: nothing is dropped unrecorded).
   */
  async skip(consumer: string, id: string, skippedBy: string, reason?: string): Promise<SkippedMessage | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const rows: (ParkedRow & { skipped_by: string; skipped_at: Date; reason: string | null })[] = await this.dataSource.query(
      `with gone as (delete from parked_messages where consumer = $1 and id = $2 returning *)
       insert into skipped_messages (parked_id, consumer, subject, origin, message, error, attempts, parked_at, last_tried_at, skipped_by, reason)
       select id, consumer, subject, origin, message, error, attempts, parked_at, last_tried_at, $3, $4 from gone
       returning parked_id::text as id, consumer, subject, origin, message, error, attempts, parked_at, last_tried_at, skipped_by, skipped_at, reason`,
      [consumer, id, skippedBy, reason ?? null],
    );
    const row = rows[0];
    return row ? { ...toParked(row), skippedBy: row.skipped_by, skippedAt: row.skipped_at, reason: row.reason } : undefined;
  }

  /** The skip decisions of a consumer, newest first. */
  async skipped(consumer: string, options: { subject?: string; limit?: number } = {}): Promise<SkippedMessage[]> {
    const rows: (ParkedRow & { skipped_by: string; skipped_at: Date; reason: string | null })[] = await this.dataSource.query(
      `select parked_id::text as id, consumer, subject, origin, message, error, attempts, parked_at, last_tried_at, skipped_by, skipped_at, reason
         from skipped_messages where consumer = $1 and ($2::text is null or subject = $2) order by skipped_at desc, id desc limit $3`,
      [consumer, options.subject ?? null, options.limit ?? 50],
    );
    return rows.map((row) => ({ ...toParked(row), skippedBy: row.skipped_by, skippedAt: row.skipped_at, reason: row.reason }));
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query('delete from parked_messages where id = $1', [id]);
  }

  async recordFailedRetry(id: string, error: string): Promise<void> {
    await this.dataSource.query('update parked_messages set attempts = attempts + 1, error = $2, last_tried_at = now() where id = $1', [id, error]);
  }
}
