/**
 * The write path of issue 14: `append` (the event store with and without group commit, beside Emmett's
 * PostgreSQL store and raw inserts), `relay` (the relay beside a plain kafkajs producer) and `http` (commands
 * through the whole platform beside a minimal node:http server, src/scenarios/http.ts). Each runs on
 * databases and topics of its own, needs no generated portfolio, and writes the section between the
 * issue-14 markers of docs/BENCHMARKS.md.
 *
 * BENCH_APPEND_EVENTS (20000) and BENCH_APPEND_REPEATS (3); BENCH_RELAY_EVENTS (20000) and BENCH_RELAY_REPEATS (3);
 * BENCH_HTTP_RATES (100,500,1000 commands/s offered), BENCH_HTTP_CLIENTS (16, the closed loop), BENCH_HTTP_SECONDS (10 a run)
 * and BENCH_HTTP_PROJECTS (100 prepared projects).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, deleteTopicsWithPrefix, repoRoot } from '@ecab/testing';
import { httpLines } from './http-report.js';
import { cleanUpOnInterrupt } from './interrupt.js';
import { machine, writeSection } from './report.js';
import { appendScenario, type AppendFigure } from './scenarios/append.js';
import { withClient } from './scenarios/context.js';
import { httpScenario, type HttpFigures } from './scenarios/http.js';
import { describeSpread } from './scenarios/rows.js';
import { relayScenario, type RelayFigure } from './scenarios/relay.js';
import { ratio } from './stats.js';

export const ISSUE_14_SCENARIOS = ['append', 'relay', 'http'] as const;
export type Issue14Scenario = (typeof ISSUE_14_SCENARIOS)[number];

export interface Issue14Options {
  chosen: Issue14Scenario[];
  started: Date;
  topicPrefix: string;
  intEnv(name: string, fallback: number): number;
  log(message: string): void;
  /** The Markdown file, or `-` to print the section. */
  output: string;
}

const WRITERS = 16;

/** A comma list of positive integers from the environment, or `fallback`. */
function listEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(',').map((part) => {
    const value = Number(part.trim().replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must list positive integers, got "${part}"`);
    return value;
  });
}

export async function runIssue14(options: Issue14Options): Promise<void> {
  const { chosen, log, intEnv } = options;
  const facts = machine(options.started);
  const postgres = await withClient(
    databaseUrl(),
    async (client) => (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown',
  );
  const appendEvents = intEnv('BENCH_APPEND_EVENTS', 20_000);
  const relayEvents = intEnv('BENCH_RELAY_EVENTS', 20_000);
  let append: AppendFigure[] = [];
  let relay: RelayFigure[] = [];
  let http: HttpFigures | undefined;
  const forget = cleanUpOnInterrupt(() => deleteTopicsWithPrefix(options.topicPrefix));
  try {
    if (chosen.includes('append')) {
      log(`scenario append: ${appendEvents} events a run, ${WRITERS} writers`);
      append = await appendScenario({ events: appendEvents, repeats: intEnv('BENCH_APPEND_REPEATS', 3), writers: WRITERS, sizes: [1, 10], log });
    }
    if (chosen.includes('relay')) {
      log(`scenario relay: a backlog of ${relayEvents} events`);
      relay = await relayScenario({ events: relayEvents, repeats: intEnv('BENCH_RELAY_REPEATS', 3), topicPrefix: options.topicPrefix, log });
    }
    if (chosen.includes('http')) {
      const rates = listEnv('BENCH_HTTP_RATES', [100, 500, 1_000]);
      const clients = intEnv('BENCH_HTTP_CLIENTS', WRITERS);
      log(`scenario http: ${rates.join(', ')} commands/s offered and ${clients} clients, ${intEnv('BENCH_HTTP_SECONDS', 10)} s each`);
      http = await httpScenario({
        rates,
        clients,
        seconds: intEnv('BENCH_HTTP_SECONDS', 10),
        projects: intEnv('BENCH_HTTP_PROJECTS', 100),
        topicPrefix: `${options.topicPrefix}http.`,
        log,
      });
    }
  } finally {
    forget();
    await deleteTopicsWithPrefix(options.topicPrefix);
  }

  const section = render({ ...facts, postgres: `PostgreSQL ${postgres}` }, appendEvents, relayEvents, append, relay, http);
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'bench', 'results', `issue-14-${options.started.toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ facts, appendEvents, relayEvents, append, relay, http }, null, 2),
  );
  if (options.output === '-') console.log(section);
  else {
    writeSection(options.output, 'issue-14', section);
    log(`wrote ${options.output}`);
  }
}

