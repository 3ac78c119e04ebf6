import type { EntityManager } from 'typeorm';

/** What was done to an account. Passwords and hashes never reach the audit; only that one was set. */
export const USER_AUDIT_ACTIONS = ['created', 'access-changed', 'disabled', 'enabled', 'password-reset', 'password-changed'] as const;
export type UserAuditAction = (typeof USER_AUDIT_ACTIONS)[number];

/** One line of an account's audit trail: who (`actor`) did what, when, with what it changed. */
export interface UserAuditEntry {
  id: string;
  username: string;
  action: UserAuditAction;
  actor: string;
  at: Date;
  details: Record<string, unknown>;
}

/** The actor recorded for what the platform does by itself (the admin created from the environment). */
export const SYSTEM_ACTOR = 'system';

interface AuditRow {
  id: string;
  username: string;
  action: UserAuditAction;
  actor: string;
  at: Date;
  details: Record<string, unknown>;
}

/** Appends to `user_audit` inside the transaction that made the change, so both are kept or neither. */
export async function recordUserAudit(
  manager: EntityManager,
  username: string,
  action: UserAuditAction,
  actor: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await manager.query('INSERT INTO user_audit (username, action, actor, details) VALUES ($1, $2, $3, $4)', [
    username,
    action,
    storableActor(actor),
    JSON.stringify(details),
  ]);
}

/** An account's audit trail, oldest first. */
export async function readUserAudit(manager: EntityManager, username: string): Promise<UserAuditEntry[]> {
  const rows = await manager.query<AuditRow[]>(
    'SELECT id::text AS id, username, action, actor, at, details FROM user_audit WHERE username = $1 ORDER BY user_audit.id',
    [username],
  );
  return rows.map((row) => ({ id: row.id, username: row.username, action: row.action, actor: row.actor, at: row.at, details: row.details }));
}

/** An external issuer's subject is not ours to trust: no control characters (PostgreSQL text holds no NUL), bounded. */
function storableActor(actor: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const cleaned = actor.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 300);
  return cleaned.length > 0 ? cleaned : 'unknown';
}
