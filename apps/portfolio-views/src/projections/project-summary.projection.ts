import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export const PROJECT_SUMMARY = 'projectSummary';

/** An event arrived with a version past the next one expected: something before it is missing. */
export class ProjectionGapError extends Error {
  constructor(readonly streamId: string, readonly applied: number, readonly received: number) {
    super(`${streamId}: received version ${received} but only ${applied} is applied`);
    this.name = 'ProjectionGapError';
  }
}

export class MalformedEventError extends Error {
  constructor(event: PortfolioEvent, field: string) {
    super(`${event.type} ${event.eventId} has no valid ${field}`);
    this.name = 'MalformedEventError';
  }
}

type Listener = (streamId: string, version: number) => void;

/**
 * projectSummary: one row per project plus its money per currency. A batch is applied in one
 * transaction together with the last applied version per stream, so redelivered events (Kafka
 * is at-least-once) are skipped and the effect is exactly once.
 */
export class ProjectSummaryProjection {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly dataSource: DataSource) {}

  onApplied(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async apply(events: readonly PortfolioEvent[]): Promise<void> {
    if (events.length === 0) return;
    const applied = new Map<string, number>();
    await this.dataSource.transaction(async (manager) => {
      const streamIds = [...new Set(events.map((e) => e.streamId))];
      const rows: { stream_id: string; version: number }[] = await manager.query(
        'select stream_id, version from applied_stream_versions where projection = $1 and stream_id = any($2) for update',
        [PROJECT_SUMMARY, streamIds],
      );
      const known = new Map(rows.map((r) => [r.stream_id, r.version]));
      for (const event of events) {
        const current = applied.get(event.streamId) ?? known.get(event.streamId) ?? 0;
        if (event.streamVersion <= current) continue;
        if (event.streamVersion !== current + 1) throw new ProjectionGapError(event.streamId, current, event.streamVersion);
        await applyOne(manager, event);
        applied.set(event.streamId, event.streamVersion);
      }
      if (applied.size === 0) return;
      await manager.query(
        `insert into applied_stream_versions (projection, stream_id, version)
         select $1, s, v from unnest($2::text[], $3::int[]) as t(s, v)
         on conflict (projection, stream_id) do update set version = excluded.version`,
        [PROJECT_SUMMARY, [...applied.keys()], [...applied.values()]],
      );
    });
    for (const [streamId, version] of applied) for (const listener of this.listeners) listener(streamId, version);
  }

  async appliedVersion(streamId: string): Promise<number> {
    const rows: { version: number }[] = await this.dataSource.query(
      'select version from applied_stream_versions where projection = $1 and stream_id = $2',
      [PROJECT_SUMMARY, streamId],
    );
    return rows[0]?.version ?? 0;
  }
}

function text(event: PortfolioEvent, field: string): string {
  const value = event.data[field];
  if (typeof value !== 'string' || value === '') throw new MalformedEventError(event, field);
  return value;
}

function decimal(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!/^\d{1,20}(\.\d{1,10})?$/.test(value)) throw new MalformedEventError(event, field);
  return value;
}

async function applyOne(manager: EntityManager, event: PortfolioEvent): Promise<void> {
  const projectId = event.subject;
  switch (event.type) {
    case 'ProjectRegistered': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      await manager.query(
        `insert into project_summary (project_id, title, cluster, countries, version, registered_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $6) on conflict (project_id) do nothing`,
        [projectId, text(event, 'title'), text(event, 'cluster'), JSON.stringify(countries), event.streamVersion, event.time],
      );
      return;
    }
    case 'CommitmentRecorded':
    case 'DisbursementRecorded': {
      const column = event.type === 'CommitmentRecorded' ? 'committed' : 'disbursed';
      await manager.query(
        `insert into project_financing (project_id, currency, ${column}) values ($1, $2, $3)
         on conflict (project_id, currency) do update set ${column} = project_financing.${column} + excluded.${column}`,
        [projectId, text(event, 'currency'), decimal(event, 'amount')],
      );
      break;
    }
    default:
      // An event this view does not show still moves the project's version forward.
      break;
  }
  await manager.query('update project_summary set version = $2, updated_at = $3 where project_id = $1', [projectId, event.streamVersion, event.time]);
}