const figure = (spread: AppendFigure['eventsPerSecond']) => describeSpread(spread, 0);

function appendLines(append: AppendFigure[], events: number): string[] {
  if (append.length === 0) return [];
  const lines = [
    `### Append: ${WRITERS} writers, ${events.toLocaleString('en-US')} events a run`,
    '',
    'Each writer appends its commands one after another, waiting for each; it owns its streams and goes round',
    'them (about five commands a stream), so every append carries the right expected version and most streams',
    'exist already. Every contender writes the same commands on an empty database of its own; runs interleave.',
    '',
    '| Events per command | Writer | events/s: median (min–max, runs) | group commit ÷ this |',
    '|---|---|---|---|',
  ];
  const sizes = [...new Set(append.map((f) => f.eventsPerCommand))];
  const targets: string[] = [];
  for (const size of sizes) {
    const rows = append.filter((f) => f.eventsPerCommand === size);
    const after = rows.find((f) => f.role === 'after')?.eventsPerSecond?.median;
    for (const row of rows) lines.push(`| ${size} | ${row.contender} | ${figure(row.eventsPerSecond)} | ${ratio(after, row.eventsPerSecond?.median)} |`);
    const emmett = rows.find((f) => f.role === 'emmett')?.eventsPerSecond?.median;
    targets.push(
      `- ${size === 1 ? 'single-event' : `${size}-event`} commands: group commit ${figure(rows.find((f) => f.role === 'after')?.eventsPerSecond)} events/s` +
        `${size === 1 ? ` (target ≥ 10,000: ${after !== undefined && after >= 10_000 ? 'met' : 'not met'})` : ''}; ${ratio(after, emmett)} Emmett (target ≥ 3×: ${after !== undefined && emmett !== undefined && after >= 3 * emmett ? 'met' : 'not met'})`,
    );
  }
  return [...lines, '', 'Targets (issue 14):', ...targets, ''];
}

function relayLines(relay: RelayFigure[], events: number): string[] {
  if (relay.length === 0) return [];
  return [
    `### Relay: a stored backlog of ${events.toLocaleString('en-US')} events to Kafka`,
    '',
    'KafkaRelay (gap-safe log reader, batches of 1,000, idempotent producer, acks=all, one request in flight) from',
    'the start of the log, beside a plain kafkajs producer sending the same records from memory with the same',
    'producer settings, batch size, compression and request cap. Events/s from the first acknowledged batch to the',
    'last; fresh topics (6 partitions) each run; runs interleave.',
    '',
    '| Producer settings | Relay events/s: median (min–max, runs) | Plain producer events/s | Relay ÷ plain | Target |',
    '|---|---|---|---|---|',
    ...relay.map((r) => `| ${r.setting} | ${figure(r.relay)} | ${figure(r.plainProducer)} | ${ratio(r.relay?.median, r.plainProducer?.median)} | ≥ 0.9× |`),
    '',
  ];
}

function render(
  facts: Record<string, string>,
  appendEvents: number,
  relayEvents: number,
  append: AppendFigure[],
  relay: RelayFigure[],
  http: HttpFigures | undefined,
): string {
  return [
    '## Write path (issue 14): append, relay and HTTP',
    '',
    'Figures vary from run to run, and with whatever else the machine runs (see the load average at the start and',
    "each HTTP run's): read the ratios to the baselines of the same run.",
    '',
    ...Object.entries(facts).map(([k, v]) => `- ${k}: ${v}`),
    '',
    ...appendLines(append, appendEvents),
    ...relayLines(relay, relayEvents),
    ...httpLines(http),
    'Ratios read "group commit ÷ this" (append), "relay ÷ plain" (relay) and "ECAB ÷ ceiling" (HTTP); repeated figures read "median (min–max, runs)".',
  ].join('\n');
}
