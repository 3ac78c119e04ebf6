import { randomUUID } from 'node:crypto';
import type { PostgresEventStore } from '@ecab/event-store';
import {
  AGGREGATES,
  COMMAND_ENDPOINTS,
  commandSettingsFromEnv,
  projectNamedBy,
  schemaVersionOf,
  todayInAlmaty,
  type AggregateKind,
  type AnyCommandEndpoint,
  type ExampleContext,
  type ExampleRequest,
} from '@ecab/portfolio-api';
import { eventsPerProject } from './stats.js';

/**
 * Writes a realistic portfolio through the event store, the way portfolio-api does, without HTTP: each
 * project lives the API's whole command catalogue (every endpoint's example, in table order: registration
 * and facts, an agreement signed, effective, committed, amended, cancelled, extended, planned, funds
 * received, paid on, spent and a reversal, a contract planned and awarded, milestones, results, performance
 * reviews), and a programme and its organisations every PROGRAMME_EVERY projects. The per-project budget
 * of events beyond the catalogue is filled with the most frequent events of a real portfolio: money
 * movements under the agreement (funds received, onward disbursements, expenditure).
 *
 * Every command is decided by the aggregate's own decider (so every event is valid and the read side
 * applies it), and appended with PostgresEventStore.append at the stream's expected version, with the
 * metadata the API writes (subject, cluster, correlation, causation, actor, roles): one append per command.
 */

const PROGRAMME_EVERY = 100;
const CLUSTERS = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'];
const byName = new Map(COMMAND_ENDPOINTS.map((e) => [e.name as string, e]));
const endpointNamed = (name: string): AnyCommandEndpoint => {
  const endpoint = byName.get(name);
  if (!endpoint) throw new Error(`no endpoint ${name}`);
  return endpoint;
};
const isProgrammeWide = (e: AnyCommandEndpoint) => e.aggregate === 'programme' || e.aggregate === 'organisation';
/** The exchange-rates command: its example is recorded once for the whole portfolio. */
const REFERENCE_RATES = 'RecordExchangeRates';

/** The money movements that fill a project's budget, in turn. */
const FILLERS = ['RecordFundsReceived', 'RecordAgreementDisbursement', 'RecordExpenditure'];
/** The fillers go just before this step, while the agreement is open and effective. */
const FILL_BEFORE = 'ReverseTransaction';

export interface GeneratedPortfolio {
  projects: string[];
  clusters: Map<string, string>;
  events: number;
  commands: number;
  ms: number;
}

interface StreamState {
  state: object;
  version: number;
}

export interface GenerateOptions {
  projects: number;
  events: number;
  concurrency?: number;
  onProgress?: (events: number) => void;
}

export function clusterOf(index: number): string {
  return CLUSTERS[index % CLUSTERS.length]!;
}

export function projectIdOf(index: number): string {
  return `BP-${String(index).padStart(6, '0')}`;
}

/** The example steps of the catalogue for one project (the registration in the bench's cluster first). */
function catalogue(context: ExampleContext, cluster: string, withProgramme: boolean): ExampleRequest[] {
  const register = endpointNamed('RegisterProject');
  const steps: ExampleRequest[] = [
    { name: 'RegisterProject', params: {}, body: { ...(register.example(context).body as object), id: context.projectId, cluster } },
  ];
  for (const endpoint of COMMAND_ENDPOINTS) {
    if (endpoint.name === 'RegisterProject') continue;
    // Reference data, one stream per currency for the whole platform: recorded once, before the projects.
    if (endpoint.name === REFERENCE_RATES) continue;
    if (isProgrammeWide(endpoint) && !withProgramme) continue;
    for (const request of endpoint.examplePrelude?.(context) ?? []) {
      if (isProgrammeWide(endpointNamed(request.name)) && !withProgramme) continue;
      steps.push(request);
    }
    steps.push({ name: endpoint.name, ...endpoint.example(context) });
  }
  return steps;
}

function filler(context: ExampleContext, k: number): ExampleRequest {
  const name = FILLERS[k % FILLERS.length]!;
  const example = endpointNamed(name).example(context);
  const day = new Date(Date.UTC(2025, 9, 1) + (k % 400) * 86_400_000).toISOString().slice(0, 10);
  const { receiver, source } = example.body as { receiver?: unknown; source?: unknown };
  return {
    name,
    params: example.params,
    body: {
      id: `${name.slice(6, 9).toUpperCase()}-${k}`,
      amount: '1000.00',
      currency: 'USD',
      valueDate: day,
      ...(receiver ? { receiver } : {}),
      ...(source ? { source } : {}),
    },
  };
}

/** The catalogue's steps for project `index`, with its context and cluster. */
function stepsOf(index: number): { steps: ExampleRequest[]; context: ExampleContext; cluster: string } {
  const projectId = projectIdOf(index);
  const context: ExampleContext = { projectId, unique: `b${index}` };
  const cluster = clusterOf(index);
  return { steps: catalogue(context, cluster, index % PROGRAMME_EVERY === 0), context, cluster };
}

