import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';

/** How far the copy reaches: the highest log position stored and how many events that is. */
export interface EventsHead {
  position: string | null;
  count: number;
}

interface EventRow {
  event_id: string;
  position: string | null;
  type: string;
  schema_version: number;
  stream_id: string;
  stream_version: number;
  subject: string;
  cluster: string | null;
  recorded_at: Date;
  data: Record<string, unknown>;
}

/**
 * reporting's copy of the events (table reporting_events). Storing a batch is idempotent: an event
 * delivered again (Kafka is at least once) is skipped by its id, so each is stored exactly once.
 */
export class ReportingEvents {
  constructor(private readonly dataSource: DataSource) {}

  async store(events: readonly PortfolioEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.dataSource.query(
      `insert into reporting_events (event_id, position, type, schema_version, stream_id, stream_version, subject, cluster, recorded_at, data)
       select * from unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[], $8::text[], $9::timestamptz[], $10::jsonb[])
       on conflict do nothing`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.position ?? null),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => e.streamId),
        events.map((e) => e.streamVersion),
        events.map((e) => e.subject),
        events.map((e) => e.cluster ?? null),
        events.map((e) => e.time),
        events.map((e) => JSON.stringify(e.data)),
      ],
    );
  }

  /** Every stored event in log order (a stream's events in version order). */
  async all(): Promise<PortfolioEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `select event_id, position::text as position, type, schema_version, stream_id, stream_version, subject, cluster, recorded_at, data
         from reporting_events e order by e.position nulls last, e.recorded_at, e.stream_id, e.stream_version`,
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      subject: row.subject,
      cluster: row.cluster ?? undefined,
      time: row.recorded_at.toISOString(),
      data: row.data,
      ...(row.position !== null ? { position: row.position } : {}),
    }));
  }

  async head(): Promise<EventsHead> {
    const [row]: { position: string | null; count: string }[] = await this.dataSource.query(
      'select max(position)::text as position, count(*)::text as count from reporting_events',
    );
    return { position: row?.position ?? null, count: Number(row?.count ?? 0) };
  }
}
