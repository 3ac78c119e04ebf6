import { scrapeMetric, testKafkaBrokers, waitFor } from '@ecab/testing';
import { asPartner, createPartner, issueKey, PARTNER_TYPES, sendCommand, subscribe, type SentEvent } from './partners.js';
import { getJson, startApp, startKafkaPlatform, type AppProcess, type KafkaPlatform } from './platform-process.js';
import { WebhookReceiver, type ReceivedWebhook } from './webhook-receiver.js';

/** The partner (health, KG) may see the first three; the fourth is in Kazakhstan. */
const PROJECTS = [
  { id: 'ECAB-HE-71', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-72', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-73', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-74', countries: [{ code: 'KZ', percentage: 100 }] },
];
const ENTITLED = new Set(['ECAB-HE-71', 'ECAB-HE-72', 'ECAB-HE-73']);

/**
 * Two partner-gateway instances on one database and one consumer group, as a deployment runs them: both serve
 * the API and feed the integration log from their share of the partitions; only the elected one sends webhooks.
 * The leader is killed with SIGKILL under traffic; the other takes over. What the receiver should get is computed
 * from the commands the test sent; its signatures are checked with the `standardwebhooks` package.
 */
describe('partner gateway: one instance sends the webhooks, another takes over when it dies', () => {
  let platform: KafkaPlatform;
  const gateways: AppProcess[] = [];
  const receiver = new WebhookReceiver();
  const sent: SentEvent[] = [];
  let key = '';

  const env = () => ({
    DATABASE_URL: platform.database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: platform.prefix,
    KAFKA_PARTITIONS: '3',
    GATEWAY_CONSUMER_GROUP: `${platform.prefix}gateway`,
    GATEWAY_LEADER_INTERVAL_MS: '200',
    SINK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_SCHEDULE: '0,100ms,200ms,400ms',
    WEBHOOK_POLL_MS: '50',
  });
  const leaderGauge = (gateway: AppProcess) => scrapeMetric(gateway.url, 'ecab_gateway_leader');
  const expected = () => sent.filter((e) => e.partnerFacing && ENTITLED.has(e.subject));
  /** Each message once (a receiver drops repeats by webhook-id), in the order first received. */
  const firstReceipts = (): ReceivedWebhook[] => {
    const seen = new Set<string>();
    return receiver.accepted().filter((w) => !seen.has(w.id) && seen.add(w.id));
  };
  const perProject = (messages: readonly { subject: string; type: string }[]) =>
    Object.fromEntries([...ENTITLED].map((id) => [id, messages.filter((m) => m.subject === id).map((m) => m.type)]));
  const allDelivered = (description: string) =>
    waitFor(async () => (firstReceipts().length >= expected().length ? true : undefined), { description, timeoutMs: 90_000 });

  const command = async (path: string, body: unknown) => void sent.push(...(await sendCommand(platform.api.url, path, body)));

  beforeAll(async () => {
    platform = await startKafkaPlatform('partner-failover');
    await receiver.start();
    gateways.push(await startApp('partner-gateway', env(), 'partner-gateway-1'));
    gateways.push(await startApp('partner-gateway', env(), 'partner-gateway-2'));
  });

  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop().catch(() => undefined);
    await receiver.stop();
    await platform?.stop();
  });

  it('elects exactly one instance; both serve the API', async () => {
    await waitFor(async () => ((await Promise.all(gateways.map(leaderGauge))).join() === '1,0' ? true : undefined), {
      description: 'the first instance leads, the second stands by',
      timeoutMs: 30_000,
    });
    const created = await createPartner(gateways[0]!.url, {
      organisationId: 'KG-MOH',
      name: 'Ministry of Health (KG)',
      entitlements: { clusters: ['health'], countries: ['KG'], eventTypes: PARTNER_TYPES, audiences: ['government'] },
    });
    expect(created.status).toBe(201);
    // The key made on the leader works on the standby: both read the same database.
    key = await issueKey(gateways[0]!.url, 'KG-MOH');
    const subscription = await subscribe(gateways[1]!.url, key, receiver.url);
    expect(subscription.status).toBe(201);
    receiver.secret = String(subscription.body.secret);
    const listed = await getJson(`${gateways[0]!.url}/api/v1/subscriptions`, asPartner(key));
    expect((listed.body.items as { id: string }[]).map((s) => s.id)).toEqual([subscription.body.id]);
  });

  it('delivers every entitled message once, each project in order, from the leader only', async () => {
    for (const project of PROJECTS) {
      await command('projects', { id: project.id, title: `Project ${project.id}`, cluster: 'health', countries: project.countries });
      await command(`projects/${project.id}/dates`, { dateType: '2', date: '2025-03-01', source: { citation: 'plan', confidence: 'confirmed' } });
    }
    await allDelivered('the first deliveries');
    const got = receiver.accepted();
    expect(got.every((w) => w.verified)).toBe(true);
    expect(got.map((w) => w.id).sort()).toEqual([...new Set(got.map((w) => w.id))].sort());
    expect(perProject(got.map((w) => ({ subject: String(w.body.subject), type: String(w.body.type) })))).toEqual(
      perProject(expected().map((e) => ({ subject: e.subject, type: e.ceType }))),
    );
  });

  it('after SIGKILL of the leader the standby takes over: nothing lost, each project still in order', async () => {
    const [leader, standby] = gateways as [AppProcess, AppProcess];
    const before = expected().length;
    // Traffic while the leader dies: half the commands before the kill, half after.
    for (const project of PROJECTS) await command(`projects/${project.id}/status`, { status: '2', effectiveDate: '2025-03-01' });
    await leader.kill('SIGKILL');
    for (const project of PROJECTS)
      await command(`projects/${project.id}/dates`, { dateType: '3', date: '2029-12-31', source: { citation: 'plan', confidence: 'confirmed' } });
    expect(expected().length).toBeGreaterThan(before);

    await waitFor(async () => ((await leaderGauge(standby)) === 1 ? true : undefined), { description: 'the standby leads', timeoutMs: 30_000 });
    await allDelivered('every message, after the failover');
    const first = firstReceipts();
    expect(first).toHaveLength(expected().length);
    expect(receiver.accepted().every((w) => w.verified)).toBe(true);
    expect(perProject(first.map((w) => ({ subject: String(w.body.subject), type: String(w.body.type) })))).toEqual(
      perProject(expected().map((e) => ({ subject: e.subject, type: e.ceType }))),
    );
    // A repeat (an attempt under way when the leader died) carries the same webhook-id and body.
    const byId = new Map(first.map((w) => [w.id, JSON.stringify(w.body)]));
    for (const w of receiver.accepted()) expect(JSON.stringify(w.body)).toBe(byId.get(w.id));
  });

  it('an instance started again stands by while the survivor leads', async () => {
    gateways.push(await startApp('partner-gateway', env(), 'partner-gateway-3'));
    const [, survivor, restarted] = gateways as [AppProcess, AppProcess, AppProcess];
    expect(await leaderGauge(restarted)).toBe(0);
    expect(await leaderGauge(survivor)).toBe(1);
    const pulled = await getJson(`${restarted.url}/api/v1/events?limit=100`, asPartner(key));
    expect(pulled.status).toBe(200);
    expect((pulled.body.items as unknown[]).length).toBe(expected().length);
  });
});
