import pg from 'pg';
import type { DataSource } from 'typeorm';
import { sessionConfig } from './session-config.js';

/** Rounds a leader that lost its lock waits before it competes again, so that a waiting standby takes over. */
const DEPOSED_ROUNDS = 3;

export interface LeadershipOptions {
  /** What leads, in logs and in the lock session's application_name. */
  name: string;
  /** The session advisory lock (one bigint key) whose holder leads; every instance of the service passes the same key. */
  lockKey: number;
  /** How often a standby tries to take the lock, and the leader checks that its lock session is alive (default 1 s). */
  intervalMs?: number;
  /** Starts the leader's work. If it throws, the lock is given up and the next round tries again. */
  lead(): Promise<void>;
  /** Stops that work: when stop() is called, or when the lock session is lost (another instance may lead by then). */
  standDown(): Promise<void>;
  log: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

/**
 * One leader among the instances of a service on one database: whoever holds the session advisory lock
 * `lockKey` does the work that must not run twice at once (publishing a log, sending webhooks); the others
 * wait as hot standbys and try again every interval. The lock lives on a connection of its own, outside the
 * pool; when that session ends (the database restarted, the connection was cut, the process died), PostgreSQL
 * releases the lock at once and a standby takes over within one interval, while the deposed leader stands down
 * as soon as it notices (its session's error, or the next round's check).
 */
export class Leadership {
  #session: pg.Client | undefined;
  #leading = false;
  #stopped = true;
  #timer: NodeJS.Timeout | undefined;
  /** A deposed leader leaves the lock to the standbys for a few rounds before it tries again. */
  #deposedUntil = 0;
  /** The round under way (a round is never run twice at once). */
  #round: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: LeadershipOptions,
  ) {}

  get isLeader(): boolean {
    return this.#leading;
  }

  /** Runs the first round (the caller knows afterwards whether this instance leads), then one per interval. */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.#runRound();
  }

  /** Stands down if leading and releases the lock. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#round;
    await this.#resign();
  }

  #runRound(): Promise<void> {
    this.#round = this.#round.then(async () => {
      if (this.#stopped) return;
      try {
        if (this.#leading) await this.#confirm();
        else if (Date.now() >= this.#deposedUntil) await this.#tryToLead();
      } catch (error) {
        this.options.log.warn(
          { leadership: this.options.name, error: errorText(error) },
          'leadership round failed; standing down until the lock is taken again',
        );
        await this.#resign();
      }
      if (!this.#stopped) this.#timer = setTimeout(() => void this.#runRound(), this.options.intervalMs ?? 1_000);
    });
    return this.#round;
  }

  async #tryToLead(): Promise<void> {
    const session = (this.#session ??= await this.#connect());
    const { rows } = await session.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [this.options.lockKey]);
    if (!rows[0]?.locked) return;
    this.#leading = true;
    this.options.log.info({ leadership: this.options.name }, 'this instance now leads');
    await this.options.lead();
  }

  /** A lock session that no longer answers means the lock may be someone else's by now. */
  async #confirm(): Promise<void> {
    if (!this.#session) throw new Error('the lock session is gone');
    await this.#session.query('select 1');
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client(sessionConfig(this.dataSource, `${this.options.name}:leader-lock`));
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('the lock session ended')));
    try {
      await client.connect();
    } catch (error) {
      client.removeAllListeners('end');
      throw error;
    }
    return client;
  }

  /** The lock session died between rounds: stand down now rather than at the next round. */
  #lost(client: pg.Client, error: unknown): void {
    if (client !== this.#session) return;
    if (this.#leading) this.options.log.warn({ leadership: this.options.name, error: errorText(error) }, 'lost the leader lock session; standing down');
    this.#round = this.#round.then(() => this.#resign(true));
  }

  async #resign(deposed = false): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (this.#leading) {
      if (deposed) this.#deposedUntil = Date.now() + DEPOSED_ROUNDS * (this.options.intervalMs ?? 1_000);
      this.#leading = false;
      await this.options
        .standDown()
        .catch((error: unknown) => this.options.log.warn({ leadership: this.options.name, error: errorText(error) }, 'standing down failed'));
    }
    if (session) {
      session.removeAllListeners('end');
      await session.query('select pg_advisory_unlock($1)', [this.options.lockKey]).catch(() => undefined);
      await session.end().catch(() => undefined);
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
