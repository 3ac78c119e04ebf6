/** The `http` scenario's part of the issue-14 section (docs/BENCHMARKS.md). */
import type { LoadFigure } from './http-load.js';
import { HTTP_CONNECTIONS, REQUEST_DEADLINE_MS, type HttpFigures, type HttpRun } from './scenarios/http.js';
import { figure, ratio } from './stats.js';

/** The issue's target: ≥ 1,000 commands/s at p99 ≤ 100 ms (16 clients, whole platform running). */
const TARGET_RATE = 1_000;
const TARGET_P99_MS = 100;

const ms = (value: number | undefined): string => (value === undefined ? '–' : Number.isFinite(value) ? figure(value, 1) : `> ${REQUEST_DEADLINE_MS / 1000} s`);
const pair = (p50: number | undefined, p99: number | undefined) => `${ms(p50)} / ${ms(p99)}`;

function throughput(f: LoadFigure): string {
  const failed = Object.entries(f.failures)
    .map(([what, n]) => `${figure(n)}× ${what}`)
    .join(', ');
  return `${figure(f.commandsPerSecond)} (${figure(f.answered)} of ${figure(f.sent)} answered${failed ? `; failed: ${failed}` : ''})`;
}

/** p99 ÷ p99 only when both are finite (a p99 past the deadline has no ratio). */
function latencyRatio(a: number | undefined, b: number | undefined): string {
  return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) ? ratio(a, b) : '–';
}

function target(run: HttpRun): string {
  const fast = (f: LoadFigure) => f.p99 !== undefined && f.p99 <= TARGET_P99_MS;
  if (run.mode === 'closed')
    return `≥ ${figure(TARGET_RATE)}/s at p99 ≤ ${TARGET_P99_MS} ms: ${run.ecab.commandsPerSecond >= TARGET_RATE && fast(run.ecab) ? 'met' : 'not met'}`;
  // Open loop: the offered load is the rate; a p99 within the bound (failures count as infinitely late) says it was kept up with.
  if (run.offered === TARGET_RATE) return `p99 ≤ ${TARGET_P99_MS} ms at ${figure(TARGET_RATE)}/s offered: ${fast(run.ecab) ? 'met' : 'not met'}`;
  return '–';
}

export function httpLines(http: HttpFigures | undefined): string[] {
  if (!http) return [];
  const load = (run: HttpRun) =>
    run.mode === 'open' ? `${figure(run.offered)}/s offered, ${run.seconds} s` : `${run.clients} clients, closed loop, ${run.seconds} s`;
  return [
    '### HTTP: commands through the whole platform, beside a minimal node:http server',
    '',
    `\`POST /api/v1/agreements/{id}/funds-received\` (RecordFundsReceived, 1.00 USD) to portfolio-api, with portfolio-views,`,
    `partner-gateway and reporting running on the same database and Kafka topics, on ${figure(http.projects)} prepared projects`,
    `(${figure(http.preparedEvents)} events written through the event store first: each project's agreement is signed, effective and`,
    'committed, so the command is valid every time); the load generator never has two commands in flight on one agreement',
    '(nor reuses in a run one whose command got no answer in time), so none meets a version conflict. Open-loop runs then',
    'read `GET /api/v1/projects/{id}?consistentWith=` on portfolio-views until it shows the command (command → visible).',
    'The ceiling is a node:http server (no framework, its own process, a pool of 20 connections) inserting the same command',
    'as one event row into a copy of the events table (same indexes), then answering; its "visible" is that row read back.',
    'Same load generator, same loads, runs interleaved; each run starts once every app has applied everything stored.',
    '',
    '| Load | ECAB commands/s (answered of sent) | ECAB HTTP answer p50 / p99, ms | ECAB command → visible p50 / p99, ms | Ceiling commands/s | Ceiling p50 / p99, ms | Ceiling insert → read p50 / p99, ms | ECAB ÷ ceiling: commands/s; p99 | Target (issue 14) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...http.runs.map(
      (run) =>
        `| ${load(run)} (load average ${run.loadAverage.toFixed(1)}) | ${throughput(run.ecab)} | ${pair(run.ecab.p50, run.ecab.p99)} | ` +
        `${run.ecab.visible ? pair(run.ecab.visible.p50, run.ecab.visible.p99) : '–'} | ${throughput(run.ceiling)} | ${pair(run.ceiling.p50, run.ceiling.p99)} | ` +
        `${run.ceiling.visible ? pair(run.ceiling.visible.p50, run.ceiling.visible.p99) : '–'} | ` +
        `${ratio(run.ecab.commandsPerSecond, run.ceiling.commandsPerSecond)}; ${latencyRatio(run.ecab.p99, run.ceiling.p99)} | ${target(run)} |`,
    ),
    '',
    `How to read: an open-loop run sends each command when it is due, whatever the earlier ones do, through ${HTTP_CONNECTIONS} keep-alive`,
    'connections, so what a server cannot take queues in the client and counts as latency; commands/s below the offered',
    "load means the server was saturated. The closed loop (the issue's target case) has each client send its next command",
    `once the last one was answered. A command without an answer within ${REQUEST_DEADLINE_MS / 1000} s counts as failed and as infinitely late, so`,
    `a p99 "> ${REQUEST_DEADLINE_MS / 1000} s" means more than 1 % failed. ECAB ÷ ceiling: 0.25× commands/s is a quarter of the ceiling's rate;`,
    '10× p99 is ten times its latency. The ceiling checks no token, decides nothing and reads no history.',
    '',
    ...cpuLines(http),
    '| Process | Peak RSS (VmHWM) over the scenario, MB |',
    '|---|---|',
    ...http.peakRss.map((r) => `| ${r.service} | ${r.peakMb === undefined ? '–' : figure(r.peakMb)} |`),
    '',
  ];
}

/** Where the closed loop's commands spent CPU, and the rate that CPU allows on this machine's cores. */
function cpuLines(http: HttpFigures): string[] {
  if (http.cpuPerCommand.length === 0) return [];
  const total = http.cpuPerCommand.reduce((sum, c) => sum + c.ms, 0);
  const platform = http.cpuPerCommand.filter((c) => !c.part.startsWith('load generator')).reduce((sum, c) => sum + c.ms, 0);
  return [
    `CPU per command of the closed-loop run (user + system time from /proc, from its start until every app had applied what`,
    `it stored, divided by the commands answered; PostgreSQL counts every process of the server, so anything else it served`,
    `meanwhile counts too):`,
    '',
    '| Part | CPU per command, ms | Share |',
    '|---|---|---|',
    ...http.cpuPerCommand.map((c) => `| ${c.part} | ${figure(c.ms, 2)} | ${total > 0 ? `${figure((100 * c.ms) / total)} %` : '–'} |`),
    `| all | ${figure(total, 2)} | 100 % |`,
    '',
    `The platform without the load generator used ${figure(platform, 2)} ms of CPU per command: on this machine's ${http.cores} cores that`,
    `allows at most ${platform > 0 ? figure((http.cores * 1000) / platform) : '–'} commands/s however the work is scheduled.`,
    '',
  ];
}
