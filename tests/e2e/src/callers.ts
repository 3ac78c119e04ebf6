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

/**
 * Creates a local user per kind of caller through the account API (as the run's admin, each with the
 * password the API makes) and logs each in: caller → bearer token (none when anonymous).
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
      body: JSON.stringify({ username: user.caller, roles: user.roles, clusters: user.clusters ?? null }),
    });
    const created = (await response.json()) as { password?: string };
    if (response.status !== 201 || !created.password) throw new Error(`creating ${user.caller} failed: ${response.status} ${JSON.stringify(created)}`);
    tokens.set(user.caller, await tokenFor(apiUrl, user.caller, created.password));
  }
  return tokens;
}
