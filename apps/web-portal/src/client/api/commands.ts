import { call } from './http';

/** What every command answers (portfolio-api): the stream it changed and the token to read it back. */
export interface CommandAnswer {
  id?: string;
  projectId?: string;
  streamId: string;
  version: number;
  events: string[];
  consistentWith: string;
}

/** A fresh Idempotency-Key: the same key on a retry (or a second click) records nothing twice. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sendCommand(
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  options: { idempotencyKey: string; ifMatch?: number | undefined },
): Promise<CommandAnswer> {
  const headers: Record<string, string> = { 'Idempotency-Key': options.idempotencyKey };
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  return (await call<CommandAnswer>(method, path, { body, headers })).body;
}
