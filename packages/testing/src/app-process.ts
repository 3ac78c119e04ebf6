import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: the nearest folder above this file that holds turbo.json. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'turbo.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no turbo.json above ${from}`);
  }
}

export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * The built apps as processes, for end-to-end tests and fault drills. Every test process is its own
 * deployment: one signing key shared by every API instance it starts (as AUTH_PRIVATE_KEY would be in
 * production, so a token stays valid when another instance takes over), an admin created from the
 * environment at start, and the views trusting the API's tokens through its JWKS.
 */
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
export const ADMIN = { username: 'test-admin', password: randomBytes(18).toString('base64url') };
let adminToken: string | undefined;
let lastApiUrl: string | undefined;

/** The Authorization header of the admin (after the first portfolio-api started); empty before. */
export function authHeaders(): Record<string, string> {
  return adminToken ? { authorization: `Bearer ${adminToken}` } : {};
}

/** Logs a local user in on the API's token endpoint and returns the access token. */
export async function tokenFor(apiUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function authEnv(name: string): Record<string, string> {
  if (name === 'portfolio-api') return { AUTH_PRIVATE_KEY: signingKey, ECAB_ADMIN_USERNAME: ADMIN.username, ECAB_ADMIN_PASSWORD: ADMIN.password };
  return lastApiUrl ? { API_URL: lastApiUrl } : {};
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs every clean-up step even if one fails; rethrows the first failure at the end. */
export async function cleanUp(...steps: (() => Promise<unknown> | unknown)[]): Promise<void> {
  let first: unknown;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}

export interface AppProcess {
  name: string;
  url: string;
  pid: number;
  output(): string;
  readonly alive: boolean;
  /** SIGKILL (a crash) or SIGTERM (a clean stop); resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Last resort if jest dies mid-test: no app outlives the test process.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The Node options an app runs with wherever it is launched (`nodeOptions` of its package.json, e.g. its heap limit). */
export function nodeOptionsOf(name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'apps', name, 'package.json'), 'utf8')) as { nodeOptions?: unknown };
  const options = manifest.nodeOptions ?? [];
  if (!Array.isArray(options) || !options.every((o) => typeof o === 'string')) throw new Error(`apps/${name}/package.json: nodeOptions must list strings`);
  return options;
}

/**
 * Starts a built app (`apps/<name>/dist/main.js`) as its own process, with its Node options as in
 * production, and waits (bounded) for /health 200.
 */
export async function startApp(name: string, env: Record<string, string | undefined>, label = name): Promise<AppProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...authEnv(name), ...env, PORT: String(port), HOST: '127.0.0.1' };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [...nodeOptionsOf(name), join(repoRoot, 'apps', name, 'dist', 'main.js')], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000); // bounded
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${label} exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`${label} did not become healthy within 60 s:\n${output.slice(-4000)}`);
    }
    await sleep(200);
  }
  if (name === 'portfolio-api') {
    lastApiUrl = url;
    adminToken = await tokenFor(url, ADMIN.username, ADMIN.password);
  }
  const isAlive = () => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals) => {
    if (!isAlive()) return;
    child.kill('SIGCONT'); // a drill may have frozen it (SIGSTOP)
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    name: label,
    url,
    pid: child.pid ?? -1,
    output: () => output,
    get alive() {
      return isAlive();
    },
    kill,
    stop: () => kill('SIGTERM'),
  };
}

/** GET /health until it answers 200, bounded; returns how long it took, or undefined if it never did. */
export async function waitHealthy(url: string, timeoutMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(4_000) });
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not answering yet
    }
    await sleep(250);
  }
  return undefined;
}