export async function generate(eventStore: PostgresEventStore, options: GenerateOptions): Promise<GeneratedPortfolio> {
  const settings = commandSettingsFromEnv({});
  const today = todayInAlmaty();
  const budgets = eventsPerProject(options.projects, options.events);
  const clusters = new Map<string, string>();
  const projects: string[] = [];
  let events = 0;
  let commands = 0;
  const started = Date.now();

  /** Decides one command on the in-memory state of its stream and appends its events; returns how many. */
  async function run(request: ExampleRequest, streams: Map<string, StreamState>, projectCluster: string): Promise<number> {
    const endpoint = endpointNamed(request.name);
    const kind = endpoint.aggregate as AggregateKind;
    const definition = AGGREGATES[kind] as unknown as {
      decider: {
        initialState(): object;
        decide(c: object, s: object, ctx: { today: string }): { type: string; data: object }[];
        evolve(s: object, e: object): object;
      };
      streamId(c: object): string;
      scope: 'project' | 'programme';
      subjectOf?: (c: object) => string;
    };
    const whole = endpoint.toCommand({
      params: endpoint.params.parse(request.params),
      body: endpoint.body.parse(request.body),
      settings,
      newId: randomUUID,
    }) as { type: string; data: object };
    // A command over several streams (exchange rates of several currencies) is decided per stream, as the API does.
    const split = (endpoint as { split?: (c: object) => object[] }).split;
    const parts = (split ? split(whole) : [whole]) as { type: string; data: object }[];
    let written = 0;
    for (const command of parts) written += await decideAndAppend(command, definition, streams, projectCluster, request.name);
    commands += 1;
    return written;
  }

  async function decideAndAppend(
    command: { type: string; data: object },
    definition: {
      decider: {
        initialState(): object;
        decide(c: object, s: object, ctx: { today: string }): { type: string; data: object }[];
        evolve(s: object, e: object): object;
      };
      streamId(c: object): string;
      scope: 'project' | 'programme';
      subjectOf?: (c: object) => string;
    },
    streams: Map<string, StreamState>,
    projectCluster: string,
    name: string,
  ): Promise<number> {
    const streamId = definition.streamId(command);
    const current = streams.get(streamId) ?? { state: definition.decider.initialState(), version: 0 };
    let subject: string;
    let cluster: string | undefined;
    if (definition.scope === 'project') {
      const projectId = projectNamedBy(command, current.state);
      if (projectId === undefined) throw new Error(`${name}: no project`);
      subject = projectId;
      cluster = projectCluster;
    } else {
      subject = definition.subjectOf?.(command) ?? streamId;
    }
    const decided = definition.decider.decide(command, current.state, { today });
    const metadata = { subject, ...(cluster ? { cluster } : {}), correlationId: randomUUID(), causationId: randomUUID(), actor: 'bench', roles: ['admin'] };
    const appended = await eventStore.append(
      streamId,
      current.version,
      decided.map((event) => ({ type: event.type, schemaVersion: schemaVersionOf(event.type), data: event.data as Record<string, unknown>, metadata })),
    );
    let state = current.state;
    for (const event of decided) state = definition.decider.evolve(state, event);
    streams.set(streamId, { state, version: appended.nextVersion });
    return decided.length;
  }

  async function project(index: number): Promise<void> {
    const budget = budgets[index]!;
    const { steps, context, cluster } = stepsOf(index);
    clusters.set(context.projectId, cluster);
    projects.push(context.projectId);
    const streams = new Map<string, StreamState>();
    let written = 0;
    // Rough count of the catalogue's events after the fill point, so the fillers leave room for them.
    const fillAt = steps.findIndex((s) => s.name === FILL_BEFORE);
    const tailSteps = fillAt < 0 ? 0 : steps.length - fillAt;
    let k = 0;
    for (let i = 0; i < steps.length && written < budget; i += 1) {
      if (i === fillAt) {
        while (written + tailSteps < budget) {
          written += await run(filler(context, k), streams, cluster);
          k += 1;
        }
      }
      written += await run(steps[i]!, streams, cluster);
    }
    events += written;
    options.onProgress?.(events);
  }

  // The exchange rates first (reference data every project's USD figures use).
  const rates = endpointNamed(REFERENCE_RATES);
  events += await run({ name: REFERENCE_RATES, ...rates.example({ projectId: projectIdOf(0), unique: 'rates' }) }, new Map(), '');

  let next = 0;
  const workers = Array.from({ length: options.concurrency ?? 8 }, async () => {
    while (next < options.projects) {
      const index = next;
      next += 1;
      await project(index);
    }
  });
  await Promise.all(workers);
  return { projects, clusters, events, commands, ms: Date.now() - started };
}
