import { authHeaders } from '@ecab/testing';

/** The built apps as processes, from @ecab/testing (shared with the fault drills); JSON helpers below. */
export { ADMIN, startApp, tokenFor, type AppProcess } from '@ecab/testing';

/** The Authorization header of the run's admin (after the first portfolio-api started). */
export const authorization = authHeaders;

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization(), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

export async function getJson(url: string, headers: Record<string, string> = authorization()): Promise<JsonResponse> {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
