/**
 * `npm run bench`: writes a portfolio through the event store into a database of its own, then measures
 * the read side beside raw PostgreSQL / kafkajs baselines in the same run, and writes the figures into
 * docs/BENCHMARKS.md (the section between the issue-8 markers; other sections are kept).
 *
 * BENCH_PROJECTS (10000), BENCH_EVENTS (1000000): the size. BENCH_SCENARIOS: a comma list of rebuild,
 * catch-up, queries, portal (issue 10's budgets), command-to-visible, and issue 14's append, relay and http (src/issue-14.ts; they need no
 * generated portfolio and write a section of their own) (default all). BENCH_REPEATS_REBUILD (3 up to 20k events, else 1),
 * BENCH_QUERIES (500 a round, 3 rounds), BENCH_COMMANDS_PER_SECOND (a list, 25,500: below saturation and the issue's load) for BENCH_COMMAND_SECONDS (10).
 * BENCH_CATCH_UP_TIMEOUT_S: how long the relay and the catch-up may take (default: 500 events/s, at least 120 s).
 * BENCH_OUTPUT: the Markdown file (default docs/BENCHMARKS.md; `-` prints it instead).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { cleanUp, createTestDatabase, deleteTopicsWithPrefix, repoRoot } from '@ecab/testing';
import { generate } from './generator.js';
import { cleanUpOnInterrupt } from './interrupt.js';
import { ISSUE_14_SCENARIOS, type Issue14Scenario, runIssue14 } from './issue-14.js';
import { spreadOf, type ResultRow } from './measure.js';
import { machine, writeSection } from './report.js';
import {
  catchUpScenario,
  commandToVisibleScenario,
  describeSpread,
  portalScenario,
  queryScenario,
  ratioOf,
  rebuildScenario,
  type BenchContext,
} from './scenarios/index.js';

const SCENARIOS = {
  rebuild: rebuildScenario,
  'catch-up': catchUpScenario,
  queries: queryScenario,
  portal: portalScenario,
  'command-to-visible': commandToVisibleScenario,
} as const;
type ScenarioName = keyof typeof SCENARIOS;

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const started = new Date();
const log = (message: string) => console.log(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(1).padStart(6)} s] ${message}`);

async function main(): Promise<void> {
  const projects = intEnv('BENCH_PROJECTS', 10_000);
  const events = intEnv('BENCH_EVENTS', 1_000_000);
  const known = [...Object.keys(SCENARIOS), ...ISSUE_14_SCENARIOS];
  const names = (process.env.BENCH_SCENARIOS ?? known.join(',')).split(',').map((s) => s.trim());
  for (const name of names) if (!known.includes(name)) throw new Error(`unknown scenario ${name}; known: ${known.join(', ')}`);
  const output = process.env.BENCH_OUTPUT ?? join(repoRoot, 'docs', 'BENCHMARKS.md');
  const issue14 = ISSUE_14_SCENARIOS.filter((name) => names.includes(name)) as Issue14Scenario[];
  if (issue14.length > 0) {
    await runIssue14({ chosen: issue14, started, topicPrefix: `bench-${randomBytes(4).toString('hex')}.`, intEnv, log, output });
  }
  const chosen = names.filter((name): name is ScenarioName => name in SCENARIOS);
  if (chosen.length === 0) return;
  const facts = machine(started);
  log(`${projects} projects / ${events} events; scenarios ${chosen.join(', ')}; ${facts.cpu}, load ${facts['load average at start (1/5/15 min)']}`);

  const eventsDb = await createTestDatabase('bench');
  const viewsDb = await createTestDatabase('bench_views');
  const topicPrefix = `bench-${randomBytes(4).toString('hex')}.`;
  const dataSource = createEventStoreDataSource(eventsDb.url, { applicationName: 'ecab-bench' });
  const rows: ResultRow[] = [];
  const ctx: Partial<BenchContext> & { processes: BenchContext['processes'] } = { processes: [] };
  const stopAll = () =>
    cleanUp(
      ...ctx.processes.map((p) => () => p.stop()),
      () => dataSource.isInitialized && dataSource.destroy(),
      () => eventsDb.drop(),
      () => viewsDb.drop(),
      () => deleteTopicsWithPrefix(topicPrefix),
    );
  const forget = cleanUpOnInterrupt(stopAll);
  let postgres: string;
  try {
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    postgres = ((await dataSource.query('show server_version')) as [{ server_version: string }])[0].server_version;
    const eventStore = new PostgresEventStore(dataSource);

    log('generating through PostgresEventStore.append …');
    let lastReport = 0;
    const generated = await generate(eventStore, {
      projects,
      events,
      onProgress: (n) => {
        if (n - lastReport >= Math.max(10_000, events / 20)) {
          lastReport = n;
          log(`  ${n} events`);
        }
      },
    });
    const [{ stored }] = (await dataSource.query('select count(*)::int as stored from events')) as [{ stored: number }];
    await dataSource.query('vacuum analyze events');
    log(`generated ${stored} events (${generated.commands} commands) in ${(generated.ms / 1000).toFixed(1)} s`);
    rows.push({
      scenario: 'Generation: commands decided in memory and appended with PostgresEventStore.append, one append per command, 8 writers',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf([stored / (generated.ms / 1000)]),
      ecabNote: `${generated.commands.toLocaleString('en-US')} commands`,
      note: 'issue 14 measures appends beside raw inserts',
    });

    Object.assign(ctx, {
      eventsUrl: eventsDb.url,
      eventStoreDataSource: dataSource,
      eventStore,
      events: stored,
      projects: generated.projects,
      clusters: generated.clusters,
      topicPrefix,
      viewsUrl: viewsDb.url,
      repeats: { rebuild: intEnv('BENCH_REPEATS_REBUILD', stored <= 20_000 ? 3 : 1), scan: 3, queries: 3 },
      queriesPerRound: intEnv('BENCH_QUERIES', 500),
      commandRates: (process.env.BENCH_COMMANDS_PER_SECOND ?? '25,500').split(',').map((r) => {
        const value = Number(r.trim());
        if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_COMMANDS_PER_SECOND must list positive integers, got "${r}"`);
        return value;
      }),
      commandSeconds: intEnv('BENCH_COMMAND_SECONDS', 10),
      catchUpTimeoutMs: intEnv('BENCH_CATCH_UP_TIMEOUT_S', Math.max(120, Math.ceil(stored / 500))) * 1000,
      log,
    } satisfies Omit<BenchContext, 'processes'>);
    // Queries, the portal and commands need the apps the catch-up starts.
    const order: ScenarioName[] = ['rebuild', 'catch-up', 'queries', 'portal', 'command-to-visible'];
    const needApps: ScenarioName[] = ['queries', 'portal', 'command-to-visible'];
    const run = order.filter((name) => chosen.includes(name) || (name === 'catch-up' && chosen.some((c) => needApps.includes(c))));
    for (const name of run) {
      log(`scenario ${name}`);
      rows.push(...(await SCENARIOS[name](ctx as BenchContext)));
    }
  } finally {
    forget();
    await stopAll();
  }

  const section = render(rows, { ...facts, postgres: `PostgreSQL ${postgres}` }, projects, ctx.events ?? events);
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'bench', 'results', `issue-8-${started.toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ facts, projects, events: ctx.events, rows }, null, 2),
  );
  if (output === '-') console.log(section);
  else {
    writeSection(output, 'issue-8', section);
    log(`wrote ${output}`);
  }
}

function render(rows: ResultRow[], facts: Record<string, string>, projects: number, events: number): string {
  const decimals = (row: ResultRow) => (row.unit === 'ms' ? 2 : 0);
  const lines = [
    `## Read side at scale (issue 8): ${projects.toLocaleString('en-US')} projects / ${events.toLocaleString('en-US')} events`,
    '',
    ...(events < 1_000_000
      ? ['A smaller size than the issue asks (10,000 projects / 1,000,000 events: `npm run bench` without BENCH_PROJECTS / BENCH_EVENTS).', '']
      : []),
    ...Object.entries(facts).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '| Scenario | Unit | ECAB | Raw baseline (same run) | ECAB ÷ baseline | Target |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const ecab = row.ecab
        ? `${describeSpread(row.ecab, decimals(row))}${row.ecabNote ? `; ${row.ecabNote}` : ''}`
        : [row.ecabNote, row.note].filter(Boolean).join('; ') || '–';
      const baseline = row.baseline
        ? `${describeSpread(row.baseline.value, decimals(row))} — ${row.baseline.name}${row.baseline.note ? `; ${row.baseline.note}` : ''}`
        : '–';
      const note = row.ecab && row.note ? ` (${row.note})` : '';
      return `| ${row.scenario}${note} | ${row.unit} | ${ecab} | ${baseline} | ${ratioOf(row)} | ${row.target ?? '–'} |`;
    }),
    '',
    'Ratios: for events/s, ECAB ÷ baseline (1.0× = as fast as the raw path); for latency and memory, the same',
    'division (10× = ten times the raw latency). Repeated figures read "median (min–max, runs)".',
  ];
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
