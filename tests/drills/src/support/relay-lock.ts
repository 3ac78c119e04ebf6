import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import pg from 'pg';
import { keyOf } from './ledger.js';

/** The relay's advisory lock key (packages/messaging RELAY_LOCK_KEY, "ECAB"): classid 0, objid = the key, objsubid 1. */
export const RELAY_LOCK_KEY = 0x4543_4142;

export interface LockHolder {
  /** The PostgreSQL backend holding the lock. */
  backendPid: number;
  applicationName: string;
  /** The holder's end of the TCP connection (on this machine: 127.0.0.1). */
  clientPort: number;
}

/** Who holds the relay lock in this database now (pg_locks → pg_stat_activity), if anyone. */
export async function relayLockHolders(databaseUrl: string): Promise<LockHolder[]> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'ecab-drill' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; application_name: string; client_port: number }>(
      `select l.pid, a.application_name, a.client_port
         from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = $1 and l.objsubid = 1
          and l.database = (select oid from pg_database where datname = current_database())`,
      [RELAY_LOCK_KEY],
    );
    return rows.map((r) => ({ backendPid: r.pid, applicationName: r.application_name, clientPort: r.client_port }));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Which of the candidate processes owns the local TCP socket bound to `port` (Linux: /proc/net/tcp gives
 * the socket's inode, /proc/<pid>/fd links to `socket:[inode]`). Both instances connect with the same
 * application_name, so the client port is what tells them apart.
 */
export function socketOwner(port: number, candidatePids: number[]): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const inode = fields[9];
      if (!local || !inode) continue;
      if (Number.parseInt(local.split(':').at(-1) ?? '', 16) === port) inodes.add(inode);
    }
  }
  for (const pid of candidatePids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** Which of the candidate processes holds the relay lock in this database now: pg_locks → its client port → the process. */
export async function relayLockOwner<T extends { pid: number }>(databaseUrl: string, candidates: readonly T[]): Promise<T | undefined> {
  const holders = await relayLockHolders(databaseUrl);
  if (holders.length !== 1) return undefined;
  const pid = socketOwner(
    holders[0]!.clientPort,
    candidates.map((c) => c.pid),
  );
  return candidates.find((c) => c.pid === pid);
}

/**
 * The `<stream id>@<version>` of the events stored after the relay's checkpoint: read right after the relay
 * holding the lock was killed, what it may have published without recording it (so may be on Kafka twice).
 */
export async function storedAfterRelayCheckpoint(databaseUrl: string, checkpoint = 'relay:kafka'): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'ecab-drill' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ stream_id: string; stream_version: number }>(
      `select stream_id, stream_version from events e
        where not exists (select 1 from checkpoints c where c.name = $1 and (e.transaction_id, e.position) <= (c.transaction_id, c.position))`,
      [checkpoint],
    );
    return new Set(rows.map((r) => keyOf(r.stream_id, r.stream_version)));
  } finally {
    await client.end().catch(() => undefined);
  }
}
