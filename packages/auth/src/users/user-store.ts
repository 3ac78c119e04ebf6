import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword, type ScryptParameters } from '../password-hash.js';
import { isRole, type Role } from '../principal.js';
import { AccountChecks } from './account-checks.js';
import { readUserAudit, recordUserAudit, SYSTEM_ACTOR, type UserAuditEntry } from './user-audit.js';

export interface LocalUser {
  username: string;
  roles: Role[];
  /** Clusters a program-manager is limited to; undefined = every cluster. */
  clusters?: string[];
  /** A disabled user gets no token, and the tokens it had are refused. */
  disabled: boolean;
  /** Counts the changes that ended the account's earlier tokens; every token carries the epoch it was issued at. */
  tokenEpoch: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a user may do: its roles, and the clusters a program-manager is limited to (null/undefined = every cluster). */
export interface UserAccess {
  roles: readonly Role[];
  clusters?: readonly string[] | null | undefined;
}

export interface NewLocalUser extends UserAccess {
  username: string;
  password: string;
}

export class UserAlreadyExistsError extends Error {
  constructor(readonly username: string) {
    super(`a user named ${username} already exists`);
    this.name = 'UserAlreadyExistsError';
  }
}

/** The change would leave no enabled admin, and nobody could manage accounts any more. */
export class LastAdminError extends Error {
  constructor(readonly username: string) {
    super(`${username} is the only enabled admin`);
    this.name = 'LastAdminError';
  }
}

/** Whether a token issued to `username` at `tokenEpoch` may still be used. */
export type TokenStatus = 'current' | 'superseded' | 'disabled' | 'unknown';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
/** A username after normalizeUsername: 1 to 64 lowercase letters, digits or . _ @ -, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** Usernames compare case-insensitively: `Admin` and `admin` are one user. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

interface UserRow {
  username: string;
  password_hash: string;
  roles: string[];
  clusters: string[] | null;
  disabled_at: Date | null;
  token_epoch: number;
  created_at: Date;
  updated_at: Date;
}

type AccountRow = Pick<UserRow, 'disabled_at' | 'token_epoch'>;

interface PendingAccountRead {
  read: { startedAt: number; changes: number };
  row: Promise<AccountRow | undefined>;
}

const COLUMNS = 'username, password_hash, roles, clusters, disabled_at, token_epoch, created_at, updated_at';

/**
 * The `users` table (CreateUsersTable1732700000000, UserAccounts1767000000000) and its audit trail: every
 * change is written with the audit line that says who made it, in one transaction. Never returns or logs a
 * password hash.
 */
export class UserStore {
  readonly #params: ScryptParameters;
  readonly #checks: AccountChecks;
  /** The account reads under way, one a user, that requests arriving meanwhile may share (see AccountChecks.mayShare). */
  readonly #accountReads = new Map<string, PendingAccountRead>();
  #dummyHash: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    options: {
      scrypt?: ScryptParameters;
      /** How long an account found current is trusted before `tokenStatus` reads it again (0, the default: never). */
      accountRecheckMs?: number;
      /** The clock of that wait (tests). */
      now?: () => number;
    } = {},
  ) {
    this.#params = options.scrypt ?? DEFAULT_SCRYPT;
    this.#checks = new AccountChecks(options.accountRecheckMs ?? 0, options.now);
  }

  async create(user: NewLocalUser, actor: string = SYSTEM_ACTOR): Promise<LocalUser> {
    const username = normalizeUsername(user.username);
    if (!USERNAME_PATTERN.test(username)) throw new Error('a username is 1 to 64 letters, digits or . _ @ -, starting with a letter or digit');
    checkPassword(user.password);
    const access = checkedAccess(user);
    const hash = await hashPassword(user.password, this.#params);
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<UserRow[]>(
        `INSERT INTO users (username, password_hash, roles, clusters) VALUES ($1, $2, $3, $4)
         ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
        [username, hash, access.roles, access.clusters],
      );
      const row = rows[0];
      if (!row) throw new UserAlreadyExistsError(username);
      await recordUserAudit(manager, username, 'created', actor, { roles: access.roles, clusters: access.clusters });
      return toUser(row);
    });
  }

  async find(username: string): Promise<LocalUser | undefined> {
    const row = await this.#row(this.dataSource.manager, username);
    return row ? toUser(row) : undefined;
  }

  /** Every user, by name. */
  async list(): Promise<LocalUser[]> {
    const rows = await this.dataSource.query<UserRow[]>(`SELECT ${COLUMNS} FROM users ORDER BY username`);
    return rows.map(toUser);
  }

  /**
   * The user when the password is right and the account enabled, otherwise undefined. An unknown user
   * costs one scrypt too, against a dummy hash, so timing does not tell which usernames exist; a
   * disabled one is answered like a wrong password. Upgrades weak hashes on success.
   */
  async verifyPassword(username: string, password: string): Promise<LocalUser | undefined> {
    const row = password.length <= MAX_PASSWORD_LENGTH ? await this.#row(this.dataSource.manager, username) : undefined;
    if (!row) {
      await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await this.#dummy());
      return undefined;
    }
    if (!(await verifyPassword(password, row.password_hash)) || row.disabled_at !== null) return undefined;
    if (needsRehash(row.password_hash, this.#params)) {
      // Only the hash this sign-in checked is replaced, so a password changed meanwhile stays.
      await this.dataSource.query('UPDATE users SET password_hash = $3 WHERE username = $1 AND password_hash = $2', [
        row.username,
        row.password_hash,
        await hashPassword(password, this.#params),
      ]);
    }
    return toUser(row);
  }

  /** New roles and clusters; ends the user's earlier tokens. The same access again changes nothing. */
  async changeAccess(username: string, access: UserAccess, actor: string): Promise<LocalUser | undefined> {
    const next = checkedAccess(access);
    return this.#change(username, async (manager, row) => {
      const before = { roles: row.roles, clusters: row.clusters };
      if (sameSet(before.roles, next.roles) && sameClusters(before.clusters, next.clusters)) return row;
      if (!next.roles.includes('admin')) await assertAnotherAdmin(manager, row);
      await recordUserAudit(manager, row.username, 'access-changed', actor, { from: before, to: next });
      return update(manager, row.username, 'roles = $2, clusters = $3, token_epoch = token_epoch + 1', [next.roles, next.clusters]);
    });
  }

  /** Disables (ending every token of the user) or enables an account. Doing it again changes nothing. */
  async setDisabled(username: string, disabled: boolean, actor: string, reason?: string): Promise<LocalUser | undefined> {
    const details = reason === undefined ? {} : { reason };
    return this.#change(username, async (manager, row) => {
      if ((row.disabled_at !== null) === disabled) return row;
      if (disabled) {
        await assertAnotherAdmin(manager, row);
        await recordUserAudit(manager, row.username, 'disabled', actor, details);
        return update(manager, row.username, 'disabled_at = now(), token_epoch = token_epoch + 1');
      }
      await recordUserAudit(manager, row.username, 'enabled', actor, details);
      return update(manager, row.username, 'disabled_at = NULL');
    });
  }

  /** An admin sets a new password (`password-reset`); ends the user's earlier tokens. */
  async resetPassword(username: string, password: string, actor: string): Promise<LocalUser | undefined> {
    return this.#setPassword(username, password, actor, 'password-reset');
  }

  /**
   * The user changes its own password, proving the current one: 'changed', or 'wrong-password' (the
   * account unchanged). Ends the user's earlier tokens, the one it used included.
   */
  async changeOwnPassword(username: string, currentPassword: string, newPassword: string): Promise<'changed' | 'wrong-password'> {
    checkPassword(newPassword);
    if (!(await this.verifyPassword(username, currentPassword))) return 'wrong-password';
    return (await this.#setPassword(username, newPassword, normalizeUsername(username), 'password-changed')) ? 'changed' : 'wrong-password';
  }

  /** Who did what to the account, oldest first; undefined for an unknown user. */
  async audit(username: string): Promise<UserAuditEntry[] | undefined> {
    const row = await this.#row(this.dataSource.manager, username);
    return row ? readUserAudit(this.dataSource.manager, row.username) : undefined;
  }

  /**
   * May a token issued to `username` at `tokenEpoch` still be used? One indexed read, or none when the
   * account was found current less than `accountRecheckMs` ago (see AccountChecks: a change made through
   * this store counts at once, one made elsewhere within `accountRecheckMs` of its commit).
   */
  async tokenStatus(username: string, tokenEpoch: number): Promise<TokenStatus> {
    if (this.#checks.isCurrent(username, tokenEpoch)) return 'current';
    // The requests that find the account's entry expired together (every request in flight, under load) share one read.
    let pending = this.#accountReads.get(username);
    if (!pending || !this.#checks.mayShare(pending.read)) {
      const read = this.#checks.startRead();
      const row = this.dataSource.query<AccountRow[]>('SELECT disabled_at, token_epoch FROM users WHERE username = $1', [username]).then((rows) => rows[0]);
      const started: PendingAccountRead = { read, row };
      pending = started;
      this.#accountReads.set(username, started);
      const done = () => {
        if (this.#accountReads.get(username) === started) this.#accountReads.delete(username);
      };
      row.then(done, done);
    }
    const { read } = pending;
    const row = await pending.row;
    if (!row) return 'unknown';
    if (row.disabled_at !== null) return 'disabled';
    if (row.token_epoch !== tokenEpoch) return 'superseded';
    this.#checks.remember(username, tokenEpoch, read);
    return 'current';
  }

  async #setPassword(username: string, password: string, actor: string, action: 'password-reset' | 'password-changed'): Promise<LocalUser | undefined> {
    checkPassword(password);
    const hash = await hashPassword(password, this.#params);
    return this.#change(username, async (manager, row) => {
      await recordUserAudit(manager, row.username, action, actor);
      return update(manager, row.username, 'password_hash = $2, token_epoch = token_epoch + 1', [hash]);
    });
  }

  /** Runs `apply` on the user's row, locked, in a transaction; undefined when there is no such user. */
  async #change(username: string, apply: (manager: EntityManager, row: UserRow) => Promise<UserRow>): Promise<LocalUser | undefined> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The enabled admins first, always in one order, so that two changes to admins cannot deadlock.
        await manager.query("SELECT username FROM users WHERE 'admin' = ANY (roles) AND disabled_at IS NULL ORDER BY username FOR UPDATE");
        const row = await this.#row(manager, username, 'FOR UPDATE');
        return row ? toUser(await apply(manager, row)) : undefined;
      });
    } finally {
      // After the commit: a token status read before it is neither kept nor remembered.
      this.#checks.forget(normalizeUsername(username));
    }
  }

  async #row(manager: EntityManager, username: string, lock = ''): Promise<UserRow | undefined> {
    const normalized = normalizeUsername(username);
    if (!USERNAME_PATTERN.test(normalized)) return undefined;
    const rows = await manager.query<UserRow[]>(`SELECT ${COLUMNS} FROM users WHERE username = $1 ${lock}`, [normalized]);
    return rows[0];
  }

  #dummy(): Promise<string> {
    this.#dummyHash ??= hashPassword(randomBytes(32).toString('hex'), this.#params);
    return this.#dummyHash;
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new Error(`a password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
}

function checkedAccess(access: UserAccess): { roles: Role[]; clusters: string[] | null } {
  if (access.roles.length === 0 || !access.roles.every(isRole)) throw new Error('a user needs at least one known role');
  if (access.clusters && !access.clusters.every((cluster) => typeof cluster === 'string' && cluster.length > 0))
    throw new Error('clusters are non-empty names');
  return { roles: [...new Set(access.roles)], clusters: access.clusters ? [...new Set(access.clusters)] : null };
}

/** Refuses to take the admin role from, or disable, the only enabled admin (the admins are locked by #change). */
async function assertAnotherAdmin(manager: EntityManager, row: UserRow): Promise<void> {
  if (!row.roles.includes('admin') || row.disabled_at !== null) return;
  const [others] = await manager.query<{ n: number }[]>(
    "SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY (roles) AND disabled_at IS NULL AND username <> $1",
    [row.username],
  );
  if ((others?.n ?? 0) === 0) throw new LastAdminError(row.username);
}

async function update(manager: EntityManager, username: string, assignments: string, values: unknown[] = []): Promise<UserRow> {
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows] = await manager.query<[UserRow[], number]>(`UPDATE users SET ${assignments}, updated_at = now() WHERE username = $1 RETURNING ${COLUMNS}`, [
    username,
    ...values,
  ]);
  return rows[0]!;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function sameClusters(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === null || b === null ? a === b : sameSet(a, b);
}

function toUser(row: UserRow): LocalUser {
  return {
    username: row.username,
    roles: row.roles.filter(isRole),
    ...(row.clusters !== null ? { clusters: row.clusters } : {}),
    disabled: row.disabled_at !== null,
    tokenEpoch: row.token_epoch,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
