import { availableParallelism, loadavg } from 'node:os';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { authHeaders, cleanUp, createTestDatabase, deleteTopicsWithPrefix, startApp, testKafkaBrokers, type AppProcess } from '@ecab/testing';
import { generate } from '../generator.js';
import { closedLoop, IdlePool, LoadFailure, openLoop, summarise, type LoadFigure, type LoadSamples, type Send } from '../http-load.js';
import { cpuBetween, processesWith, sampleCpu, type CpuGroup } from '../cpu.js';
import { cleanUpOnInterrupt } from '../interrupt.js';
import { httpClient, memoryOf, now } from '../measure.js';
import { withClient } from './context.js';
import { CEILING_TABLE, startCeiling, storedEvents, waitUntilIdle, type Stoppable } from './http-platform.js';

// ---------------------------------------------------------------------------------------------------
// Issue 14, HTTP: commands/s and latency through the whole platform beside a minimal node:http server
// ---------------------------------------------------------------------------------------------------

/** A command without an answer (or not visible) within this long counts as failed. */
export const REQUEST_DEADLINE_MS = 30_000;
/** Keep-alive connections the open-loop generator holds to each server; more requests queue in the client. */
export const HTTP_CONNECTIONS = 64;
/** Events each prepared project gets (its whole command catalogue and some money movement: the agreement stays effective). */
const EVENTS_PER_PROJECT = 100;
const VALUE_DATE = '2026-01-15';

export interface HttpOptions {
  /** Offered loads of the open-loop runs, commands/s. */
  rates: number[];
  /** Clients of the closed-loop run. */
  clients: number;
  seconds: number;
  /** Projects prepared (each with a signed, effective, committed agreement the commands go to). */
  projects: number;
  topicPrefix: string;
  log(message: string): void;
}

export interface HttpRun {
  /** `open`: offered commands/s; `closed`: clients sending as fast as they are answered. */
  mode: 'open' | 'closed';
  offered?: number;
  clients?: number;
  seconds: number;
  ecab: LoadFigure;
  ceiling: LoadFigure;
  /** The 1-minute load average when the run began. */
  loadAverage: number;
}

export interface HttpFigures {
  projects: number;
  preparedEvents: number;
  runs: HttpRun[];
  /**
   * CPU time of each part of the platform per command of the closed-loop run, ms: from its start until every app
   * had applied what it stored. `cores`: the machine's, to read the sum against.
   */
  cpuPerCommand: { part: string; ms: number }[];
  cores: number;
  /** Peak resident memory (VmHWM) of each process at the end of the scenario, MB. */
  peakRss: { service: string; peakMb: number | undefined }[];
}

