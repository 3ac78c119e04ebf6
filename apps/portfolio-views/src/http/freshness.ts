import type { DataSource } from 'typeorm';

/** What a read reflects: the highest log position applied to the live tables, and how far behind the head. */
export interface Freshness {
  /** The highest event-store log position the live tables reflect ("0": none known). */
  position: string;
  /** 0 when caught up with the head of the event store; else now − recorded time of the oldest event after `position`. */
  lagMs: number;
}

export const POSITION_HEADER = 'ECAB-Position';
export const LAG_HEADER = 'ECAB-Lag-Ms';

/**
 * One round trip, on indexes only: the max position over the live generation's stream versions, the max
 * position of the event store, and the recorded time of the first event after ours. Positions are handed
 * out at insert, not at commit, and projects are consumed on different partitions, so an event below the
 * position may still be on its way: the lag is an approximation, never below the true one by more than
 * that in-flight window.
 */
export async function readFreshness(dataSource: DataSource): Promise<Freshness & { behind: boolean }> {
  const [row] = (await dataSource.query(
    `with applied as (select coalesce(max(position), 0) as position from applied_stream_versions),
          head as (select coalesce(max(position), 0) as position from events)
     select applied.position::text as position, head.position > applied.position as behind,
            case when head.position <= applied.position then 0
                 else greatest(0, floor(extract(epoch from (clock_timestamp() - (
                   select e.recorded_at from events e where e.position > applied.position order by e.position limit 1))) * 1000))
            end::bigint::text as lag_ms
       from applied, head`,
  )) as [{ position: string; behind: boolean; lag_ms: string | null }];
  return { position: row.position, behind: row.behind, lagMs: Number(row.lag_ms ?? 0) };
}
