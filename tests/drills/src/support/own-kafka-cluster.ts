import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@ecab/testing';
import { runScript } from './own-kafka.js';

/**
 * A drill's own three-node KRaft cluster, run by infra/kafka/cluster.sh (same jars, server.properties,
 * start.sh and stop.sh as the shared broker) on a block of nine free ports with its data in a temp dir:
 * killing its nodes disturbs nobody else's suite, and the shared broker on 9092 is never touched.
 */
export interface OwnKafkaCluster {
  /** The bootstrap list for KAFKA_BROKERS: every node's PLAINTEXT listener. */
  brokers: string;
  size: number;
  start(): Promise<void>;
  /** SIGKILL node `index` (1..size): a crash, no controlled shutdown. */
  kill(index: number): Promise<void>;
  /** Starts node `index` again on its data; resolves once every node is in the cluster's metadata. */
  restart(index: number): Promise<void>;
  /** Kills every node and removes the data. */
  destroy(): Promise<void>;
}

const SIZE = 3;
const PORTS_PER_NODE = 3;
const pidFiles = new Set<string>();
// Last resort if jest dies mid-drill: no node outlives it.
process.once('exit', () => {
  for (const pidFile of pidFiles) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export async function createOwnKafkaCluster(): Promise<OwnKafkaCluster> {
  const base = await freePortBlock(SIZE * PORTS_PER_NODE);
  const root = mkdtempSync(join(tmpdir(), 'ecab-drill-kafka-cluster-'));
  const env = { ...process.env, KAFKA_CLUSTER_PORT: String(base), KAFKA_CLUSTER_DIR: root };
  const cluster = (...args: string[]) => runScript('bash', [join(repoRoot, 'infra', 'kafka', 'cluster.sh'), ...args], env, 180_000);
  for (let i = 1; i <= SIZE; i++) pidFiles.add(join(root, `node-${i}`, 'broker.pid'));
  return {
    brokers: Array.from({ length: SIZE }, (_, i) => `127.0.0.1:${base + PORTS_PER_NODE * i}`).join(','),
    size: SIZE,
    start: async () => void (await cluster('start')),
    kill: async (index) => void (await cluster('kill', String(index))),
    restart: async (index) => void (await cluster('start', String(index))),
    async destroy() {
      // Its data goes too, so no clean shutdown is needed: SIGKILL every node (a clean stop of three takes seconds).
      await Promise.all(Array.from({ length: SIZE }, (_, i) => cluster('kill', String(i + 1)).catch(() => undefined)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The first of `count` consecutive ports that all accept a listener on 127.0.0.1, below Linux's ephemeral range
 * (32768-60999) so that no outgoing connection takes one of them meanwhile.
 */
async function freePortBlock(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 10_000);
    let free = true;
    for (let port = base; port < base + count && free; port++) free = await canListen(port);
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports found between 20000 and 30000`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
