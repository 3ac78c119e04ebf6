import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import pg from 'pg';
import { sleep } from '@ecab/testing';
import { CLUSTERS, COMMITMENT_MINOR, DISBURSEMENT_MINOR, type Acknowledged } from './traffic.js';

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

/** Commitments (IATI 11) and money released (IATI 1), on agreements or, before agreements, on the project stream. */
const COMMITTED = new Set(['AgreementCommitmentRecorded', 'CommitmentRecorded']);
const DISBURSED = new Set(['FundsReceived', 'DisbursementRecorded']);

export interface KafkaTally {
  /** Messages read from the drill's event topics (duplicates included). */
  messages: number;
  /** How many times each `<stream id>@<version>` was on Kafka. */
  copies: Map<string, number>;
}

/** What a drill reports: sent / stored / on Kafka / applied / lost / duplicated effects. */
export interface DrillCounts {
  sent: number;
  acknowledged: number;
  stored: number;
  /** Stored although the client never saw the 201 (the answer was lost with a killed process or connection). */
  storedWithout201: number;
  onKafka: number;
  onKafkaUnique: number;
  /** Copies beyond the first on Kafka (at-least-once delivery), harmless if duplicatedEffects is 0. */
  kafkaDuplicates: number;
  applied: number;
  /** Acknowledged or stored events that did not make it all the way into the read model. */
  lost: number;
  lostDetail: { notStored: number; notOnKafka: number; notApplied: number };
  /** Money applied more than once, in whole commands (every command moves a fixed amount). */
  duplicatedEffects: number;
  /** Projects whose read-model money or version differs from the event store. */
  mismatches: string[];
  /** Messages the read side set aside as poison: parked (parked_messages) and sent to the dead-letter topic. */
  parked: number;
  deadLettered: number;
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

export function eventTopics(topicPrefix: string): string[] {
  return [...CLUSTERS.map((c) => `${topicPrefix}ecab.portfolio.${c}.v1`), `${topicPrefix}ecab.portfolio.programme.v1`];
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.toString();
}

/**
 * Reads the drill's event topics from the beginning with a fresh consumer group, up to the partitions'
 * end offsets, until `expectedUnique` distinct events were seen (refreshing the end offsets while the
 * relay still publishes) or the time is up. Counts every copy.
 */
export async function readKafka(brokers: string, topicPrefix: string, expectedUnique: number, timeoutMs: number): Promise<KafkaTally> {
  const kafka = new Kafka({ clientId: 'ecab-drill-reader', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const topics = eventTopics(topicPrefix);
  const admin = kafka.admin();
  const groupId = `${topicPrefix}drill-reader-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  const tally: KafkaTally = { messages: 0, copies: new Map() };
  const consumed = new Map<string, bigint>(); // topic/partition → next offset to read
  const endOffsets = async () => {
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, BigInt(p.high));
    }
    return ends;
  };
  await admin.connect();
  try {
    let ends = await endOffsets();
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        for (const message of batch.messages) {
          tally.messages += 1;
          const stream = header(message.headers, 'ce_streamid') ?? `?${message.key?.toString()}`;
          const key = keyOf(stream, Number(header(message.headers, 'ce_streamversion')));
          tally.copies.set(key, (tally.copies.get(key) ?? 0) + 1);
          consumed.set(`${batch.topic}/${batch.partition}`, BigInt(message.offset) + 1n);
          resolveOffset(message.offset);
        }
        await heartbeat();
      },
    });
    const deadline = Date.now() + timeoutMs;
    const caughtUp = () => [...ends].every(([tp, end]) => (consumed.get(tp) ?? 0n) >= end);
    while (Date.now() < deadline) {
      if (caughtUp()) {
        if (tally.copies.size >= expectedUnique) break;
        ends = await endOffsets(); // the relay is still publishing: read on to the new end
      }
      await sleep(200);
    }
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  return tally;
}

/** How many messages the drill's event topics (or the given ones) hold now (sum of end − start offsets). */
export async function kafkaMessageCount(brokers: string, topicPrefix: string, topics = eventTopics(topicPrefix)): Promise<number> {
  const kafka = new Kafka({ clientId: 'ecab-drill-offsets', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    let total = 0;
    const existing = new Set(await admin.listTopics());
    for (const topic of topics.filter((t) => existing.has(t))) {
      for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}

export const deadLetterTopic = (topicPrefix: string) => `${topicPrefix}ecab.portfolio.dlq.v1`;

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

/** Counts, event by event: acknowledged → stored → on Kafka → applied, and effects applied twice. */
export function reconcile(input: {
  sent: number;
  acknowledged: readonly Acknowledged[];
  stored: readonly StoredEvent[];
  kafka: KafkaTally;
  view: View;
  parked: number;
  deadLettered: number;
}): DrillCounts {
  const { acknowledged, stored, kafka, view } = input;
  const storedKeys = new Set(stored.map((e) => keyOf(e.streamId, e.version)));
  const ackKeys = new Set(acknowledged.map((a) => keyOf(a.streamId, a.version)));
  let notStored = 0;
  for (const key of ackKeys) if (!storedKeys.has(key)) notStored += 1;
  let notOnKafka = 0;
  let notApplied = 0;
  let applied = 0;
  for (const e of stored) {
    const onKafka = (kafka.copies.get(keyOf(e.streamId, e.version)) ?? 0) > 0;
    const isApplied = (view.applied.get(e.streamId) ?? 0) >= e.version;
    if (isApplied) applied += 1;
    if (!onKafka) notOnKafka += 1;
    else if (!isApplied) notApplied += 1;
  }

  // Money per project (on all its streams): read model against the sums of the stored events; version = its own stream's.
  const expected = new Map<string, { version: number; committed: bigint; disbursed: bigint }>();
  for (const e of stored) {
    const sums = expected.get(e.projectId) ?? { version: 0, committed: 0n, disbursed: 0n };
    if (e.streamId === streamOf(e.projectId)) sums.version = Math.max(sums.version, e.version);
    if (COMMITTED.has(e.type)) sums.committed += e.amountMinor;
    if (DISBURSED.has(e.type)) sums.disbursed += e.amountMinor;
    expected.set(e.projectId, sums);
  }
  let duplicatedEffects = 0;
  const mismatches: string[] = [];
  for (const [project, want] of expected) {
    const got = view.projects.get(project);
    if (!got) {
      mismatches.push(`${project}: not in the read model`);
      continue;
    }
    const extraCommitted = got.committedMinor - want.committed;
    const extraDisbursed = got.disbursedMinor - want.disbursed;
    if (extraCommitted > 0n) duplicatedEffects += Number(extraCommitted / COMMITMENT_MINOR);
    if (extraDisbursed > 0n) duplicatedEffects += Number(extraDisbursed / DISBURSEMENT_MINOR);
    if (got.version !== want.version || extraCommitted !== 0n || extraDisbursed !== 0n) {
      mismatches.push(
        `${project}: view v${got.version} ${got.committedMinor}/${got.disbursedMinor}, store v${want.version} ${want.committed}/${want.disbursed}`,
      );
    }
  }
  for (const project of view.projects.keys()) if (!expected.has(project)) mismatches.push(`${project}: in the read model but not in the store`);

  const onKafka = kafka.messages;
  const onKafkaUnique = kafka.copies.size;
  return {
    sent: input.sent,
    acknowledged: ackKeys.size,
    stored: stored.length,
    storedWithout201: [...storedKeys].filter((k) => !ackKeys.has(k)).length,
    onKafka,
    onKafkaUnique,
    kafkaDuplicates: onKafka - onKafkaUnique,
    applied,
    lost: notStored + notOnKafka + notApplied,
    lostDetail: { notStored, notOnKafka, notApplied },
    duplicatedEffects,
    mismatches,
    parked: input.parked,
    deadLettered: input.deadLettered,
  };
}

/** Every stream's versions are 1..n with no gap and no repeat. */
export function streamGaps(stored: readonly StoredEvent[]): string[] {
  const byStream = new Map<string, number[]>();
  for (const e of stored) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.version]);
  const gaps: string[] = [];
  for (const [stream, versions] of byStream) {
    const sorted = [...versions].sort((a, b) => a - b);
    if (!sorted.every((v, i) => v === i + 1)) gaps.push(`${stream}: ${sorted.join(',')}`);
  }
  return gaps;
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
