/**
 * The ceiling of the `http` scenario (issue 14): a minimal HTTP server on node:http, no framework, that
 * stores one event row per command, the insert the platform's command ends in, into a copy of the events
 * table (CEILING_TABLE, made by the bench with the same columns and indexes). No token, no validation, no
 * decision, no history read, no relay: what any HTTP service that stores a row costs on this machine.
 *
 *   POST /agreements/{id}/funds-received  {amount, currency, valueDate}  → 201 {"eventId": …}
 *   GET  /events/{eventId}                                               → 200 the row, or 404
 *   GET  /health                                                         → 200
 *
 * Run by the bench as a process of its own (like the apps): DATABASE_URL, PORT, CEILING_TABLE.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

const table = process.env.CEILING_TABLE ?? 'bench_ceiling_events';
if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`CEILING_TABLE must be a plain identifier, got "${table}"`);
// The event store's pool size (createEventStoreDataSource's default).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'ecab-bench-ceiling' });
/** The next version of each stream: this process is the only writer, so it counts them itself (no check). */
const versions = new Map<string, number>();
const insert = `insert into ${table} (stream_id, stream_version, event_id, type, schema_version, data, metadata) values ($1, $2, $3, 'FundsReceived', 1, $4, $5)`;
const select = `select position, stream_id, stream_version, type, data, metadata, recorded_at from ${table} where event_id = $1`;

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const command = /^\/agreements\/([^/]+)\/funds-received$/.exec(url);
  if (req.method === 'POST' && command) {
    const { amount, currency, valueDate } = (await bodyOf(req)) as { amount?: string; currency?: string; valueDate?: string };
    const streamId = `agreement-${decodeURIComponent(command[1]!)}`;
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const eventId = randomUUID();
    await pool.query(insert, [
      streamId,
      version,
      eventId,
      JSON.stringify({ transactionId: eventId, amount, currency, valueDate }),
      JSON.stringify({ subject: streamId }),
    ]);
    return answer(res, 201, { eventId });
  }
  const read = /^\/events\/([0-9a-f-]{36})$/.exec(url);
  if (req.method === 'GET' && read) {
    const { rows } = await pool.query(select, [read[1]]);
    return rows.length > 0 ? answer(res, 200, rows[0]) : answer(res, 404, { detail: 'no such event' });
  }
  if (req.method === 'GET' && url === '/health') return answer(res, 200, { status: 'ok' });
  return answer(res, 404, { detail: 'not found' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (!res.headersSent) answer(res, 500, { detail: error instanceof Error ? error.message : String(error) });
    else res.destroy();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
