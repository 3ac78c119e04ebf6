import type { TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { ENDPOINTS, isProgrammeWide, scenario, sendCommand, type Answer, type Step } from './command-catalogue.js';
import { callerTokens, type Caller } from './callers.js';
import { authorization, type AppProcess, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/**
 * Every command of the API, end to end on the real apps, PostgreSQL and Kafka: each endpoint's example
 * is sent in table order on a transport project; it must be recorded, reach the views through Kafka
 * and show in the project's activity. Before each one, every caller who may not send it is refused and
 * nothing is stored. The scenario runs three times, as a transport program manager, as a program
 * manager of every cluster and as an admin.
 */
describe('every command, every role (HTTP → events → Kafka → the project view)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;
  let tokens: Map<Caller, string | undefined>;

  beforeAll(async () => {
    // Rating thresholds come from configuration; every rating records the version it used.
    platform = await startKafkaPlatform('every', {
      partitions: 2,
      api: { RATING_THRESHOLDS: '{"version":"e2e-1","forAttentionGapPoints":20,"atRiskGapPoints":40}' },
    });
    ({ database, api, views } = platform);
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    tokens = await callerTokens(api.url);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await platform?.stop();
  });

  function send(caller: Caller, step: Step): Promise<Answer> {
    return sendCommand(api.url, step.endpoint, step.request.params, step.request.body, tokens.get(caller));
  }

  async function storedEvents(): Promise<number> {
    const [row] = (await dataSource.query('select count(*)::int as n from events')) as [{ n: number }];
    return row.n;
  }

  async function lastPosition(): Promise<number> {
    const [row] = (await dataSource.query('select coalesce(max(position), 0)::int as p from events')) as [{ p: number }];
    return row.p;
  }

  /** What a successful step recorded, as the event store holds it: each event's stream and type, in order. */
  async function storedAfter(position: number): Promise<string[]> {
    const rows = (await dataSource.query('select stream_id, type from events where position > $1 order by position', [position])) as {
      stream_id: string;
      type: string;
    }[];
    return rows.map((r) => `${r.stream_id}:${r.type}`);
  }

  /** What the list says the step records, on the streams its answer names. */
  function expectedStored(step: Step, answer: Answer): string[] {
    const streams =
      (answer.body.streams as { streamId: string }[] | undefined)?.map((s) => s.streamId) ?? step.endpoint.events.map(() => String(answer.body.streamId));
    return step.endpoint.events.map((type, index) => `${streams[index]}:${type}`);
  }

  /** Who must be refused, and with what, for a step sent on a transport project. */
  function refusals(step: Step): Partial<Record<Caller, number>> {
    const refused: Partial<Record<Caller, number>> = { anonymous: 401, viewer: 403, 'pm-health': 403 };
    if (isProgrammeWide(step.endpoint)) refused['pm-transport'] = 403;
    return refused;
  }

  const done: { step: Step; answer: Answer }[] = [];

  it('refuses every caller without the right, stores nothing for them, and records each command for those with it', async () => {
    const refusedActual: Record<string, Partial<Record<Caller, number>>> = {};
    const refusedExpected: Record<string, Partial<Record<Caller, number>>> = {};
    const failures: string[] = [];
    const steps = scenario({ projectId: 'EV-TR', unique: 'a' });
    expect(steps.length).toBeGreaterThan(ENDPOINTS.length);
    for (const step of steps) {
      if (step.own) {
        const expected = refusals(step);
        const before = await storedEvents();
        const actual: Partial<Record<Caller, number>> = {};
        for (const caller of Object.keys(expected) as Caller[]) {
          const answer = await send(caller, step);
          actual[caller] = answer.status;
          if (!answer.contentType.includes('application/problem+json')) failures.push(`${step.endpoint.command} as ${caller}: ${answer.contentType}`);
        }
        if ((await storedEvents()) !== before) failures.push(`${step.endpoint.command}: a refused caller stored events`);
        refusedActual[step.endpoint.command] = actual;
        refusedExpected[step.endpoint.command] = expected;
      }
      const caller: Caller = isProgrammeWide(step.endpoint) ? 'pm-all' : 'pm-transport';
      const position = await lastPosition();
      const answer = await send(caller, step);
      if (answer.status !== step.endpoint.status) {
        failures.push(`${step.endpoint.command} as ${caller}: ${answer.status} ${JSON.stringify(answer.body)}`);
        continue;
      }
      done.push({ step, answer });
      if (!step.own) continue;
      // The events the list names, in the answer and in the event store.
      const stored = await storedAfter(position);
      if (JSON.stringify(answer.body.events) !== JSON.stringify(step.endpoint.events))
        failures.push(`${step.endpoint.command}: answered events ${JSON.stringify(answer.body.events)}`);
      if (JSON.stringify(stored) !== JSON.stringify(expectedStored(step, answer))) failures.push(`${step.endpoint.command}: stored ${JSON.stringify(stored)}`);
    }
    expect(failures).toEqual([]);
    expect(refusedActual).toEqual(refusedExpected);
    expect(Object.keys(refusedActual).sort()).toEqual(ENDPOINTS.map((e) => e.command).sort());
  });

  it.each([['pm-all'], ['admin']] as const)('takes every command from %s too', async (caller) => {
    const failures: string[] = [];
    const steps = scenario({ projectId: `EV-TR-${caller}`, unique: caller });
    expect(steps.length).toBeGreaterThan(ENDPOINTS.length);
    for (const step of steps) {
      const answer = await send(caller, step);
      // Statuses only: the programme-wide examples were recorded by the first run (the same exchange rates record nothing new).
      if (answer.status !== step.endpoint.status) failures.push(`${step.endpoint.command}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    expect(failures).toEqual([]);
  });

  it('shows every project command’s events in the project view, after they travelled through Kafka', async () => {
    // Every listed command went through (preludes aside), or the activity below would miss its events unnoticed.
    expect(new Set(done.filter((d) => d.step.own).map((d) => d.step.endpoint.command)).size).toBe(ENDPOINTS.length);
    const projectScoped = done.filter((d) => d.answer.body.projectId === 'EV-TR');
    expect(projectScoped.length).toBeGreaterThan(0);
    const last = projectScoped.reduce((latest, d) => (d.answer.body.streamId === 'project-EV-TR' ? d : latest));
    const read = await fetch(`${views.url}/api/v1/projects/EV-TR?consistentWith=${encodeURIComponent(String(last.answer.body.consistentWith))}`, {
      headers: authorization(),
    });
    expect(read.status).toBe(200);
    const view = (await read.json()) as { activity: { streamId: string; version: number; type: string }[]; activityCount: number; status: string };
    // Every other stream's last event must be applied too before the activity is complete.
    for (const d of projectScoped) {
      const wait = await fetch(`${views.url}/api/v1/portfolio/summary?consistentWith=${encodeURIComponent(String(d.answer.body.consistentWith))}`, {
        headers: authorization(),
      });
      expect({ command: d.step.endpoint.command, status: wait.status }).toEqual({ command: d.step.endpoint.command, status: 200 });
    }
    const again = (await (await fetch(`${views.url}/api/v1/projects/EV-TR`, { headers: authorization() })).json()) as typeof view;
    const shown = new Set(again.activity.map((a) => `${a.streamId}@${a.version}:${a.type}`));
    const missing: string[] = [];
    for (const { step, answer } of projectScoped) {
      const events = answer.body.events as string[];
      const version = answer.body.version as number;
      events.forEach((type, index) => {
        const key = `${String(answer.body.streamId)}@${version - events.length + 1 + index}:${type}`;
        if (!shown.has(key)) missing.push(`${step.endpoint.command} → ${key}`);
      });
    }
    expect(missing).toEqual([]);
    expect(again.activityCount).toBe(projectScoped.reduce((n, d) => n + (d.answer.body.events as string[]).length, 0));
    expect(view.status).toBe('4');
  });

  it('applies the programme-wide commands in the views too, and records actor and roles on every event', async () => {
    const programmeWide = done.filter((d) => isProgrammeWide(d.step.endpoint));
    expect(programmeWide.length).toBeGreaterThan(0);
    for (const d of programmeWide) {
      const wait = await fetch(`${views.url}/api/v1/portfolio/summary?consistentWith=${encodeURIComponent(String(d.answer.body.consistentWith))}`, {
        headers: authorization(),
      });
      expect({ command: d.step.endpoint.command, status: wait.status }).toEqual({ command: d.step.endpoint.command, status: 200 });
    }
    const metadata: { actor: string; roles: string[] | null; cluster: string | null; stream_id: string }[] = await dataSource.query(
      "select metadata->>'actor' as actor, metadata->'roles' as roles, metadata->>'cluster' as cluster, stream_id from events where metadata->>'actor' in ('pm-transport', 'pm-all')",
    );
    expect(metadata.length).toBeGreaterThan(ENDPOINTS.length);
    for (const row of metadata) expect(row.roles).toEqual(['program-manager']);
    const rated: { version: string }[] = await dataSource.query("select data->'thresholds'->>'version' as version from events where type = 'PerformanceRated'");
    expect(rated.map((r) => r.version)).toEqual(['e2e-1', 'e2e-1', 'e2e-1']);
    // Events of a project's streams carry its cluster (their Kafka topic); programme records carry none.
    expect(metadata.filter((m) => m.stream_id.includes('EV-TR')).length).toBeGreaterThan(0);
    for (const row of metadata.filter((m) => m.stream_id.includes('EV-TR'))) expect(row.cluster).toBe('transport');
  });
});
