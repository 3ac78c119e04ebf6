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

/** A decimal string; `signed` lets it carry a minus (commitment amendments, their reversals). */
function decimal(event: PortfolioEvent, field: string, { signed = false } = {}): string {
  const value = text(event, field);
  if (!(signed ? /^-?\d{1,20}(\.\d{1,10})?$/ : /^\d{1,20}(\.\d{1,10})?$/).test(value)) throw new MalformedEventError(event, field);
  return value;
}

function coded(event: PortfolioEvent, field: string): string {
  const value = event.data[field];
  const code = typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || code === '') throw new MalformedEventError(event, `${field}.code`);
  return code;
}

/** An ISO date the event says it took effect, if it carries a valid one. */
function effectiveDateOf(event: PortfolioEvent): string | null {
  const value = event.data.effectiveDate;
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

async function applyOne(manager: EntityManager, event: PortfolioEvent): Promise<void> {
  const projectId = event.subject;
  const ownStream = event.streamId === `project-${projectId}`;
  if (ownStream) await applyToSummary(manager, event, projectId);
  else await applyAgreementMoney(manager, event, projectId);
  // Every event about a registered project joins its activity, whichever stream it comes from;
  // programme-wide events (the programme, organisations) have no project and are only counted.
  await manager.query(
    `insert into project_activity (stream_id, stream_version, project_id, type, effective_date, recorded_at, data)
     select $1, $2, project_id, $4, $5, $6, $7 from project_summary where project_id = $3
     on conflict (stream_id, stream_version) do nothing`,
    [event.streamId, event.streamVersion, projectId, event.type, effectiveDateOf(event), event.time, JSON.stringify(event.data)],
  );
  if (ownStream) await manager.query('update project_summary set version = $2, updated_at = $3 where project_id = $1', [projectId, event.streamVersion, event.time]);
  else await manager.query('update project_summary set updated_at = greatest(updated_at, $2) where project_id = $1', [projectId, event.time]);
}

/**
 * What a money movement under a financing agreement does to the project's committed and disbursed
 * totals: +1 / -1 per column. Funds received are incoming and change neither; a reversal undoes
 * the movement it names with the amount it recorded.
 */
const AGREEMENT_MONEY: Readonly<Record<string, { committed: number; disbursed: number }>> = {
  AgreementCommitmentRecorded: { committed: 1, disbursed: 0 },
  CommitmentAmended: { committed: 1, disbursed: 0 },
  FundsCancelled: { committed: -1, disbursed: 0 },
  AgreementDisbursementRecorded: { committed: 0, disbursed: 1 },
  ExpenditureRecorded: { committed: 0, disbursed: 1 },
};

async function applyAgreementMoney(manager: EntityManager, event: PortfolioEvent, projectId: string): Promise<void> {
  let effect = AGREEMENT_MONEY[event.type];
  if (event.type === 'TransactionReversed') {
    const reversed = AGREEMENT_MONEY[text(event, 'reversedEventType')];
    effect = reversed ? { committed: -reversed.committed, disbursed: -reversed.disbursed } : undefined;
  }
  if (!effect) return;
  const amount = decimal(event, 'amount', { signed: true });
  await manager.query(
    `insert into project_financing (project_id, currency, committed, disbursed)
     select project_id, $2, $3::numeric * $4, $3::numeric * $5 from project_summary where project_id = $1
     on conflict (project_id, currency) do update
       set committed = project_financing.committed + excluded.committed, disbursed = project_financing.disbursed + excluded.disbursed`,
    [projectId, text(event, 'currency'), amount, effect.committed, effect.disbursed],
  );
}

async function applyToSummary(manager: EntityManager, event: PortfolioEvent, projectId: string): Promise<void> {
  switch (event.type) {
    case 'ProjectRegistered': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      await manager.query(
        `insert into project_summary (project_id, title, cluster, countries, version, registered_at, updated_at, status, stage)
         values ($1, $2, $3, $4, $5, $6, $6, '1', 'pipeline') on conflict (project_id) do nothing`,
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
      return;
    }
    case 'ProjectTitlesSet': {
      const titles = event.data.titles;
      if (typeof titles !== 'object' || titles === null || typeof (titles as { en?: unknown }).en !== 'string') throw new MalformedEventError(event, 'titles.en');
      await manager.query('update project_summary set titles = $2, title = $3 where project_id = $1', [projectId, JSON.stringify(titles), (titles as { en: string }).en]);
      return;
    }
    case 'RecipientCountriesSet': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      await manager.query('update project_summary set countries = $2 where project_id = $1', [projectId, JSON.stringify(countries)]);
      return;
    }
    case 'ProjectApproved':
      await manager.query('update project_summary set stage = $2 where project_id = $1', [projectId, text(event, 'stage')]);
      return;
    case 'ProjectStatusChanged':
      await manager.query('update project_summary set status = $2, stage = $3 where project_id = $1', [projectId, coded(event, 'to'), text(event, 'stage')]);
      return;
    default:
      // Other events of the project still join its activity and move its version forward.
      return;
  }
}
