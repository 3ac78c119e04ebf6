import { createTestDatabase, scrapeMetric, waitFor, type TestDatabase } from '@ecab/testing';
import { createPartner, issueKey } from './partners.js';
import { authorization, getJson, postJson, startApp, type AppProcess } from './platform-process.js';
import { WebhookReceiver } from './webhook-receiver.js';

/** Ten attempts 400 ms apart (3.6 s in all): the endpoint is disabled, after 2 s of failures, before its schedule runs out. */
const SCHEDULE = ['0', ...Array.from({ length: 9 }, () => '400ms')];
const DISABLE_AFTER_MS = 2_000;
const PROJECT = { id: 'ECAB-HE-71', title: 'Bishkek clinic air filters', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] };

interface SubscriptionBody {
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  failingSince: string | null;
}

/**
 * An endpoint that keeps failing is disabled, with an operational event the partner reads, as Svix does
 * after 5 days (here WEBHOOK_DISABLE_AFTER_MS = 2 s); one that answers 410 Gone is disabled at once. Enabled
 * again, it receives what was still pending. The gateway reads the PostgreSQL log here (the embedded
 * default), portfolio-api beside it.
 */
describe('partner gateway: endpoints that fail too long, or answer 410, are disabled with an event', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let gateway: AppProcess;
  const failing = new WebhookReceiver();
  const gone = new WebhookReceiver();
  let key = '';
  let failingId = '';
  let goneId = '';

  const asPartner = { authorization: '' };
  const partnerGet = (path: string) => getJson(`${gateway.url}/api/v1${path}`, asPartner);
  const partnerPost = (path: string, body: unknown) => postJson(`${gateway.url}/api/v1${path}`, body, asPartner);
  const subscription = async (id: string) => (await partnerGet(`/subscriptions/${id}`)).body as unknown as SubscriptionBody;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_webhook_disabling');
    await Promise.all([failing.start(), gone.start()]);
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    gateway = await startApp('partner-gateway', {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: undefined,
      SINK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_RETRY_SCHEDULE: SCHEDULE.join(','),
      WEBHOOK_DISABLE_AFTER_MS: String(DISABLE_AFTER_MS),
    });
    const partner = await createPartner(gateway.url, {
      organisationId: 'KG-MOH',
      name: 'Ministry of Health (KG)',
      entitlements: { clusters: ['health'], countries: ['KG'], eventTypes: ['ecab.project.registered.v1'], audiences: ['government'] },
    });
    expect(partner.status).toBe(201);
    key = await issueKey(gateway.url, 'KG-MOH');
    asPartner.authorization = `Bearer ${key}`;
    failing.status = 500;
    gone.status = 410;
    const a = await partnerPost('/subscriptions', { sink: failing.url, protocol: 'HTTP' });
    const b = await partnerPost('/subscriptions', { sink: gone.url, protocol: 'HTTP' });
    expect([a.status, b.status]).toEqual([201, 201]);
    [failingId, goneId] = [String(a.body.id), String(b.body.id)];
    failing.secret = String(a.body.secret);
    gone.secret = String(b.body.secret);
    const registered = await postJson(`${api.url}/api/v1/projects`, PROJECT, authorization());
    expect(registered.status).toBe(201);
  });

  afterAll(async () => {
    await gateway?.stop();
    await api?.stop();
    await Promise.all([failing.stop(), gone.stop()]);
    await database?.drop();
  });

  it('disables an endpoint that answered 410 Gone after its first attempt, and says so in its events', async () => {
    await waitFor(async () => ((await subscription(goneId)).enabled ? undefined : true), { description: 'the 410 endpoint disabled', timeoutMs: 30_000 });
    expect(gone.received.map((w) => w.answered)).toEqual([410]);
    expect(await subscription(goneId)).toMatchObject({ enabled: false, disabledReason: 'the sink answered 410 Gone' });
    const events = (await partnerGet(`/subscriptions/${goneId}/events`)).body.items as { type: string; detail: string }[];
    expect(events.map((e) => [e.type, e.detail])).toEqual([['subscription.disabled', 'the sink answered 410 Gone']]);
  });

  it('disables an endpoint whose every attempt failed for WEBHOOK_DISABLE_AFTER_MS, before its schedule ran out', async () => {
    await waitFor(async () => ((await subscription(failingId)).enabled ? undefined : true), {
      description: 'the failing endpoint disabled',
      timeoutMs: 30_000,
    });
    const disabled = await subscription(failingId);
    expect(disabled.failingSince).not.toBeNull();
    expect(disabled.disabledReason).toBe(`every attempt has failed since ${disabled.failingSince} (the limit is 2 seconds)`);
    expect(Date.parse(disabled.disabledAt!) - Date.parse(disabled.failingSince!)).toBeGreaterThanOrEqual(DISABLE_AFTER_MS);
    // Disabled with attempts of its schedule left: nothing more is sent while it is disabled.
    const attemptsAtDisabling = failing.received.length;
    expect(attemptsAtDisabling).toBeGreaterThan(1);
    expect(attemptsAtDisabling).toBeLessThan(SCHEDULE.length);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(failing.received.length).toBe(attemptsAtDisabling);
    expect(((await partnerGet(`/subscriptions/${failingId}/failed`)).body.items as unknown[]).length).toBe(0); // still pending, not given up
    expect(await scrapeMetric(gateway.url, 'ecab_gateway_webhook_endpoints_disabled_total', { endpoint: failingId })).toBe(1);
  });

  it('enabled again, it receives the pending message at once, its failure clock restarted, the event recorded', async () => {
    failing.status = 204;
    const enabled = await partnerPost(`/subscriptions/${failingId}/enable`, {});
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
    await waitFor(async () => (failing.accepted().length === 1 ? true : undefined), { description: 'the pending message delivered', timeoutMs: 30_000 });
    expect(failing.accepted().map((w) => [w.body.subject, w.body.type, w.verified])).toEqual([[PROJECT.id, 'ecab.project.registered.v1', true]]);
    const events = (await partnerGet(`/subscriptions/${failingId}/events`)).body.items as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['subscription.disabled', 'subscription.enabled']);
    expect((await subscription(failingId)).failingSince).toBeNull();
  });

  it("answers an unknown subscription's events with problem+json 404", async () => {
    const response = await fetch(`${gateway.url}/api/v1/subscriptions/no-such/events`, { headers: asPartner });
    expect([response.status, response.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
  });
});
