import { z } from 'zod';
import { ROLES } from '../principal.js';
import type { UserAuditEntry } from './user-audit.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalizeUsername, USERNAME_PATTERN, type LocalUser } from './user-store.js';

/** Text that reaches the audit (jsonb): no NUL, no lone surrogate half, which PostgreSQL cannot store. */
const storableText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !text.includes('\u0000') && !/\p{Cs}/u.test(text), 'must not contain NUL or a lone surrogate half');

const username = z
  .string()
  .max(256)
  .transform(normalizeUsername)
  .pipe(z.string().regex(USERNAME_PATTERN, 'must be 1 to 64 letters, digits or . _ @ -, starting with a letter or digit'));

const password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

/**
 * The request schemas of the account endpoints. `clusters` are the names the app knows (the domain's
 * clusters: auth knows none of its own); null = every cluster.
 */
export function userRequestSchemas(clusterNames: readonly string[] | undefined) {
  const cluster = clusterNames && clusterNames.length > 0 ? z.enum(clusterNames as [string, ...string[]]) : storableText(64);
  const clusters = z.array(cluster).max(64).nullable();
  return {
    params: z.object({ username }).strict(),
    create: z.object({ username, roles, clusters: clusters.optional(), password: password.optional() }).strict(),
    changeAccess: z
      .object({ roles: roles.optional(), clusters: clusters.optional() })
      .strict()
      .refine((body) => body.roles !== undefined || body.clusters !== undefined, { message: 'send roles, clusters or both', path: ['roles'] }),
    statusChange: z.object({ reason: storableText(500).optional() }).strict(),
    resetPassword: z.object({ password: password.optional() }).strict(),
    ownPassword: z
      .object({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword: password })
      .strict()
      .refine((body) => body.newPassword !== body.currentPassword, { message: 'must differ from the current password', path: ['newPassword'] }),
  };
}

/** A user as the API shows it: never a password hash; `clusters: null` = every cluster. */
export interface UserView {
  username: string;
  roles: string[];
  clusters: string[] | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export function userView(user: LocalUser): UserView {
  return {
    username: user.username,
    roles: user.roles,
    clusters: user.clusters ?? null,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export interface UserAuditView {
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export function userAuditView(entry: UserAuditEntry): UserAuditView {
  return { at: entry.at.toISOString(), actor: entry.actor, action: entry.action, details: entry.details };
}
