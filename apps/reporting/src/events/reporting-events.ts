import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';

/** How far the copy reaches: the highest log position stored and how many events that is. */
export interface EventsHead {
  position: string | null;
  count: number;
}

/**
 * Where a filed report stands in the events: the highest log position reporting had stored, its receipt
 * number then (every event stored later has a higher one), and the position of the newest exchange-rate
 * event among them (null when there is none). The events "position ≤ position and received ≤ received"
 * are the same set whenever they are read again.
 */
export interface EventsPin {
  position: string;
  received: string;
  ratePosition: string | null;
}
export type PinBounds = Pick<EventsPin, 'position' | 'received'>;

const SELECT_EVENTS = `select event_id, position::text as position, type, schema_version, stream_id, stream_version, subject, cluster, recorded_at, data from reporting_events e`;
const WITHIN = (position: string, received: string) => `e.position <= ${position}::bigint and e.received <= ${received}::bigint`;

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
    const rows: EventRow[] = await this.dataSource.query(`${SELECT_EVENTS} order by e.position nulls last, e.recorded_at, e.stream_id, e.stream_version`);
    return rows.map(toPortfolioEvent);
  }

  /**
   * The pin of the events stored so far. The table is locked in SHARE mode for the read: a batch being
   * stored is waited for (so no event with a lower receipt number can commit after the pin), and the next
   * batch waits the moment this takes.
   */
  async pin(): Promise<EventsPin> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('lock table reporting_events in share mode');
      const [row]: { position: string; received: string; rate_position: string | null }[] = await manager.query(
        `select coalesce(max(position), 0)::text as position, coalesce(max(received), 0)::text as received,
                (max(position) filter (where type = 'ExchangeRateRecorded'))::text as rate_position
           from reporting_events`,
      );
      return { position: row?.position ?? '0', received: row?.received ?? '0', ratePosition: row?.rate_position ?? null };
    });
  }

  /** The events of a pin, in log order: at or below its position and received by then (an event without a position is never pinned). */
  async pinned(pin: PinBounds): Promise<PortfolioEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(`${SELECT_EVENTS} where ${WITHIN('$1', '$2')} order by e.position`, [pin.position, pin.received]);
    return rows.map(toPortfolioEvent);
  }

  /** The events of the `later` pin that the `earlier` one leaves out, in log order: what a later filing saw that an earlier one did not. */
  async between(earlier: PinBounds, later: PinBounds): Promise<PortfolioEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(`${SELECT_EVENTS} where ${WITHIN('$3', '$4')} and not (${WITHIN('$1', '$2')}) order by e.position`, [
      earlier.position,
      earlier.received,
      later.position,
      later.received,
    ]);
    return rows.map(toPortfolioEvent);
  }

  async head(): Promise<EventsHead> {
    const [row]: { position: string | null; count: string }[] = await this.dataSource.query(
      'select max(position)::text as position, count(*)::text as count from reporting_events',
    );
    return { position: row?.position ?? null, count: Number(row?.count ?? 0) };
  }
}

function toPortfolioEvent(row: EventRow): PortfolioEvent {
  return {
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
  };
}
