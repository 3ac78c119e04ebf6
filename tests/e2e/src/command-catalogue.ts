import { COMMAND_ENDPOINTS, type AnyCommandEndpoint, type ExampleContext, type ExampleRequest } from '@ecab/portfolio-api';
import { EXPECTED_COMMANDS, expectedCommand, type ExpectedCommand } from './expected-endpoints.js';

/**
 * The commands as the tests walk them: the route, status, events and callers come from the tests' own
 * list (expected-endpoints.ts); only the example bodies come from the API's command table. A command of
 * the list whose example the API has lost fails loudly (see exampleEndpoint), it is never skipped.
 */
export const ENDPOINTS: readonly ExpectedCommand[] = EXPECTED_COMMANDS;

const examplesByName = new Map(COMMAND_ENDPOINTS.map((e) => [e.name as string, e]));

/** The API's table entry that holds the example of a listed command. */
function exampleEndpoint(name: string): AnyCommandEndpoint {
  const endpoint = examplesByName.get(name);
  if (!endpoint) throw new Error(`${name} is in the expected command list but the API's command table has no example for it (is the endpoint gone?)`);
  return endpoint;
}

export function urlOf(endpoint: ExpectedCommand, params: Record<string, string>): string {
  return endpoint.path.replace(/\{([A-Za-z]+)\}/g, (_match: string, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
}

export function isProgrammeWide(endpoint: ExpectedCommand): boolean {
  return endpoint.callers === 'programme';
}

export interface Step {
  endpoint: ExpectedCommand;
  request: ExampleRequest;
  /** True for the endpoint's own example; false for a prelude request it needs first. */
  own: boolean;
}

/**
 * The whole list as one scenario on one project: register it, then every command's prelude and example
 * in the list's order.
 */
export function scenario(context: ExampleContext): Step[] {
  const register = expectedCommand('RegisterProject');
  const registerBody = exampleEndpoint('RegisterProject').example(context).body as object;
  const steps: Step[] = [{ endpoint: register, request: { name: 'RegisterProject', params: {}, body: { ...registerBody, id: context.projectId } }, own: true }];
  for (const endpoint of ENDPOINTS) {
    if (endpoint.command === 'RegisterProject') continue;
    const withExample = exampleEndpoint(endpoint.command);
    for (const request of withExample.examplePrelude?.(context) ?? []) steps.push({ endpoint: expectedCommand(request.name), request, own: false });
    steps.push({ endpoint, request: { name: endpoint.command, ...withExample.example(context) }, own: true });
  }
  return steps;
}

/** What a command endpoint answered: status, content type and the body (or what could not be parsed). */
export interface Answer {
  status: number;
  contentType: string;
  body: Record<string, unknown>;
}

/** Sends a request to a command endpoint of the API at `apiUrl`, as the holder of `token` (none: anonymous). */
export async function sendCommand(apiUrl: string, endpoint: ExpectedCommand, params: Record<string, string>, body: unknown, token?: string): Promise<Answer> {
  const response = await fetch(`${apiUrl}${urlOf(endpoint, params)}`, {
    method: endpoint.method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { unparsable: text.slice(0, 200) };
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed };
}
