import { metricSample, testKafkaBrokers, waitFor } from '@ecab/testing';
import { asPartner, PARTNER_TYPES, recordProjectHistory, sendCommand, type SentEvent } from './partners.js';
import { authorization, getJson, postJson, startApp, startKafkaPlatform, type AppProcess, type KafkaPlatform } from './platform-process.js';
import { WebhookReceiver } from './webhook-receiver.js';

const SCHEDULE = ['0', '150ms', '300ms'];
const ALL_CLUSTERS = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate', 'programme'];

/** The projects the test records: partner A (health, KG) may see the first only. */
const PROJECTS = [
  { id: 'ECAB-HE-91', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-92', cluster: 'health', countries: [{ code: 'KZ', percentage: 100 }] },
  {
    id: 'ECAB-TR-93',
    cluster: 'transport',
    countries: [
      { code: 'KG', percentage: 60 },
      { code: 'KZ', percentage: 40 },
    ],
  },
];

/**
 * The partner gateway on the real broker and database: commands through portfolio-api, events through
 * Kafka into the gateway, out to partners by webhook (receivers on 127.0.0.1, signatures checked with the
 * `standardwebhooks` package) and by pull. Every expectation is computed from the commands the test sent.
 */
describe('partner gateway: entitled, signed, ordered integration events by webhook and pull', () => {
  let platform: KafkaPlatform;
  let gateway: AppProcess;
  const receiverA = new WebhookReceiver();
  const receiverB = new WebhookReceiver();
  const sent: SentEvent[] = [];
  let keyA = '';
  let keyB = '';
  let subscriptionB = '';
  const since = new Date().toISOString();

  const admin = (path: string, body?: unknown) =>
    body === undefined ? getJson(`${gateway.url}/api/v1/admin/partners${path}`) : postJson(`${gateway.url}/api/v1/admin/partners${path}`, body);
  const partnerPost = (key: string, path: string, body: unknown) => postJson(`${gateway.url}/api/v1${path}`, body, asPartner(key));
  const partnerGet = (key: string, path: string) => getJson(`${gateway.url}/api/v1${path}`, asPartner(key));

  const command = async (path: string, body: unknown, method?: 'PUT') => void sent.push(...(await sendCommand(platform.api.url, path, body, method)));

  beforeAll(async () => {
    platform = await startKafkaPlatform('partner-gw');
    await Promise.all([receiverA.start(), receiverB.start()]);
    gateway = await startApp('partner-gateway', {
      DATABASE_URL: platform.database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: platform.prefix,
      KAFKA_PARTITIONS: '3',
      GATEWAY_CONSUMER_GROUP: `${platform.prefix}gateway`,
      SINK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_RETRY_SCHEDULE: SCHEDULE.join(','),
      WEBHOOK_POLL_MS: '50',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([receiverA.stop(), receiverB.stop()]);
    await platform?.stop();
  });

  it('admins manage partners; bad input names each field and changes nothing', async () => {
    const bad = await admin('', {
      organisationId: 'x',
      name: '',
      entitlements: { clusters: ['roads'], countries: ['kg'], eventTypes: ['ecab.performance.issue-raised.v1'], audiences: [] },
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(((bad.body.errors as { pointer: string }[]) ?? []).map((e) => e.pointer).sort()).toEqual(
      ['/entitlements/clusters/0', '/entitlements/countries/0', '/entitlements/eventTypes/0', '/extra', '/name', '/organisationId'].sort(),
    );
    expect((await admin('')).body.items).toEqual([]);

    // What partners A and B are granted: every partner-facing type.
    const types = PARTNER_TYPES;
    const a = await admin('', {
      organisationId: 'KG-MOH',
      name: 'Ministry of Health (KG)',
      entitlements: { clusters: ['health'], countries: ['KG'], eventTypes: types, audiences: ['government'] },
    });
    const b = await admin('', {
      organisationId: 'XM-DAC-46004',
      name: 'Asian Development Bank',
      entitlements: { clusters: ALL_CLUSTERS, countries: ['KG', 'KZ'], eventTypes: types, audiences: ['funder'] },
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    keyA = String((await admin('/KG-MOH/keys', { label: 'primary' })).body.key);
    keyB = String((await admin('/XM-DAC-46004/keys', {})).body.key);
    expect(keyA).toMatch(/^ecabpk_/);
    const listed = await admin('/KG-MOH/keys');
    // The whole secret (43 base64url characters, which may themselves hold '_'), never a fragment of it: a
    // fragment as short as "tU" is found in "lastUsedAt".
    const secret = /^ecabpk_[0-9a-f]{16}_([A-Za-z0-9_-]{43})$/.exec(keyA)?.[1];
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it('a partner key opens the gateway only: not admin routes, not the rest of the platform', async () => {
    expect((await partnerGet(keyA, '/subscriptions')).status).toBe(200);
    expect((await getJson(`${gateway.url}/api/v1/admin/partners`, asPartner(keyA))).status).toBe(401);
    expect((await getJson(`${platform.views.url}/api/v1/projects`, asPartner(keyA))).status).toBe(401);
    expect((await getJson(`${platform.api.url}/api/v1/admin/users`, asPartner(keyA))).status).toBe(401);
    expect((await getJson(`${gateway.url}/api/v1/events`, authorization())).status).toBe(401);
  });

  it('subscriptions stay within entitlements and refuse unsafe sinks', async () => {
    const refused = await partnerPost(keyA, '/subscriptions', { sink: 'http://10.0.0.8/hook', protocol: 'HTTP', types: ['ecab.performance.rated.v1'] });
    expect(refused.status).toBe(400);
    expect((refused.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/sink', '/types/0']);
    expect((await partnerGet(keyA, '/subscriptions')).body.items).toEqual([]);

    const a = await partnerPost(keyA, '/subscriptions', {
      sink: receiverA.url,
      protocol: 'HTTP',
      filters: [{ not: { exact: { type: 'ecab.project.registered.v1' } } }],
    });
    const b = await partnerPost(keyB, '/subscriptions', { sink: receiverB.url, protocol: 'HTTP', types: [] });
    expect([a.status, b.status]).toEqual([201, 201]);
    receiverA.secret = String(a.body.secret);
    receiverB.secret = String(b.body.secret);
    subscriptionB = String(b.body.id);
    receiverB.status = 500;
  });

  it('records projects through the API', async () => {
    for (const project of PROJECTS) await recordProjectHistory(command, project);
    expect(sent.some((event) => !event.partnerFacing)).toBe(true);
  });

  it('partner A receives by webhook exactly its entitled, filtered events, signed, in order', async () => {
    const expected = sent.filter((e) => e.partnerFacing && e.subject === 'ECAB-HE-91' && e.ceType !== 'ecab.project.registered.v1');
    await waitFor(async () => (receiverA.accepted().length >= expected.length ? true : undefined), { description: 'partner A’s webhooks', timeoutMs: 60_000 });
    const got = receiverA.accepted();
    expect(got.map((w) => [w.body.subject, w.body.type])).toEqual(expected.map((e) => [e.subject, e.ceType]));
    expect(got.every((w) => w.verified)).toBe(true);
    expect(got.every((w) => w.id === w.body.id && !JSON.stringify(w.body).includes('test-admin'))).toBe(true);
    expect(got.find((w) => w.body.type === 'ecab.project.date-recorded.v1')?.body.illustrative).toBe('true');
  });

  it('partner A pulls the same entitlements, with filters and a long poll', async () => {
    const expected = sent.filter((e) => e.partnerFacing && e.subject === 'ECAB-HE-91');
    const pulled = await partnerGet(keyA, `/events?after=0&limit=500`);
    expect(pulled.status).toBe(200);
    expect((pulled.body.items as { subject: string; type: string }[]).map((e) => [e.subject, e.type])).toEqual(expected.map((e) => [e.subject, e.ceType]));
    const filtered = await partnerGet(keyA, `/events?after=0&type=ecab.project.status-changed.v1`);
    expect((filtered.body.items as unknown[]).length).toBe(expected.filter((e) => e.ceType === 'ecab.project.status-changed.v1').length);
    expect((await partnerGet(keyA, `/events?after=0&cluster=transport`)).body.items).toEqual([]);

    const waiting = partnerGet(keyA, `/events?after=${String(pulled.body.nextCursor)}&wait=20`);
    await command('projects/ECAB-HE-91/dates', { dateType: '3', date: '2027-12-31', source: { citation: 'loan agreement', confidence: 'confirmed' } });
    const woke = await waiting;
    expect((woke.body.items as { subject: string; type: string; illustrative?: string }[]).map((e) => [e.subject, e.type, e.illustrative])).toEqual([
      ['ECAB-HE-91', 'ecab.project.date-recorded.v1', undefined],
    ]);
  });

  it('a receiver failing for the whole schedule, then "recover failed since T": every message once, each project in order', async () => {
    const expected = sent.filter((e) => e.partnerFacing);
    await waitFor(
      async () => (((await partnerGet(keyB, `/subscriptions/${subscriptionB}/failed`)).body.items as unknown[]).length === PROJECTS.length ? true : undefined),
      { description: 'every project’s head failed', timeoutMs: 60_000 },
    );
    expect(receiverB.received).toHaveLength(PROJECTS.length * SCHEDULE.length);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metricSample(metrics, 'ecab_gateway_webhook_failures_total', { endpoint: subscriptionB })).toBe(PROJECTS.length * SCHEDULE.length);
    expect(metricSample(metrics, 'ecab_gateway_webhook_messages_failed_total', { endpoint: subscriptionB })).toBe(PROJECTS.length);

    receiverB.status = 200;
    const recovered = await partnerPost(keyB, `/subscriptions/${subscriptionB}/recover`, { since });
    expect(recovered.status).toBe(202);
    const job = await waitFor(
      async () => {
        const current = await getJson(`${gateway.url}${recovered.headers.get('location')}`, asPartner(keyB));
        return current.body.status === 'done' || current.body.status === 'failed' ? current.body : undefined;
      },
      { description: 'the recover job finished', timeoutMs: 60_000 },
    );
    expect(job).toMatchObject({ status: 'done', total: PROJECTS.length, done: PROJECTS.length });
    await waitFor(async () => (receiverB.accepted().length >= expected.length ? true : undefined), {
      description: 'partner B’s recovered webhooks',
      timeoutMs: 60_000,
    });
    const got = receiverB.accepted();
    expect(new Set(got.map((w) => w.id)).size).toBe(got.length);
    expect(got.length).toBe(expected.length);
    for (const project of PROJECTS) {
      expect(got.filter((w) => w.body.subject === project.id).map((w) => w.body.type)).toEqual(
        expected.filter((e) => e.subject === project.id).map((e) => e.ceType),
      );
    }
    expect(got.every((w) => w.verified)).toBe(true);
    // The receiver counts a request when it arrives; the gateway records the attempt once the answer is back.
    const attemptCount = async () => ((await partnerGet(keyB, `/subscriptions/${subscriptionB}/attempts?limit=500`)).body.items as unknown[]).length;
    const allAttempts = PROJECTS.length * SCHEDULE.length + expected.length;
    await waitFor(async () => ((await attemptCount()) >= allAttempts ? true : undefined), { description: 'every attempt recorded', timeoutMs: 30_000 });
    expect(await attemptCount()).toBe(allAttempts);
    const after = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metricSample(after, 'ecab_gateway_webhook_attempts_total', { endpoint: subscriptionB, outcome: 'accepted' })).toBe(expected.length);
    expect(metricSample(after, 'ecab_gateway_webhook_attempts_total', { endpoint: subscriptionB, outcome: 'failed' })).toBe(PROJECTS.length * SCHEDULE.length);
    expect(metricSample(after, 'ecab_gateway_webhook_attempt_duration_seconds_count', { endpoint: subscriptionB })).toBe(
      PROJECTS.length * SCHEDULE.length + expected.length,
    );
  });

  it('partner A never got an event of another cluster or country, nor an internal one', () => {
    const internal = new Set(sent.filter((e) => !e.partnerFacing).map((e) => e.ceType));
    expect(internal.size).toBeGreaterThan(0);
    expect(receiverA.received.length).toBeGreaterThan(0);
    for (const webhook of receiverA.received) {
      expect(webhook.body).toMatchObject({ cluster: 'health', subject: 'ECAB-HE-91' });
      expect(internal.has(String(webhook.body.type))).toBe(false);
    }
  });

  it('a revoked key is refused at once', async () => {
    const second = await admin('/KG-MOH/keys', { label: 'rotation' });
    const key = String(second.body.key);
    expect((await partnerGet(key, '/events?after=0&limit=1')).status).toBe(200);
    const keys = await admin('/KG-MOH/keys');
    expect((keys.body.items as { keyId: string; lastUsedAt: string | null }[]).find((k) => k.keyId === second.body.keyId)?.lastUsedAt).not.toBeNull();
    expect((await admin(`/KG-MOH/keys/${String(second.body.keyId)}/revoke`, {})).status).toBe(200);
    const refused = await partnerGet(key, '/events?after=0&limit=1');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await partnerGet(keyA, '/events?after=0&limit=1')).status).toBe(200);
  });
});
