// What the event store and the read model hold, read straight from PostgreSQL, and how a drill names streams and
// events. What Kafka holds is read by kafka-tally.ts; the three are set against each other by reconcile.ts.
import pg from 'pg';
import { sleep } from '@ecab/testing';

/** One event as the event store holds it: the truth the drill counts against. */
export interface StoredEvent {
  streamId: string;
  version: number;
  type: string;
  /** The project the event belongs to (its subject): money is on the project's agreement streams. */
  projectId: string;
  amountMinor: bigint;
}

/** A project in the read model: its own stream's version and its money. */
export interface ViewRow {
  version: number;
  committedMinor: bigint;
  disbursedMinor: bigint;
}

/** The read model: per project, and how far it applied each stream. */
export interface View {
  projects: Map<string, ViewRow>;
  applied: Map<string, number>;
}

export const streamOf = (projectId: string) => `project-${projectId}`;
/** How a drill names one event: `<stream id>@<version>`. */
export const keyOf = (streamId: string, version: number) => `${streamId}@${version}`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'ecab-drill', connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function readStore(databaseUrl: string): Promise<StoredEvent[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ stream_id: string; stream_version: number; type: string; subject: string; amount: string | null }>(
      "select stream_id, stream_version, type, metadata->>'subject' as subject, data->>'amount' as amount from events order by stream_id, stream_version",
    );
    return rows.map((r) => ({
      streamId: r.stream_id,
      version: r.stream_version,
      type: r.type,
      projectId: r.subject,
      amountMinor: r.amount === null ? 0n : toMinor(r.amount),
    }));
  });
}

export async function readView(databaseUrl: string): Promise<View> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ project_id: string; version: number; committed: string; disbursed: string }>(
      `select s.project_id, s.version,
              coalesce(sum(case m.kind when 'commitment' then m.amount when 'cancellation' then -m.amount end), 0)::text as committed,
              coalesce(sum(m.amount) filter (where m.kind = 'disbursement'), 0)::text as disbursed
         from project_summary s left join money_movement m on m.project_id = s.project_id and m.kind in ('commitment', 'cancellation', 'disbursement')
        group by s.project_id, s.version`,
    );
    const applied = await client.query<{ stream_id: string; version: number }>('select stream_id, version from applied_stream_versions');
    return {
      projects: new Map(rows.map((r) => [r.project_id, { version: r.version, committedMinor: toMinor(r.committed), disbursedMinor: toMinor(r.disbursed) }])),
      applied: new Map(applied.rows.map((r) => [r.stream_id, r.version])),
    };
  });
}

/** Decimal string → hundredths, exactly (USD has two decimals). */
export function toMinor(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  const cents = (fraction + '00').slice(0, 2);
  if (/[1-9]/.test(fraction.slice(2))) throw new Error(`${amount} has more than two decimals`);
  return BigInt(whole) * 100n + BigInt(cents);
}

function lastVersions(stored: readonly StoredEvent[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const e of stored) last.set(e.streamId, Math.max(last.get(e.streamId) ?? 0, e.version));
  return last;
}

/** Polls the read model (bounded) until every stream is at its stored version; the elapsed ms, or undefined if not. */
export async function waitForReadModel(databaseUrl: string, stored: readonly StoredEvent[], timeoutMs: number): Promise<number | undefined> {
  const want = lastVersions(stored);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const view = await readView(databaseUrl);
      if ([...want].every(([stream, version]) => (view.applied.get(stream) ?? 0) >= version)) return Date.now() - started;
    } catch {
      // the view's tables may not exist yet
    }
    await sleep(250);
  }
  return undefined;
}

/** Rows in parked_messages (0 where the table does not exist). */
export async function parkedCount(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const exists = await client.query<{ t: string | null }>("select to_regclass('parked_messages')::text as t");
    if (!exists.rows[0]?.t) return 0;
    const { rows } = await client.query<{ n: string }>('select count(*) as n from parked_messages');
    return Number(rows[0]?.n ?? 0);
  });
}

/** Events stored after a log subscription's checkpoint (e.g. the relay's backlog): what it has not handled yet. */
export async function eventsAfterCheckpoint(databaseUrl: string, checkpoint: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from events e
        where not exists (select 1 from checkpoints c where c.name = $1 and (e.transaction_id, e.position) <= (c.transaction_id, c.position))`,
      [checkpoint],
    );
    return Number(rows[0]?.n ?? 0);
  });
}

/**
 * The read model against a rebuild computed straight from the event store (SQL over the events table):
 * per project its title, cluster, countries, version and money per currency. Returns the differences.
 */
export async function differencesFromRebuild(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const rebuilt = await client.query<{ project_id: string; row: unknown }>(
      `with registered as (
         select substr(stream_id, 9) as project_id, data from events where type = 'ProjectRegistered'),
       versions as (
         select substr(stream_id, 9) as project_id, max(stream_version) as version from events where stream_id like 'project-%' group by stream_id),
       money as (
         select metadata->>'subject' as project_id, data->>'currency' as currency,
                sum((data->>'amount')::numeric) filter (where type in ('AgreementCommitmentRecorded', 'CommitmentRecorded')) as committed,
                sum((data->>'amount')::numeric) filter (where type in ('FundsReceived', 'DisbursementRecorded')) as disbursed
           from events where type in ('AgreementCommitmentRecorded', 'CommitmentRecorded', 'FundsReceived', 'DisbursementRecorded') group by 1, 2)
       select v.project_id, jsonb_build_object(
                'title', r.data->>'title', 'cluster', r.data->>'cluster', 'countries', r.data->'countries', 'version', v.version,
                'money', coalesce((select jsonb_object_agg(m.currency, jsonb_build_array(coalesce(m.committed, 0)::numeric(30,2)::text, coalesce(m.disbursed, 0)::numeric(30,2)::text))
                                     from money m where m.project_id = v.project_id), '{}'::jsonb)) as row
         from versions v left join registered r using (project_id)`,
    );
    const view = await client.query<{ project_id: string; row: unknown }>(
      `select s.project_id, jsonb_build_object(
                'title', s.title, 'cluster', s.cluster, 'countries', s.countries, 'version', s.version,
                'money', coalesce((select jsonb_object_agg(f.currency, jsonb_build_array(f.committed::numeric(30,2)::text, f.disbursed::numeric(30,2)::text))
                                     from (select m.currency,
                                                  coalesce(sum(case m.kind when 'commitment' then m.amount when 'cancellation' then -m.amount end), 0) as committed,
                                                  coalesce(sum(m.amount) filter (where m.kind = 'disbursement'), 0) as disbursed
                                             from money_movement m
                                            where m.project_id = s.project_id and m.kind in ('commitment', 'cancellation', 'disbursement')
                                            group by m.currency) f), '{}'::jsonb)) as row
         from project_summary s`,
    );
    const want = new Map(rebuilt.rows.map((r) => [r.project_id, JSON.stringify(r.row)]));
    const got = new Map(view.rows.map((r) => [r.project_id, JSON.stringify(r.row)]));
    const differences: string[] = [];
    for (const [id, row] of want) if (got.get(id) !== row) differences.push(`${id}: view ${got.get(id) ?? '(missing)'} ≠ rebuild ${row}`);
    for (const id of got.keys()) if (!want.has(id)) differences.push(`${id}: in the view, not in the event store`);
    return differences;
  });
}

/** A number that grows with every event the read model applies (the sum of applied stream versions). */
export async function appliedTotal(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string | null }>('select sum(version)::text as n from applied_stream_versions');
  return Number(rows[0]?.n ?? 0);
}
