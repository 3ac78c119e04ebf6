import type { DataSource } from 'typeorm';
import { PreparedStatement } from './prepared-statement.js';

/** The LISTEN/NOTIFY channel announcing appends; LogSubscription listens on it. */
export const EVENTS_CHANNEL = 'ecab_events';

/** Under load, one NOTIFY per few milliseconds wakes readers as well as one per append, for far less work. */
const MIN_SPACING_MS = 5;

/**
 * A NOTIFY commits a transaction of its own, and PostgreSQL gives that transaction an id, so by default
 * its commit waits for a WAL flush like an append's: under load one every few milliseconds, queued with
 * the appends' flushes for the same disk (and holding the notify lock through it). It stores nothing, so
 * it commits without waiting for the flush (synchronous_commit off, for this transaction only): a crash
 * can lose only the notification, which readers make up for by polling. The appends it announces have
 * committed, and been flushed, before it is sent. Prepared like the append, as it runs as often.
 */
const NOTIFY = new PreparedStatement<never>(
  'ecab_event_store_notify',
  `SELECT pg_notify('${EVENTS_CHANNEL}', ''), set_config('synchronous_commit', 'off', true)`,
);

/**
 * Announces committed appends on EVENTS_CHANNEL, coalesced: whenever appends commit while a NOTIFY is in
 * flight, one more follows (at most one per MIN_SPACING_MS), so every commit is followed by a NOTIFY sent
 * after it; after a quiet spell the first goes out at once.
 * Why not pg_notify inside the append's transaction: PostgreSQL serialises every notifying commit behind
 * one cluster-wide lock held through its WAL flush, which defeats group commit (measured 3.3k vs 9k
 * appends/s with 16 writers). A NOTIFY lost to a crash right after a commit costs readers one poll interval.
 */
export class EventsChannelNotifier {
  private sending = false;
  private pending = false;

  constructor(private readonly dataSource: DataSource) {}

  announce(): void {
    this.pending = true;
    if (this.sending) return;
    this.sending = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        this.pending = false;
        const sentAt = Date.now();
        await NOTIFY.run(this.dataSource, []);
        const wait = MIN_SPACING_MS - (Date.now() - sentAt);
        if (this.pending && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } catch {
      this.pending = false; // readers fall back to polling; the next append announces again
    } finally {
      this.sending = false;
    }
  }
}
