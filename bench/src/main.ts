/**
 * `npm run bench`: writes a portfolio through the event store into a database of its own, then measures
 * the read side beside raw PostgreSQL / kafkajs baselines in the same run, and writes the figures into
 * docs/BENCHMARKS.md (the section between the issue-8 markers; other sections are kept).
 *
 * BENCH_PROJECTS (10000), BENCH_EVENTS (1000000): the size. BENCH_SCENARIOS: a comma list of rebuild,
 * catch-up, queries, command-to-visible (default all). BENCH_REPEATS_REBUILD (3 up to 20k events, else 1),
 * BENCH_QUERIES (500 a round, 3 rounds), BENCH_COMMANDS_PER_SECOND (a list, 25,500: below saturation and the issue's load) for BENCH_COMMAND_SECONDS (10).
 * BENCH_CATCH_UP_TIMEOUT_S: how long the relay and the catch-up may take (default: 500 events/s, at least 120 s).
 * BENCH_OUTPUT: the Markdown file (default docs/BENCHMARKS.md; `-` prints it instead).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { cleanUp, createTestDatabase, deleteTopicsWithPrefix, repoRoot } from '@ecab/testing';
import { generate } from './generator.js';
import { spreadOf, type ResultRow } from './measure.js';
import { catchUpScenario, commandToVisibleScenario, describeSpread, queryScenario, ratioOf, rebuildScenario, type BenchContext } from './scenarios/index.js';

const SCENARIOS = { rebuild: rebuildScenario, 'catch-up': catchUpScenario, queries: queryScenario, 'command-to-visible': commandToVisibleScenario } as const;
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

function machine(): Record<string, string> {
  const pkg = (path: string) => (JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as { version: string }).version;
  const kafkaVersion = /<kafka\.version>([^<]+)</.exec(readFileSync(join(repoRoot, 'infra/kafka/pom.xml'), 'utf8'))?.[1] ?? 'unknown';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    date: started.toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    'load average at start (1/5/15 min)': loadavg().map((l) => l.toFixed(2)).join(' / '),
    node: process.version,
    kafka: `${kafkaVersion} (broker), kafkajs ${pkg('node_modules/kafkajs/package.json')}`,
    commit,
  };
}

async function main(): Promise<void> {
  const projects = intEnv('BENCH_PROJECTS', 10_000);
  const events = intEnv('BENCH_EVENTS', 1_000_000);
  const chosen = (process.env.BENCH_SCENARIOS ?? Object.keys(SCENARIOS).join(',')).split(',').map((s) => s.trim()) as ScenarioName[];
  for (const name of chosen) if (!(name in SCENARIOS)) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const facts = machine();
  log(`${projects} projects / ${events} events; scenarios ${chosen.join(', ')}; ${facts.cpu}, load ${facts['load average at start (1/5/15 min)']}`);

  const eventsDb = await createTestDatabase('bench');
  const viewsDb = await createTestDatabase('bench_views');
  const topicPrefix = `bench-${randomBytes(4).toString('hex')}.`;
  const dataSource = createEventStoreDataSource(eventsDb.url, { applicationName: 'ecab-bench' });
  const rows: ResultRow[] = [];
  const ctx: Partial<BenchContext> & { processes: BenchContext['processes'] } = { processes: [] };
  let postgres = 'unknown';
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
    // Queries and commands need the apps the catch-up starts.
    const order: ScenarioName[] = ['rebuild', 'catch-up', 'queries', 'command-to-visible'];
    const run = order.filter((name) => chosen.includes(name) || (name === 'catch-up' && chosen.some((c) => c === 'queries' || c === 'command-to-visible')));
    for (const name of run) {
      log(`scenario ${name}`);
      rows.push(...(await SCENARIOS[name](ctx as BenchContext)));
    }
  } finally {
    await cleanUp(
      ...ctx.processes.map((p) => () => p.stop()),
      () => dataSource.isInitialized && dataSource.destroy(),
      () => eventsDb.drop(),
      () => viewsDb.drop(),
      () => deleteTopicsWithPrefix(topicPrefix),
    );
  }

  const section = render(rows, { ...facts, postgres: `PostgreSQL ${postgres}` }, projects, ctx.events ?? events);
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', `issue-8-${started.toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ facts, projects, events: ctx.events, rows }, null, 2));
  const output = process.env.BENCH_OUTPUT ?? join(repoRoot, 'docs', 'BENCHMARKS.md');
  if (output === '-') console.log(section);
  else {
    writeSection(output, section);
    log(`wrote ${output}`);
  }
}

const BEGIN = '<!-- bench:issue-8:begin (written by `npm run bench`; edits inside are overwritten) -->';
const END = '<!-- bench:issue-8:end -->';
const HEADER = `# Benchmarks

Written by \`npm run bench\` (the \`bench/\` workspace); each section is regenerated by its run and the
rest of the file is kept. Figures vary from run to run and machine to machine: read the **ratios** to the
raw baselines measured in the same run, not the absolute numbers. No test asserts any of them.

How to run, what each scenario does, and the sizes: [bench/README.md](../bench/README.md).
`;

function writeSection(path: string, section: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = HEADER;
  }
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const block = `${BEGIN}\n${section}\n${END}`;
  text = begin >= 0 && end > begin ? `${text.slice(0, begin)}${block}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, text);
}

function render(rows: ResultRow[], facts: Record<string, string>, projects: number, events: number): string {
  const decimals = (row: ResultRow) => (row.unit === 'ms' ? 2 : 0);
  const lines = [
    `## Read side at scale (issue 8): ${projects.toLocaleString('en-US')} projects / ${events.toLocaleString('en-US')} events`,
    '',
    ...(events < 1_000_000 ? ['A smaller size than the issue asks (10,000 projects / 1,000,000 events: `npm run bench` without BENCH_PROJECTS / BENCH_EVENTS).', ''] : []),
    ...Object.entries(facts).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '| Scenario | Unit | ECAB | Raw baseline (same run) | ECAB ÷ baseline | Target |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const ecab = row.ecab ? `${describeSpread(row.ecab, decimals(row))}${row.ecabNote ? `; ${row.ecabNote}` : ''}` : ([row.ecabNote, row.note].filter(Boolean).join('; ') || '–');
      const baseline = row.baseline ? `${describeSpread(row.baseline.value, decimals(row))} — ${row.baseline.name}${row.baseline.note ? `; ${row.baseline.note}` : ''}` : '–';
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
