import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { repoRoot } from '@ecab/testing';
import type { DrillCounts } from './reconcile.js';
import type { StatusCounts } from './traffic.js';

/** Keeps the apps' logs of the last run next to its counts: .drill-results/<drill>/<app>.log. */
export function saveLogs(drill: string, apps: readonly { name: string; output(): string }[]): void {
  const dir = join(repoRoot, 'tests', 'drills', '.drill-results', drill);
  mkdirSync(dir, { recursive: true });
  for (const app of apps) writeFileSync(join(dir, `${app.name.replace(/[^a-z0-9#._-]+/gi, '_')}.log`), app.output());
}

/**
 * The distinct errors an app logged with a 5xx (ProblemDetailsFilter logs each one's stack): the first
 * line of each, with a count, so a drill names what went wrong, not just "500".
 */
export function loggedServerErrors(output: string): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const line of output.split('\n')) {
    if (!line.includes('"context":"ProblemDetails"') && !line.includes('ProblemDetails')) continue;
    let message = line;
    try {
      const entry = JSON.parse(line) as { msg?: string };
      message = entry.msg ?? line;
    } catch {
      // not JSON
    }
    const first = (message.split('\n')[0] ?? message).replace(/:\d{4,5}\b/g, ':<port>').slice(0, 200);
    seen[first] = (seen[first] ?? 0) + 1;
  }
  return seen;
}

export interface DrillRecord {
  drill: string;
  title: string;
  counts: DrillCounts;
  /** HTTP answers to commands (and reads, where the drill reads) per phase of the drill. */
  statuses: Record<string, StatusCounts>;
  /** Drill-specific observations: recovery times, who held the relay lock, … */
  notes: Record<string, unknown>;
  durationMs: number;
}

/** Prints the counts and records them in tests/drills/.drill-results/<drill>.json (rendered by `npm run report`). */
export function recordDrill(record: DrillRecord): void {
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), host: hostname() };
  const full = { ...record, date: new Date().toISOString(), machine };
  const dir = join(repoRoot, 'tests', 'drills', '.drill-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${record.drill}.json`), `${JSON.stringify(full, null, 2)}\n`);
  const c = record.counts;
  console.log(
    [
      `drill ${record.drill}: ${record.title}`,
      `  sent ${c.sent} | 201 ${c.acknowledged} | stored ${c.stored} (without 201: ${c.storedWithout201}) | on Kafka ${c.onKafka} (unique ${c.onKafkaUnique}, duplicates ${c.kafkaDuplicates})`,
      `  applied ${c.applied} | lost ${c.lost} ${JSON.stringify(c.lostDetail)} | duplicated effects ${c.duplicatedEffects} | mismatches ${c.mismatches.length} | parked ${c.parked} | dead-lettered ${c.deadLettered}`,
      `  statuses ${JSON.stringify(record.statuses)}`,
      `  notes ${JSON.stringify(record.notes)}`,
      `  ${(record.durationMs / 1000).toFixed(1)} s on ${machine.cores} cores`,
    ].join('\n'),
  );
}

/** Removes what a drill left on a broker: its topics and consumer groups (all named with its unique prefix). */
export async function cleanUpKafka(brokers: string, prefix: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'ecab-drill-cleanup', brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // A group whose member just left may not be deletable yet: a few bounded attempts.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
      if (groups.length === 0) break;
      await admin.deleteGroups(groups).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
