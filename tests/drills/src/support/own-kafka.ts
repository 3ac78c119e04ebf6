import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from '@ecab/testing';

/**
 * A drill's own single-node KRaft broker (same jars, same server.properties as the shared one) on a
 * free port pair, with its data in a temp dir: stopping it disturbs nobody else's suite.
 * Started and stopped with infra/kafka/start.sh and stop.sh (KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_DATA_DIR).
 */
export interface OwnKafka {
  brokers: string;
  dataDir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it (if running) and removes its data. */
  destroy(): Promise<void>;
}

const started = new Set<string>();
// Last resort if jest dies mid-drill: the broker must not outlive it.
process.once('exit', () => {
  for (const pidFile of started) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export async function createOwnKafka(): Promise<OwnKafka> {
  const port = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'ecab-drill-kafka-'));
  const dataDir = join(root, 'kafka');
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_DATA_DIR: dataDir };
  const pidFile = join(dataDir, 'broker.pid');
  const script = (name: string) => runScript('bash', [join(repoRoot, 'infra', 'kafka', name)], env, 120_000);
  let running = false;
  return {
    brokers: `127.0.0.1:${port}`,
    dataDir,
    async start() {
      started.add(pidFile);
      await script('start.sh');
      running = true;
    },
    async stop() {
      await script('stop.sh');
      started.delete(pidFile);
      running = false;
    },
    async destroy() {
      if (running) await script('stop.sh').catch(() => undefined);
      started.delete(pidFile);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs a script to its end (bounded), its output in the error if it fails. */
export function runScript(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // stdin ignored and the broker's output goes to its log file: the script's pipes close when it ends.
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${args.join(' ')} failed (${code}):\n${output}`));
    });
  });
}
