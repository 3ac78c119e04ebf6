/** The processes and the quiet moments of the `http` scenario: the ceiling server, and waiting until the platform is idle. */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_TOPICS } from '@ecab/contracts';
import { freePort, testKafkaBrokers } from '@ecab/testing';
import { Kafka, logLevel } from 'kafkajs';
import { sleep, until } from '../measure.js';
import { withClient } from './context.js';

export const CEILING_TABLE = 'bench_ceiling_events';

export interface Stoppable {
  name: string;
  pid: number;
  stop(): Promise<void>;
}

/** The ceiling server (src/ceiling-server.ts) as a process of its own, like the apps; healthy or it throws. */
export async function startCeiling(databaseUrl: string): Promise<Stoppable & { url: string }> {
  const port = await freePort();
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'ceiling-server.js');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), CEILING_TABLE },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Last resort if the bench dies: the ceiling does not outlive it (as startApp does for the apps).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const healthy = await until(async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200, { timeoutMs: 30_000 });
  if (!healthy) {
    await stop();
    throw new Error(`the ceiling server did not become healthy:\n${errors}`);
  }
  return { name: 'ceiling server (node:http + pg)', pid: child.pid ?? -1, url, stop };
}

export async function storedEvents(url: string): Promise<number> {
  return withClient(url, async (client) => Number((await client.query<{ n: string }>('select count(*)::text as n from events')).rows[0]?.n ?? 0));
}

async function appliedEvents(url: string): Promise<number> {
  return withClient(url, async (client) =>
    Number((await client.query<{ n: string | null }>('select sum(version)::text as n from applied_stream_versions')).rows[0]?.n ?? 0),
  );
}

/** Messages on the event topics that `groupId` has not committed yet (all of a partition it has no offset for). */
async function consumerLag(kafka: Kafka, topicPrefix: string, groupId: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = EVENT_TOPICS.map((t) => `${topicPrefix}${t}`).filter((t) => existing.has(t));
    const committed = await admin.fetchOffsets({ groupId, topics });
    let lag = 0;
    for (const topic of topics) {
      const done = new Map((committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      for (const p of await admin.fetchTopicOffsets(topic)) lag += Number(p.high) - Math.max(done.get(p.partition) ?? -1, Number(p.low));
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits (bounded) until the platform is idle: no command still being stored (portfolio-api may still be working
 * through requests a client gave up on), portfolio-views has applied every stored event, and the other apps'
 * consumer groups have nothing left on the event topics. Returns what was not reached, if anything.
 */
export async function waitUntilIdle(options: { databaseUrl: string; topicPrefix: string; groups: string[]; timeoutMs: number }): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'ecab-bench', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const deadline = Date.now() + options.timeoutMs;
  let stored = -1;
  for (;;) {
    const left: string[] = [];
    const now = await storedEvents(options.databaseUrl);
    if (now !== stored) left.push(`events still being stored (${now})`);
    stored = now;
    const applied = await appliedEvents(options.databaseUrl);
    if (applied < now) left.push(`portfolio-views at ${applied} of ${now}`);
    for (const group of options.groups) {
      const lag = await consumerLag(kafka, options.topicPrefix, group).catch(() => Number.NaN);
      if (!(lag <= 0)) left.push(`${group} ${Number.isNaN(lag) ? 'unknown' : `${lag} behind`}`);
    }
    if (left.length === 0 || Date.now() > deadline) return left;
    await sleep(1_000);
  }
}
