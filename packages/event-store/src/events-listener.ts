import pg from 'pg';
import type { DataSource } from 'typeorm';
import { EVENTS_CHANNEL } from './events-channel.js';
import { sessionConfig } from './session-config.js';

const RETRY_INITIAL_MS = 50;
const RETRY_MAX_MS = 10_000;

/**
 * A connection of its own that LISTENs on `ecab_events` and calls `notified` for each append announced there,
 * and once more whenever it (re)connects, since appends made while nobody listened were not announced. A lost
 * connection is reported to `lost` and opened again with backoff until `stop`.
 */
export class EventsListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notified: () => void,
    private readonly lost: (error: unknown, attempt: number) => void,
  ) {}

  /** Resolves once listening or once the first attempt failed (the next one is scheduled); never rejects. */
  start(): Promise<void> {
    this.stopping = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    const client = new pg.Client(sessionConfig(this.dataSource, 'listener'));
    this.client = client;
    client.on('notification', () => this.notified());
    client.on('error', (error) => this.connectionLost(client, error));
    client.on('end', () => this.connectionLost(client, new Error('listener connection ended')));
    this.connecting = (async () => {
      try {
        await client.connect();
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      } catch (error) {
        this.connectionLost(client, error);
        return;
      }
      this.failures = 0;
      if (this.stopping && this.client === client) {
        this.client = undefined;
        await client.end().catch(() => undefined);
      }
      this.notified(); // appends made while nobody listened were not announced
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private connectionLost(client: pg.Client, error: unknown): void {
    if (client !== this.client) return; // an old connection's late event
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopping) return;
    this.failures += 1;
    this.lost(error, this.failures);
    const delayMs = Math.min(RETRY_MAX_MS, RETRY_INITIAL_MS * 2 ** (this.failures - 1));
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.stopping) return;
      void this.connect();
    }, delayMs);
  }
}
