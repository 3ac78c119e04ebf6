import { encodeCloudEvent, topicFor, CLUSTER_NAMES } from '@ecab/contracts';
import { createEventStoreDataSource, LOG_START, LogReader, type NewEvent, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import {
  createKafka,
  DEFAULT_MAX_REQUEST_BYTES,
  ensureTopics,
  KafkaRelay,
  type KafkaSettings,
  ParkedMessageStore,
  parkingMigrations,
  portfolioEventFromRecorded,
  prefixed,
  requestsWithin,
} from '@ecab/messaging';
import { createTestDatabase, testKafkaBrokers } from '@ecab/testing';
import { CompressionTypes, Partitioners, type Message } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { now, sleep, spreadOf } from '../measure.js';
import type { Spread } from '../stats.js';

export interface RelaySettings {
  /** Events in the backlog (BENCH_RELAY_EVENTS). */
  events: number;
  repeats: number;
  /** Every topic this scenario creates starts with it (deleted by the runner). */
  topicPrefix: string;
  log(message: string): void;
}

export interface RelayFigure {
  setting: string;
  relay: Spread | undefined;
  plainProducer: Spread | undefined;
}

/** The relay's own batch size (a read of the log): the plain producer sends batches of the same size. */
const BATCH = 1_000;
const PROJECTS = 200;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** kafkajs says so when a topic made a moment ago has no leader yet, and retries: nothing to show. */
const kafkaOf = (settings: KafkaSettings) => createKafka(settings, silent);

interface ProducerSetting {
  name: string;
  compression: CompressionTypes;
  maxRequestBytes: number;
}

const SETTINGS: ProducerSetting[] = [
  {
    name: `GZIP, requests ≤ ${DEFAULT_MAX_REQUEST_BYTES / 1024} KiB (the relay's defaults: after)`,
    compression: CompressionTypes.GZIP,
    maxRequestBytes: DEFAULT_MAX_REQUEST_BYTES,
  },
  { name: 'uncompressed, one request per batch (as before)', compression: CompressionTypes.None, maxRequestBytes: Number.MAX_SAFE_INTEGER },
];

function commitment(projectId: string, cluster: string, n: number): NewEvent {
  return {
    type: 'CommitmentRecorded',
    schemaVersion: 1,
    data: { projectId, commitmentId: `c-${n}`, amount: `${1_000 + n}.00`, currency: 'USD', valueDate: '2025-01-01', financier: 'XM-DAC-46004' },
    metadata: { subject: projectId, cluster, correlationId: `corr-${projectId}-${n}`, causationId: `cmd-${projectId}-${n}`, actor: 'bench' },
  };
}

/** What one run measured, between the first acknowledged batch and the last (connecting and the first read are not counted). */
interface RunFigure {
  eventsPerSecond: number;
  /**
   * This process's CPU (user + system, every thread: kafkajs' compression too) per event: far steadier than
   * events/s when other work shares the machine, and what the relay spends beside a plain producer.
   */
  cpuMicrosPerEvent: number;
}

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** Starts counting at the first acknowledged batch; `end` gives the run's figure. */
class RunClock {
  private firstAt = 0;
  private firstCount = 0;
  private firstCpu = 0;

  get started(): boolean {
    return this.firstAt !== 0;
  }

  start(count: number): void {
    this.firstAt = now();
    this.firstCount = count;
    this.firstCpu = cpuMicros();
  }

  end(total: number): RunFigure {
    const events = total - this.firstCount;
    return { eventsPerSecond: events / ((now() - this.firstAt) / 1000), cpuMicrosPerEvent: (cpuMicros() - this.firstCpu) / events };
  }
}

/**
 * The relay (KafkaRelay, in this process, from its checkpoint at the start of the log) publishing a stored
 * backlog, beside a plain kafkajs producer sending the same records (encoded beforehand, from memory) with
 * the same producer settings, batch size, compression and request cap. Interleaved, fresh topics each run.
 */
export async function relayScenario(settings: RelaySettings): Promise<RelayFigure[]> {
  const database = await createTestDatabase('bench_relay');
  const dataSource = createEventStoreDataSource(database.url, { applicationName: 'ecab-bench', extraMigrations: parkingMigrations });
  try {
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    const store = new PostgresEventStore(dataSource, { notify: false });
    const perProject = Math.ceil(settings.events / PROJECTS);
    await Promise.all(
      Array.from({ length: 16 }, async (_, writer) => {
        for (let p = writer; p < PROJECTS; p += 16) {
          const projectId = `RL-${p}`;
          const cluster = CLUSTER_NAMES[p % CLUSTER_NAMES.length]!;
          for (let n = 0; n < perProject; n += 10) {
            await store.append(
              `project-${projectId}`,
              n,
              Array.from({ length: Math.min(10, perProject - n) }, (_, k) => commitment(projectId, cluster, n + k + 1)),
            );
          }
        }
      }),
    );
    const backlog = await new LogReader(dataSource).readBatch(LOG_START, PROJECTS * perProject + 1);
    const records = backlog.map(portfolioEventFromRecorded).map((event) => ({ cluster: event.cluster, record: encodeCloudEvent(event) }));
    settings.log(`relay backlog: ${records.length} events`);

    const results = new Map<string, { relay: number[]; plain: number[] }>();
    for (let repeat = 0; repeat < settings.repeats; repeat += 1) {
      for (const setting of SETTINGS) {
        const runs = results.get(setting.name) ?? { relay: [], plain: [] };
        results.set(setting.name, runs);
        const kafkaSettings = (who: string): KafkaSettings => ({
          brokers: testKafkaBrokers(),
          clientId: `ecab-bench-${who}`,
          topicPrefix: `${settings.topicPrefix}r${repeat}${who}${SETTINGS.indexOf(setting)}.`,
          partitions: 6,
          replicationFactor: 1,
        });
        const order = repeat % 2 === 0 ? (['relay', 'plain'] as const) : (['plain', 'relay'] as const);
        for (const who of order) {
          const kafka = kafkaSettings(who);
          await ensureTopics(kafkaOf(kafka), kafka);
          const figure =
            who === 'relay'
              ? await relayRun(dataSource, kafka, setting, records.length, `bench-relay-${repeat}-${SETTINGS.indexOf(setting)}`)
              : await plainRun(
                  kafka,
                  setting,
                  records.map(({ cluster, record }) => ({
                    topic: prefixed(kafka, topicFor(cluster)),
                    message: { key: record.key, value: record.value, headers: record.headers },
                  })),
                );
          runs[who].push(figure.eventsPerSecond);
          settings.log(
            `relay scenario run ${repeat + 1}, ${who}: ${figure.eventsPerSecond.toFixed(0)} events/s, ` +
              `${figure.cpuMicrosPerEvent.toFixed(1)} µs of Node CPU an event — ${setting.name}`,
          );
        }
      }
    }
    return SETTINGS.map((setting) => ({
      setting: setting.name,
      relay: spreadOf(results.get(setting.name)?.relay ?? []),
      plainProducer: spreadOf(results.get(setting.name)?.plain ?? []),
    }));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

async function relayRun(dataSource: DataSource, kafka: KafkaSettings, setting: ProducerSetting, total: number, checkpointName: string): Promise<RunFigure> {
  const relay = new KafkaRelay(dataSource, kafkaOf(kafka), kafka, {
    log: silent,
    parked: new ParkedMessageStore(dataSource),
    checkpointName,
    batchSize: BATCH,
    compression: setting.compression,
    maxRequestBytes: setting.maxRequestBytes,
  });
  const clock = new RunClock();
  const deadline = now() + 120_000 + total * 2;
  await relay.start();
  try {
    for (;;) {
      if (now() > deadline) throw new Error(`the relay published ${relay.publishedCount} of ${total} events in time`);
      const published = relay.publishedCount;
      if (published > 0 && !clock.started) clock.start(published);
      if (published >= total) return clock.end(total);
      await sleep(2);
    }
  } finally {
    await relay.stop();
  }
}

async function plainRun(kafka: KafkaSettings, setting: ProducerSetting, messages: { topic: string; message: Message }[]): Promise<RunFigure> {
  const producer = kafkaOf(kafka).producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const clock = new RunClock();
    for (let at = 0; at < messages.length; at += BATCH) {
      for (const topicMessages of requestsWithin(messages.slice(at, at + BATCH), setting.maxRequestBytes)) {
        await producer.sendBatch({ acks: -1, compression: setting.compression, topicMessages });
      }
      if (!clock.started) clock.start(Math.min(BATCH, messages.length));
    }
    return clock.end(messages.length);
  } finally {
    await producer.disconnect();
  }
}
