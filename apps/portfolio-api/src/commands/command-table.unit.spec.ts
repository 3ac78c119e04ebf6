import { DEFAULT_RATING_THRESHOLDS } from '@ecab/domain';
import type { AnyCommandEndpoint, ExampleContext, ExampleRequest } from './command-endpoint.js';
import { AGGREGATES, type AggregateDefinition } from './aggregates.js';
import { COMMAND_ENDPOINTS } from './command-table.js';
import { todayInAlmaty } from './today.js';

/**
 * The command table checked without HTTP or a database: every example passes its endpoint's
 * schemas and the domain accepts it, in table order, just as the end-to-end test will send it.
 */
const byName = new Map(COMMAND_ENDPOINTS.map((e) => [e.name, e]));
const context: ExampleContext = { projectId: 'ECAB-TR-EX', unique: 'u1' };

function run(
  states: Map<string, unknown>,
  endpoint: AnyCommandEndpoint,
  request: { params: Record<string, string>; body: unknown },
  counter: { n: number },
): string[] {
  const params: unknown = endpoint.params.parse(request.params);
  const body: unknown = endpoint.body.parse(request.body);
  const command = endpoint.toCommand({ params, body, newId: () => `id-${++counter.n}`, settings: { ratingThresholds: DEFAULT_RATING_THRESHOLDS } }) as {
    type: string;
    data: object;
  };
  expect(command.type).toBe(endpoint.name);
  const definition = AGGREGATES[endpoint.aggregate as keyof typeof AGGREGATES] as unknown as AggregateDefinition<{ type: string; data: object }>;
  const { decider } = definition;
  // A request that writes several streams is decided per stream, as the executor does.
  const parts = (endpoint.split?.(command) ?? [command]) as { type: string; data: object }[];
  return parts.flatMap((part) => {
    const streamId = definition.streamId(part);
    const state = (states.get(streamId) as ReturnType<typeof decider.initialState> | undefined) ?? decider.initialState();
    const events = decider.decide(part, state, { today: todayInAlmaty() });
    states.set(
      streamId,
      events.reduce((current, event) => decider.evolve(current, event), state),
    );
    return events.map((e) => e.type);
  });
}

describe('the command table', () => {
  it('names each command once and routes each (method, path) once', () => {
    const names = COMMAND_ENDPOINTS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const routes = COMMAND_ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('declares every path parameter in its params schema', () => {
    for (const endpoint of COMMAND_ENDPOINTS) {
      const inPath = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const shape = (endpoint.params as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      expect({ endpoint: endpoint.name, params: Object.keys(shape).sort() }).toEqual({ endpoint: endpoint.name, params: inPath.sort() });
    }
  });

  it('has examples the schemas and the domain accept, sent in table order on one project', () => {
    const states = new Map<string, unknown>();
    const counter = { n: 0 };
    const register = byName.get('RegisterProject')!;
    run(states, register, { params: {}, body: { ...(register.example(context).body as object), id: context.projectId } }, counter);
    const recorded: Record<string, string[]> = {};
    for (const endpoint of COMMAND_ENDPOINTS) {
      if (endpoint.name === 'RegisterProject') continue;
      for (const step of endpoint.examplePrelude?.(context) ?? ([] as ExampleRequest[])) {
        const before = byName.get(step.name);
        if (!before) throw new Error(`${endpoint.name}'s prelude names an unknown command ${step.name}`);
        run(states, before, step, counter);
      }
      recorded[endpoint.name] = run(states, endpoint, endpoint.example(context), counter);
    }
    for (const [name, events] of Object.entries(recorded)) expect({ name, recordsEvents: events.length > 0 }).toEqual({ name, recordsEvents: true });
  });
});
