import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword, type ScryptParameters } from '../password-hash.js';
import { isRole, type Role } from '../principal.js';

export interface LocalUser {
  username: string;
  roles: Role[];
  /** Clusters a program-manager is limited to; undefined = every cluster. */
  clusters?: string[];
  createdAt: Date;
}

export interface NewLocalUser {
  username: string;
  password: string;
  roles: readonly Role[];
  clusters?: readonly string[] | null | undefined;
}

export class UserAlreadyExistsError extends Error {
  constructor(readonly username: string) {
    super(`a user named ${username} already exists`);
    this.name = 'UserAlreadyExistsError';
  }
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** Usernames compare case-insensitively: `Admin` and `admin` are one user. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

interface UserRow {
  username: string;
  password_hash: string;
  roles: string[];
  clusters: string[] | null;
  created_at: Date;
}

/** The `users` table (see CreateUsersTable1732700000000). Never returns or logs a password hash. */
export class UserStore {
  readonly #params: ScryptParameters;
  #dummyHash: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    options: { scrypt?: ScryptParameters } = {},
  ) {
    this.#params = options.scrypt ?? DEFAULT_SCRYPT;
  }

  async create(user: NewLocalUser): Promise<LocalUser> {
    const username = normalizeUsername(user.username);
    if (!USERNAME.test(username)) throw new Error('a username is 1 to 64 letters, digits or . _ @ -, starting with a letter or digit');
    if (user.password.length < MIN_PASSWORD_LENGTH || user.password.length > MAX_PASSWORD_LENGTH) {
      throw new Error(`a password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
    }
    if (user.roles.length === 0 || !user.roles.every(isRole)) throw new Error('a user needs at least one known role');
    if (user.clusters && !user.clusters.every((cluster) => typeof cluster === 'string' && cluster.length > 0)) throw new Error('clusters are non-empty names');
    const hash = await hashPassword(user.password, this.#params);
    const rows = await this.dataSource.query<UserRow[]>(
      `INSERT INTO users (username, password_hash, roles, clusters) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING RETURNING username, password_hash, roles, clusters, created_at`,
      [username, hash, [...new Set(user.roles)], user.clusters ? [...new Set(user.clusters)] : null],
    );
    const row = rows[0];
    if (!row) throw new UserAlreadyExistsError(username);
    return toUser(row);
  }

  async find(username: string): Promise<LocalUser | undefined> {
    const row = await this.#row(username);
    return row ? toUser(row) : undefined;
  }

  /**
   * The user when the password is right, otherwise undefined. An unknown user costs one scrypt too,
   * against a dummy hash, so timing does not tell which usernames exist. Upgrades weak hashes on success.
   */
  async verifyPassword(username: string, password: string): Promise<LocalUser | undefined> {
    const row = password.length <= MAX_PASSWORD_LENGTH ? await this.#row(username) : undefined;
    if (!row) {
      await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await this.#dummy());
      return undefined;
    }
    if (!(await verifyPassword(password, row.password_hash))) return undefined;
    if (needsRehash(row.password_hash, this.#params)) {
      await this.dataSource.query('UPDATE users SET password_hash = $2 WHERE username = $1', [row.username, await hashPassword(password, this.#params)]);
    }
    return toUser(row);
  }

  async #row(username: string): Promise<UserRow | undefined> {
    const normalized = normalizeUsername(username);
    if (!USERNAME.test(normalized)) return undefined;
    const rows = await this.dataSource.query<UserRow[]>('SELECT username, password_hash, roles, clusters, created_at FROM users WHERE username = $1', [normalized]);
    return rows[0];
  }

  #dummy(): Promise<string> {
    this.#dummyHash ??= hashPassword(randomBytes(32).toString('hex'), this.#params);
    return this.#dummyHash;
  }
}

function toUser(row: UserRow): LocalUser {
  return {
    username: row.username,
    roles: row.roles.filter(isRole),
    ...(row.clusters !== null ? { clusters: row.clusters } : {}),
    createdAt: row.created_at,
  };
}