export async function httpScenario(options: HttpOptions): Promise<HttpFigures> {
  const { log, topicPrefix } = options;
  const database = await createTestDatabase('bench_http');
  const processes: Stoppable[] = [];
  const dataSource = createEventStoreDataSource(database.url, { applicationName: 'ecab-bench' });
  const stopAll = () =>
    cleanUp(
      ...[...processes].reverse().map((p) => () => p.stop()),
      () => dataSource.isInitialized && dataSource.destroy(),
      () => database.drop(),
      () => deleteTopicsWithPrefix(topicPrefix),
    );
  const forget = cleanUpOnInterrupt(stopAll);
  try {
    // The portfolio the commands act on, written through the event store before the apps start.
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    const generated = await generate(new PostgresEventStore(dataSource), { projects: options.projects, events: options.projects * EVENTS_PER_PROJECT });
    await dataSource.destroy();
    const preparedEvents = await storedEvents(database.url);
    log(`http: prepared ${generated.projects.length} projects, ${preparedEvents} events; starting the platform`);

    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_PARTITIONS: '6',
      LOG_LEVEL: 'warn',
    };
    const apps: AppProcess[] = [];
    const app = async (name: string, extra: Record<string, string> = {}): Promise<AppProcess> => {
      const started = await startApp(name, { ...env, ...extra }, `${name} (bench http)`);
      processes.push(started);
      apps.push(started);
      return started;
    };
    const api = await app('portfolio-api');
    const views = await app('portfolio-views', { VIEWS_CONSUMER_GROUP: `${topicPrefix}views` });
    await app('partner-gateway', { GATEWAY_CONSUMER_GROUP: `${topicPrefix}gateway` });
    await app('reporting', { REPORTING_CONSUMER_GROUP: `${topicPrefix}reporting` });
    await withClient(database.url, (client) => client.query(`create table ${CEILING_TABLE} (like events including all)`));
    const ceiling = await startCeiling(database.url);
    processes.push(ceiling);

    // Each run starts once the platform is idle: the backlog, then what the previous run left, applied everywhere.
    const settle = async () => {
      const left = await waitUntilIdle({
        databaseUrl: database.url,
        topicPrefix,
        groups: [`${topicPrefix}gateway`, `${topicPrefix}reporting`],
        timeoutMs: 180_000,
      });
      if (left.length > 0) log(`http: not idle after 180 s (${left.join('; ')}); measuring anyway`);
    };
    await settle();

    // A fresh pool each run. An agreement whose command got no answer in time is not used again in that run:
    // portfolio-api may still store that command, and the next one would meet a version conflict.
    let agreements = new IdlePool(generated.projects);
    const timedOut = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';
    const headers = { 'content-type': 'application/json', ...authHeaders() };
    const body = JSON.stringify({ amount: '1.00', currency: 'USD', valueDate: VALUE_DATE });
    const http = httpClient(HTTP_CONNECTIONS);
    const failure = (what: string, response: { status: number; body: string }) => new LoadFailure(`${what} HTTP ${response.status}`, response.body);

    /** Runs `work` on an agreement no other command is using, waiting for one until the deadline (then TimeoutError). */
    const onIdleAgreement = async <R>(deadline: number, work: (projectId: string) => Promise<R>): Promise<R> => {
      const pool = agreements;
      const projectId = await pool.acquire(deadline - now());
      try {
        const result = await work(projectId);
        pool.release(projectId);
        return result;
      } catch (error) {
        if (!timedOut(error)) pool.release(projectId);
        throw error;
      }
    };

    /** RecordFundsReceived of 1.00 USD on an agreement no other command is using, then (if asked) the project read until it shows it. */
    const ecabSend =
      (visible: boolean): Send =>
      async (_i, due) => {
        const deadline = due + REQUEST_DEADLINE_MS;
        const { projectId, token, answeredAt } = await onIdleAgreement(deadline, async (projectId) => {
          const response = await http.request(`${api.url}/api/v1/agreements/${encodeURIComponent(`AG-${projectId}`)}/funds-received`, {
            method: 'POST',
            headers,
            body,
            timeoutMs: deadline - now(),
          });
          const at = now();
          if (response.status !== 201) throw failure('command', response);
          return { projectId, token: (JSON.parse(response.body) as { consistentWith: string }).consistentWith, answeredAt: at };
        });
        if (!visible) return { answeredAt };
        return readUntil(
          answeredAt,
          deadline,
          `${views.url}/api/v1/projects/${encodeURIComponent(projectId)}?consistentWith=${encodeURIComponent(token)}`,
          headers,
        );
      };

    /** The same command body to the ceiling server, then the row read back. */
    const ceilingSend =
      (visible: boolean): Send =>
      async (_i, due) => {
        const deadline = due + REQUEST_DEADLINE_MS;
        const { eventId, answeredAt } = await onIdleAgreement(deadline, async (projectId) => {
          const response = await http.request(`${ceiling.url}/agreements/${encodeURIComponent(`AG-${projectId}`)}/funds-received`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            timeoutMs: deadline - now(),
          });
          const at = now();
          if (response.status !== 201) throw failure('command', response);
          return { eventId: (JSON.parse(response.body) as { eventId: string }).eventId, answeredAt: at };
        });
        if (!visible) return { answeredAt };
        return readUntil(answeredAt, deadline, `${ceiling.url}/events/${eventId}`, {});
      };

    /** GET until 200 (a 409 or 404 is "not yet"): the exchange with when it became visible, or why it did not. */
    const readUntil = async (answeredAt: number, deadline: number, url: string, readHeaders: Record<string, string>) => {
      try {
        for (;;) {
          const read = await http.request(url, { headers: readHeaders, timeoutMs: deadline - now() });
          if (read.status === 200) return { answeredAt, visibleAt: now() };
          if (read.status !== 409 && read.status !== 404) return { answeredAt, notVisible: failure('read', read) };
        }
      } catch (error) {
        const what = timedOut(error)
          ? `not visible within ${REQUEST_DEADLINE_MS / 1000} s`
          : `read error ${(error as { code?: string }).code ?? String(error)}`;
        return { answeredAt, notVisible: new LoadFailure(what, String(error)) };
      }
    };

    const report = (label: string, samples: LoadSamples, figure: LoadFigure) => {
      for (const [what, detail] of Object.entries(samples.firstFailure)) log(`  first ${what}: ${detail}`);
      const p = (v: number | undefined) => (v === undefined ? '–' : Number.isFinite(v) ? v.toFixed(1) : '∞');
      log(
        `  ${label}: ${figure.answered}/${figure.sent} answered, ${figure.commandsPerSecond.toFixed(0)} commands/s, p50 ${p(figure.p50)} ms, p99 ${p(figure.p99)} ms` +
          `${figure.visible ? `; visible p50 ${p(figure.visible.p50)} ms, p99 ${p(figure.visible.p99)} ms` : ''}; failures ${JSON.stringify(figure.failures)}`,
      );
    };
    const measure = async (label: string, load: (send: Send) => Promise<LoadSamples>, send: Send, visible: boolean) => {
      await settle();
      agreements = new IdlePool(generated.projects);
      const samples = await load(send);
      const figure = summarise(samples, visible);
      report(label, samples, figure);
      return figure;
    };

    const runs: HttpRun[] = [];
    let cpuPerCommand: { part: string; ms: number }[] = [];
    try {
      for (const rate of options.rates) {
        const loadAverage = loadavg()[0]!;
        log(`http: ${rate} commands/s offered for ${options.seconds} s (load average ${loadAverage.toFixed(2)})`);
        const run = (send: Send) => openLoop(rate, options.seconds, send);
        const ecab = await measure('ECAB', run, ecabSend(true), true);
        const ceilingFigure = await measure('ceiling', run, ceilingSend(true), true);
        runs.push({ mode: 'open', offered: rate, seconds: options.seconds, ecab, ceiling: ceilingFigure, loadAverage });
      }
      const loadAverage = loadavg()[0]!;
      log(`http: ${options.clients} clients, closed loop, for ${options.seconds} s (load average ${loadAverage.toFixed(2)})`);
      const run = (send: Send) => closedLoop(options.clients, options.seconds, send);
      // What the commands cost everywhere: every process of the platform, until each app has applied them.
      const cpuGroups: CpuGroup[] = [
        ...apps.map((a) => ({ name: a.name.replace(' (bench http)', ''), pids: () => [a.pid] })),
        { name: 'PostgreSQL (every process of the server)', pids: () => processesWith('postgres').filter((pid) => pid !== process.pid) },
        { name: 'Kafka broker', pids: () => processesWith('kafka.Kafka') },
        { name: 'load generator (the bench)', pids: () => [process.pid] },
      ];
      await settle();
      const cpuBefore = sampleCpu(cpuGroups);
      const ecab = await measure('ECAB', run, ecabSend(false), false);
      await settle();
      cpuPerCommand = cpuBetween(cpuBefore, sampleCpu(cpuGroups)).map(({ name, seconds }) => ({
        part: name,
        ms: (seconds * 1000) / Math.max(1, ecab.answered),
      }));
      log(`http: CPU per command ${cpuPerCommand.map((c) => `${c.part} ${c.ms.toFixed(2)} ms`).join(', ')}`);
      const ceilingFigure = await measure('ceiling', run, ceilingSend(false), false);
      runs.push({ mode: 'closed', clients: options.clients, seconds: options.seconds, ecab, ceiling: ceilingFigure, loadAverage });
    } finally {
      http.close();
    }
    for (const started of apps) if (!started.alive) log(`http: ${started.name} exited during the scenario:\n${started.output().slice(-3000)}`);
    const peakRss = processes.map((p) => ({ service: p.name.replace(' (bench http)', ''), peakMb: memoryOf(p.pid)?.peakMb }));
    log(`http: peak RSS ${peakRss.map((r) => `${r.service} ${r.peakMb?.toFixed(0) ?? '?'} MB`).join(', ')}`);
    return { projects: generated.projects.length, preparedEvents, runs, cpuPerCommand, cores: availableParallelism(), peakRss };
  } finally {
    forget();
    await stopAll();
  }
}
