import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { createPartner, issueKey } from './partners.js';
import { authorization, postJson, startApp, type AppProcess } from './platform-process.js';

/** Partner A may see health projects in Kyrgyzstan only. */
const PROJECTS = [
  { id: 'ECAB-HE-81', title: 'Osh hospital boilers', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-82', title: 'Almaty clinic boilers', cluster: 'health', countries: [{ code: 'KZ', percentage: 100 }] },
  { id: 'ECAB-TR-83', title: 'Naryn bridge', cluster: 'transport', countries: [{ code: 'KG', percentage: 100 }] },
  {
    id: 'ECAB-HE-84',
    title: 'Talas clinic roofs',
    cluster: 'health',
    countries: [
      { code: 'KG', percentage: 60 },
      { code: 'KZ', percentage: 40 },
    ],
  },
];
const ENTITLED = ['ECAB-HE-81', 'ECAB-HE-84'];

interface StreamMessage {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads a text/event-stream until `enough` says so (or the time is up), then stops reading. */
async function readStream(response: Response, enough: (messages: StreamMessage[]) => boolean, timeoutMs = 20_000): Promise<StreamMessage[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: StreamMessage[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!enough(messages) && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeUp = new Promise<{ done: true; value: undefined }>(
        (resolve) => (timer = setTimeout(() => resolve({ done: true, value: undefined }), deadline - Date.now())),
      );
      // The timer is cleared whichever wins, so none is left to hold jest open.
      const chunk = await Promise.race([reader.read(), timeUp]).finally(() => clearTimeout(timer));
      if (chunk.done) break;
      buffer += chunk.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: StreamMessage = {};
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'id' || field === 'event' || field === 'data') message[field] = rest.join(': ');
        }
        if (message.data !== undefined) messages.push(message);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return messages;
}

/**
 * Pull as Server-Sent Events: the partner's entitled integration events with their cursor as the event id,
 * resumed with Last-Event-ID, ended when the key is revoked. The gateway reads the PostgreSQL log here.
 */
describe('partner gateway: the event stream (Server-Sent Events)', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let gateway: AppProcess;
  let key = '';
  const stream = (headers: Record<string, string> = {}, query = '') =>
    fetch(`${gateway.url}/api/v1/events/stream${query}`, { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream', ...headers } });

  beforeAll(async () => {
    database = await createTestDatabase('e2e_event_stream');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    gateway = await startApp('partner-gateway', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined, EVENT_STREAM_HEARTBEAT_MS: '300' });
    const partner = await createPartner(gateway.url, {
      organisationId: 'KG-MOH',
      name: 'Ministry of Health (KG)',
      entitlements: { clusters: ['health'], countries: ['KG'], eventTypes: ['ecab.project.registered.v1'], audiences: ['government'] },
    });
    expect(partner.status).toBe(201);
    key = await issueKey(gateway.url, 'KG-MOH');
    for (const project of PROJECTS) expect((await postJson(`${api.url}/api/v1/projects`, project, authorization())).status).toBe(201);
  });

  afterAll(async () => {
    await gateway?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('streams exactly the entitled events, in order, each with its cursor as id and its type as event', async () => {
    const response = await stream();
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
    const messages = await readStream(response, (got) => got.length >= ENTITLED.length);
    expect(messages.map((m) => [m.event, (JSON.parse(m.data!) as { subject: string }).subject])).toEqual(
      ENTITLED.map((id) => ['ecab.project.registered.v1', id]),
    );
    expect(messages.map((m) => (JSON.parse(m.data!) as { sequence: string }).sequence)).toEqual(messages.map((m) => m.id));
    expect(Number(messages[1]!.id)).toBeGreaterThan(Number(messages[0]!.id));
  });

  it('goes on after Last-Event-ID, and follows events recorded while it is open', async () => {
    const first = await readStream(await stream(), (got) => got.length >= 1);
    const resumed = stream({ 'last-event-id': first[0]!.id! });
    const later = { id: 'ECAB-HE-85', title: 'Karakol clinic wiring', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] };
    const response = await resumed;
    const reading = readStream(response, (got) => got.length >= 2);
    expect((await postJson(`${api.url}/api/v1/projects`, later, authorization())).status).toBe(201);
    expect((await reading).map((m) => (JSON.parse(m.data!) as { subject: string }).subject)).toEqual(['ECAB-HE-84', 'ECAB-HE-85']);
  });

  it('refuses a Last-Event-ID that is no cursor, and a long-poll wait, with problem+json', async () => {
    const bad = await stream({ 'last-event-id': 'yesterday' }, '?wait=5');
    expect([bad.status, bad.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
    const body = (await bad.json()) as { errors: { pointer: string }[] };
    expect(body.errors.map((e) => e.pointer)).toEqual(['/wait']);
    const badCursor = await stream({ 'last-event-id': 'yesterday' });
    expect(((await badCursor.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/headers/last-event-id']);
  });

  it('ends a stream at its next heartbeat once its key is revoked', async () => {
    const response = await stream();
    const reading = readStream(response, (got) => got.some((m) => m.event === 'key-revoked'));
    const keyId = key.split('_')[1]!;
    expect((await postJson(`${gateway.url}/api/v1/admin/partners/KG-MOH/keys/${keyId}/revoke`, {})).status).toBe(200);
    const messages = await reading;
    expect(messages.at(-1)?.event).toBe('key-revoked');
    expect((await stream()).status).toBe(401);
  });
});
