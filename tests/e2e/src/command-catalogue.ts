import { COMMAND_ENDPOINTS, type AnyCommandEndpoint, type ExampleContext, type ExampleRequest } from '@ecab/portfolio-api';

/** The API's command table, as the tests walk it: every endpoint with its example and what must come first. */
export const ENDPOINTS: readonly AnyCommandEndpoint[] = COMMAND_ENDPOINTS;
const byName = new Map(ENDPOINTS.map((e) => [e.name as string, e]));

export function endpointNamed(name: string): AnyCommandEndpoint {
  const endpoint = byName.get(name);
  if (!endpoint) throw new Error(`no endpoint for ${name}`);
  return endpoint;
}

export function urlOf(endpoint: AnyCommandEndpoint, params: Record<string, string>): string {
  return `/api/v1/${endpoint.path.replace(/:([A-Za-z]+)/g, (_match: string, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`))}`;
}

export function isProgrammeWide(endpoint: AnyCommandEndpoint): boolean {
  return endpoint.aggregate === 'programme' || endpoint.aggregate === 'organisation' || endpoint.aggregate === 'exchange-rates';
}

export interface Step {
  endpoint: AnyCommandEndpoint;
  request: ExampleRequest;
  /** True for the endpoint's own example; false for a prelude request it needs first. */
  own: boolean;
}

/**
 * The whole catalogue as one scenario on one project: register it, then every endpoint's prelude and
 * example in table order.
 */
export function scenario(context: ExampleContext): Step[] {
  const register = endpointNamed('RegisterProject');
  const steps: Step[] = [{ endpoint: register, request: { name: 'RegisterProject', params: {}, body: { ...(register.example(context).body as object), id: context.projectId } }, own: true }];
  for (const endpoint of ENDPOINTS) {
    if (endpoint.name === 'RegisterProject') continue;
    for (const request of endpoint.examplePrelude?.(context) ?? []) steps.push({ endpoint: endpointNamed(request.name), request, own: false });
    steps.push({ endpoint, request: { name: endpoint.name, ...endpoint.example(context) }, own: true });
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
export async function sendCommand(apiUrl: string, endpoint: AnyCommandEndpoint, params: Record<string, string>, body: unknown, token?: string): Promise<Answer> {
  const response = await fetch(`${apiUrl}${urlOf(endpoint, params)}`, {
    method: endpoint.method.toUpperCase(),
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
