/** The portal's one door to the platform: same-origin /api (the portal's server passes it on). */

/** One field's problem, as portfolio-api and portfolio-views list them in a 400. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** An answer that is not 2xx, with its RFC 9457 problem document. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }
}

let bearer: string | null = null;
const signedOutListeners = new Set<() => void>();

export function setBearer(token: string | null): void {
  bearer = token;
}

/** Called when the platform answers 401: the session is over. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export interface Answer<T> {
  body: T;
  status: number;
  headers: Headers;
}

export async function call<T>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; accept?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json', ...options.headers };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1/${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401 && bearer) for (const listener of signedOutListeners) listener();
    const problem = typeof body === 'object' && body !== null ? (body as Problem) : { status: response.status, detail: String(body) };
    throw new ApiProblem({ ...problem, status: response.status });
  }
  return { body: body as T, status: response.status, headers: response.headers };
}

/** A query string of the given parameters, leaving out the empty ones. */
export function queryString(parameters: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
