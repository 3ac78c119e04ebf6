import type { Role } from '@ecab/auth';
import { authorization, tokenFor } from './platform-process.js';

/** The kinds of caller the role tests try every endpoint with. */
export type Caller = 'anonymous' | 'viewer' | 'pm-transport' | 'pm-health' | 'pm-all' | 'admin';

const USERS: { caller: Exclude<Caller, 'anonymous' | 'admin'>; roles: Role[]; clusters?: string[] }[] = [
  { caller: 'viewer', roles: ['viewer'] },
  { caller: 'pm-transport', roles: ['program-manager'], clusters: ['transport'] },
  { caller: 'pm-health', roles: ['program-manager'], clusters: ['health'] },
  { caller: 'pm-all', roles: ['program-manager'] },
];

/** Every caller's password (the browser suites sign in with it). */
export const CALLER_PASSWORD = 'a-long-enough-test-password';

/**
 * Creates a local user per kind of caller through the account API (as the run's admin, each with
 * CALLER_PASSWORD) and logs each in: caller → bearer token (none when anonymous).
 */
export async function callerTokens(apiUrl: string): Promise<Map<Caller, string | undefined>> {
  const tokens = new Map<Caller, string | undefined>([
    ['anonymous', undefined],
    ['admin', authorization().authorization?.replace('Bearer ', '')],
  ]);
  for (const user of USERS) {
    const response = await fetch(`${apiUrl}/api/v1/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify({ username: user.caller, password: CALLER_PASSWORD, roles: user.roles, clusters: user.clusters ?? null }),
    });
    if (response.status !== 201) throw new Error(`creating ${user.caller} failed: ${response.status} ${await response.text()}`);
    tokens.set(user.caller, await tokenFor(apiUrl, user.caller, CALLER_PASSWORD));
  }
  return tokens;
}
