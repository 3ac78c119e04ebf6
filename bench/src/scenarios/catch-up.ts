import { randomBytes } from 'node:crypto';
import { EVENT_TOPICS } from '@ecab/contracts';
import { startApp, testKafkaBrokers } from '@ecab/testing';
import { Kafka, logLevel } from 'kafkajs';
import { memoryOf, now, spreadOf, until, type ResultRow } from '../measure.js';
import { type BenchContext, copyAccounts, withClient } from './context.js';

// ---------------------------------------------------------------------------------------------------
// (b) Catch-up from Kafka: relay (portfolio-api), then portfolio-views with a fresh group vs a plain consumer
// ---------------------------------------------------------------------------------------------------

async function topicMessages(kafka: Kafka, topics: string[]): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    let total = 0;
    const existing = new Set(await admin.listTopics());
    for (const topic of topics) {
      if (!existing.has(topic)) continue;
      for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}

/** A plain kafkajs consumer (fresh group, from the beginning) counting messages until `count`; events/s from its first message. */
async function plainConsumer(kafka: Kafka, topics: string[], count: number, timeoutMs: number): Promise<{ rate: number; fromStartRate: number; read: number }> {
  const consumer = kafka.consumer({ groupId: `bench-plain-${randomBytes(4).toString('hex')}` });
  const started = now();
  let first: number | undefined;
  let read = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    const finished = new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(now()), timeoutMs);
      void consumer.run({
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch }) => {
          first ??= now();
          read += batch.messages.length;
          if (read >= count) {
            clearTimeout(timer);
            resolve(now());
          }
        },
      });
    });
    const end = await finished;
    return { rate: read / ((end - (first ?? started)) / 1000), fromStartRate: read / ((end - started) / 1000), read };
  } finally {
    await consumer.disconnect();
  }
}

async function appliedEvents(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const result = await client.query<{ applied: string | null }>('select sum(version)::text as applied from applied_stream_versions');
    return Number(result.rows[0]?.applied ?? 0);
  });
}

export async function catchUpScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const kafka = new Kafka({ clientId: 'ecab-bench', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const topics = EVENT_TOPICS.map((t) => `${ctx.topicPrefix}${t}`);
  const kafkaEnv = { KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: ctx.topicPrefix, KAFKA_PARTITIONS: '6' };
  const timeoutMs = ctx.catchUpTimeoutMs;

  // The relay: portfolio-api publishes the whole backlog.
  const apiStarted = now();
  const api = await startApp('portfolio-api', { DATABASE_URL: ctx.eventsUrl, ...kafkaEnv, LOG_LEVEL: 'warn' }, 'portfolio-api (bench)');
  ctx.processes.push(api);
  ctx.api = api;
  let relayFirst: number | undefined;
  const relayed = await until(
    async () => {
      const n = await topicMessages(kafka, topics);
      if (n > 0) relayFirst ??= now();
      return n >= ctx.events;
    },
    { timeoutMs, intervalMs: 250 },
  );
  const relayEnd = now();
  const onKafka = await topicMessages(kafka, topics);
  const relayRate = onKafka / ((relayEnd - (relayFirst ?? apiStarted)) / 1000);
  ctx.log(`relay: ${onKafka} events on Kafka${relayed ? '' : ' (TIMED OUT)'}, ${relayRate.toFixed(0)} events/s`);

  // The plain consumer first (it only reads), then portfolio-views from an empty database and a fresh group.
  const plain = await plainConsumer(kafka, topics, onKafka, timeoutMs);
  ctx.log(`plain consumer: ${plain.read} messages, ${plain.rate.toFixed(0)} events/s from the first message`);

  const viewsSpawned = now();
  const views = await startApp(
    'portfolio-views',
    { DATABASE_URL: ctx.viewsUrl, ...kafkaEnv, VIEWS_CONSUMER_GROUP: `${ctx.topicPrefix}views`, LOG_LEVEL: 'warn' },
    'portfolio-views (bench)',
  );
  ctx.processes.push(views);
  ctx.views = views;
  await copyAccounts(ctx.eventsUrl, ctx.viewsUrl);
  let firstApplied: number | undefined;
  let peakSampled = 0;
  let applied = 0;
  const caughtUp = await until(
    async () => {
      const mem = memoryOf(views.pid);
      if (mem) peakSampled = Math.max(peakSampled, mem.rssMb);
      applied = await appliedEvents(ctx.viewsUrl);
      if (applied > 0) firstApplied ??= now();
      return applied >= ctx.events;
    },
    { timeoutMs, intervalMs: 100 },
  );
  const caughtUpAt = now();
  const memory = memoryOf(views.pid);
  const rate = applied / ((caughtUpAt - (firstApplied ?? viewsSpawned)) / 1000);
  const fromSpawn = applied / ((caughtUpAt - viewsSpawned) / 1000);
  ctx.log(
    `views catch-up: ${applied}/${ctx.events} applied${caughtUp ? '' : ' (TIMED OUT)'}, ${rate.toFixed(0)} events/s; peak RSS ${memory?.peakMb.toFixed(0)} MB`,
  );
  return [
    {
      scenario: 'Catch-up from Kafka: portfolio-views, fresh consumer group, until its applied count reaches the store',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf([rate]),
      ecabNote: `${fromSpawn.toFixed(0)} from the process start${caughtUp ? '' : `; UNFINISHED: ${applied} of ${ctx.events}`}`,
      baseline: {
        name: 'plain kafkajs consumer (eachBatch, counting), same topics',
        value: spreadOf([plain.rate]),
        note: `${plain.fromStartRate.toFixed(0)} from connect`,
      },
      target: '≥ 20,000',
    },
    {
      scenario: 'Peak RSS of portfolio-views during the catch-up (VmHWM)',
      unit: 'MB',
      better: 'lower',
      ecab: spreadOf([memory?.peakMb]),
      ecabNote: `highest sampled VmRSS ${peakSampled.toFixed(0)} MB`,
      target: '≤ 300',
    },
    {
      scenario: 'Relay of the stored backlog to Kafka (portfolio-api), for reference',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf([relayRate]),
      ecabNote: relayed ? undefined : `UNFINISHED: ${onKafka} of ${ctx.events}`,
      note: 'issue 14 measures it beside a plain producer',
    },
  ];
}
