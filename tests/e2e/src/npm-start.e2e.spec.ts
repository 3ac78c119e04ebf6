import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, deleteTopicsWithPrefix, freePort, repoRoot, testKafkaBrokers, uniqueTopicPrefix, type TestDatabase } from '@ecab/testing';

/** `npm start` runs `turbo run build`, then this script: the tests run the script on the built apps. */
const START = join(repoRoot, 'infra', 'platform', 'start.js');
const APPS = ['web-portal', 'portfolio-api', 'portfolio-views', 'partner-gateway', 'reporting'];

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startPlatform(env: Record<string, string | undefined>): Run {
  let output = '';
  const child = spawn(process.execPath, [START], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * Five consecutive free ports: the portal's PORT and the four after it. They are drawn below Linux's
 * ephemeral range (32768 and up): a port there that is free when checked can be taken a moment later as the
 * local end of any process's outgoing connection, and the app listening on it fails with EADDRINUSE.
 */
async function freeBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const taken = await Promise.all([0, 1, 2, 3, 4].map((offset) => listening(base + offset)));
    if (!taken.includes(true)) return base;
  }
  throw new Error('no five consecutive free ports found');
}

async function until(run: Run, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited (${run.child.exitCode}) before "${text}":\n${run.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${run.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("npm start: the README's first command", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecab-start-'));
  const prefix = uniqueTopicPrefix('npm-start');
  let database: TestDatabase;
  const runs: Run[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('e2e_npm_start');
  });

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await database?.drop();
    await deleteTopicsWithPrefix(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a PORT that is not a port, before starting anything', async () => {
    const run = startPlatform({ PORT: 'http', ECAB_DATA_DIR: dataDir, DATABASE_URL: database.url });
    runs.push(run);
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.output()).toContain('PORT must be a port number (the portal listens on it, the other apps on the next four), got http');
  });

  it('stops at once when KAFKA_BROKERS names no broker, saying how to start one, with no app left listening', async () => {
    const base = await freeBasePort();
    const nowhere = `127.0.0.1:${await freePort()}`;
    const run = startPlatform({ PORT: String(base), ECAB_DATA_DIR: dataDir, DATABASE_URL: database.url, KAFKA_BROKERS: nowhere });
    runs.push(run);
    expect(await run.exited).toEqual({ code: 1, signal: null });
    expect(run.output()).toContain(`no Kafka broker answers at KAFKA_BROKERS=${nowhere}: start the local one with \`npm run kafka:start\``);
    expect(await Promise.all([0, 1, 2, 3, 4].map((offset) => listening(base + offset)))).toEqual([false, false, false, false, false]);
  }, 60_000);

  it('runs the five apps on PORT and the next four, on Kafka, seeded, with no error logged; SIGTERM stops them all', async () => {
    const base = await freeBasePort();
    const run = startPlatform({
      PORT: String(base),
      ECAB_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      VIEWS_CONSUMER_GROUP: `${prefix}views`,
      GATEWAY_CONSUMER_GROUP: `${prefix}gateway`,
      REPORTING_CONSUMER_GROUP: `${prefix}reporting`,
      ECAB_ADMIN_PASSWORD: undefined,
    });
    runs.push(run);
    await until(run, 'ECAB Portfolio is running', 240_000);

    const health = await Promise.all([0, 1, 2, 3, 4].map(async (offset) => (await fetch(`http://127.0.0.1:${base + offset}/health`)).status));
    expect(health).toEqual([200, 200, 200, 200, 200]);
    for (const [offset, app] of APPS.entries()) expect(run.output()).toContain(`${app} is up on port ${base + offset}`);
    expect(run.output()).toMatch(/17 projects registered, 0 already there/);
    // The admin password was made in ECAB_DATA_DIR and printed for signing in.
    expect(run.output()).toMatch(/sign in\s+admin \/ \S+ \(generated, kept in \S*ecab-start-[^/]+\/auth\/admin-password\)/);
    expect(existsSync(join(dataDir, 'auth', 'admin-password'))).toBe(true);

    // A first start is quiet: nothing at error level or above (pino 50/60), no "not written yet" placeholders.
    const noisy = run
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)\b/.test(line) || /not written yet/.test(line));
    expect(noisy).toEqual([]);

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/^platform +\| stopped$/m);
    expect(await Promise.all([0, 1, 2, 3, 4].map((offset) => listening(base + offset)))).toEqual([false, false, false, false, false]);
  }, 300_000);
});
