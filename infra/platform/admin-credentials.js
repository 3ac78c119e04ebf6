// The local platform's credentials: its signing key and admin password (npm start), and signing in as the admin for the seed.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm start` keeps what it makes once (keys, the admin password, the embedded PostgreSQL): ECAB_DATA_DIR, default .data/. */
export const DATA_DIR = process.env.ECAB_DATA_DIR ? path.resolve(process.env.ECAB_DATA_DIR) : path.join(ROOT, '.data');
/** Where `npm start` keeps the admin password it generated. */
export const ADMIN_PASSWORD_FILE = path.join(DATA_DIR, 'auth', 'admin-password');
/** Where `npm start` keeps the token signing key it generated. */
const SIGNING_KEY_FILE = path.join(DATA_DIR, 'auth', 'signing-key.pem');

/** Signing in failed with every password there was to try: a one-line reason, no stack trace. */
export class SeedCredentialsError extends Error {}

/**
 * Logs in on the platform's token endpoint and returns the Authorization header to send. `passwords` are
 * tried in order (ECAB_ADMIN_PASSWORD, then the one `npm start` generated): the admin is created once, at
 * the first start, and never changed from the environment, so a password set later is not the admin's.
 */
export async function adminAuthorization(apiUrl, username, ...passwords) {
  for (const password of new Set(passwords.filter(Boolean))) {
    const response = await fetch(`${apiUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status === 401) {
      await response.body?.cancel();
      continue;
    }
    if (response.status !== 200) throw new Error(`logging in as ${username} failed with ${response.status}: ${await response.text()}`);
    const { access_token: token } = await response.json();
    return { authorization: `Bearer ${token}` };
  }
  throw new SeedCredentialsError(
    `cannot sign in as ${username}: the password is not that user's. The admin is created once, at the first start, and never changed from ` +
      `ECAB_ADMIN_PASSWORD; use the password it was created with (npm start keeps a generated one in ${path.relative(ROOT, ADMIN_PASSWORD_FILE)}), or ECAB_TOKEN`,
  );
}

/** The password npm start generated, when there is one. */
export function generatedAdminPassword() {
  try {
    return fs.readFileSync(ADMIN_PASSWORD_FILE, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A local platform signs its own tokens: without AUTH_PRIVATE_KEY a key is made once and kept in .data/,
 * so tokens survive a restart; without ECAB_ADMIN_PASSWORD an admin password is made once likewise.
 */
export function localCredentials(env) {
  fs.mkdirSync(path.dirname(SIGNING_KEY_FILE), { recursive: true, mode: 0o700 });
  if (!env.AUTH_PRIVATE_KEY) {
    if (!fs.existsSync(SIGNING_KEY_FILE)) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
      fs.writeFileSync(SIGNING_KEY_FILE, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    env.AUTH_PRIVATE_KEY = fs.readFileSync(SIGNING_KEY_FILE, 'utf8');
  }
  env.ECAB_ADMIN_USERNAME ||= 'admin';
  let generated = false;
  if (!env.ECAB_ADMIN_PASSWORD) {
    if (!fs.existsSync(ADMIN_PASSWORD_FILE)) fs.writeFileSync(ADMIN_PASSWORD_FILE, randomBytes(15).toString('base64url'), { mode: 0o600 });
    env.ECAB_ADMIN_PASSWORD = fs.readFileSync(ADMIN_PASSWORD_FILE, 'utf8').trim();
    generated = true;
  }
  return { username: env.ECAB_ADMIN_USERNAME, password: env.ECAB_ADMIN_PASSWORD, generated };
}
