/** The roles the platform knows; anything else a token carries is ignored. */
export const ROLES = ['admin', 'program-manager', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling, as proven by a verified bearer token. */
export interface Principal {
  /** `sub` of the token: the local username, or the external issuer's subject. */
  readonly subject: string;
  /** `iss` of the token, so an audit trail can tell a local user from an external one with the same subject. */
  readonly issuer: string;
  readonly roles: readonly Role[];
  /** Clusters a program-manager may command; undefined = every cluster (a token says so with ALL_CLUSTERS). */
  readonly clusters?: readonly string[];
  /** A local user's token: the account's token epoch when it was issued (a later change of the account ends it). */
  readonly tokenEpoch?: number;
}

/**
 * The clusters claim value that grants every cluster: `"clusters": ["*"]`. Unscoped must be said; a token
 * without a clusters claim is limited to no cluster at all.
 */
export const ALL_CLUSTERS = '*';
