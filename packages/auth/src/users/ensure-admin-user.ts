import { UserAlreadyExistsError, type UserStore } from './user-store.js';

export interface AdminSeed {
  username: string;
  password: string;
}

/** ECAB_ADMIN_USERNAME / ECAB_ADMIN_PASSWORD, both or neither. */
export function adminSeedFromEnv(env: NodeJS.ProcessEnv = process.env): AdminSeed | undefined {
  const username = env.ECAB_ADMIN_USERNAME;
  const password = env.ECAB_ADMIN_PASSWORD;
  if (!username && !password) return undefined;
  if (!username || !password) throw new Error('set both ECAB_ADMIN_USERNAME and ECAB_ADMIN_PASSWORD, or neither');
  return { username, password };
}

/**
 * Creates the admin user when it does not exist yet. An existing user is left exactly as it is
 * (its password is never overwritten from the environment). Safe when several services seed at once.
 */
export async function ensureAdminUser(users: UserStore, seed: AdminSeed): Promise<{ created: boolean }> {
  if (await users.find(seed.username)) return { created: false };
  try {
    await users.create({ username: seed.username, password: seed.password, roles: ['admin'] });
    return { created: true };
  } catch (error) {
    if (error instanceof UserAlreadyExistsError) return { created: false };
    throw error;
  }
}
