import type { Principal } from '../principal.js';

/** Nest token of the LocalUsers settings the account endpoints and the guard share. */
export const LOCAL_USERS = Symbol('ecab:auth:local-users');

/** Whose tokens name users of the `users` table, and the cluster names a user may be limited to. */
export interface LocalUsers {
  /** `iss` of the platform's own tokens (AUTH_ISSUER): the guard checks such a token's account on every request. */
  issuer: string;
  /** The app's cluster names (auth knows none of its own); undefined = any non-empty name. */
  clusters?: readonly string[] | undefined;
}

/** How an account's audit names who acted: a local user by name, anyone else as `issuer|subject`. */
export function actorName(principal: Principal, localUsers: LocalUsers): string {
  return principal.issuer === localUsers.issuer ? principal.subject : `${principal.issuer}|${principal.subject}`;
}
