import { createTestDatabase, waitFor, type TestDatabase } from '@ecab/testing';
import { asPartner, createPartner, issueKey, sendCommand, subscribe, type SentEvent } from './partners.js';
import { getJson, postJson, startApp, type AppProcess } from './platform-process.js';
import { WebhookReceiver, type ReceivedWebhook } from './webhook-receiver.js';

const SCHEDULE = ['0', '100ms', '200ms'];
const TYPES = ['ecab.project.registered.v1', 'ecab.project.status-changed.v1', 'ecab.project.date-recorded.v1'];
/** The partner (health and transport, KG) may see the first two; the third is in Kazakhstan. */
const PROJECTS = [
  { id: 'ECAB-HE-51', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-TR-52', cluster: 'transport', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-53', cluster: 'health', countries: [{ code: 'KZ', percentage: 100 }] },
];
const ENTITLED = new Set(['ECAB-HE-51', 'ECAB-TR-52']);

interface Job {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  staged: boolean;
  rate: number | null;
  error: string | null;
}

/**
 * "Replay from position N" and "recover failed since T" as background jobs with progress, on the real
 * database (the gateway reads the PostgreSQL log): a receiver on 127.0.0.1 checks every signature with the
 * `standardwebhooks` package; what it should get is computed from the commands the test sent.
 */
describe('partner gateway: replay and recover as background jobs', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let gateway: AppProcess;
  const receiver = new WebhookReceiver();
  const sent: SentEvent[] = [];
  let key = '';
  let otherKey = '';
  let subscription = '';
  const env = () => ({
    DATABASE_URL: database.url,
    KAFKA_BROKERS: undefined,
    SINK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_SCHEDULE: SCHEDULE.join(','),
    WEBHOOK_POLL_MS: '50',
  });
  const partnerGet = (path: string, partnerKey = key) => getJson(`${gateway.url}/api/v1${path}`, asPartner(partnerKey));
  const partnerPost = (path: string, body: unknown, partnerKey = key) => postJson(`${gateway.url}/api/v1${path}`, body, asPartner(partnerKey));
  const expected = () => sent.filter((e) => e.partnerFacing && ENTITLED.has(e.subject) && TYPES.includes(e.ceType));
  const job = async (location: string) => (await getJson(`${gateway.url}${location}`, asPartner(key))).body as unknown as Job;
  const finished = (location: string) =>
    waitFor(
      async () => {
        const current = await job(location);
        return current.status === 'done' || current.status === 'failed' ? current : undefined;
      },
      { description: `job ${location} finished`, timeoutMs: 60_000 },
    );

  const command = async (path: string, body: unknown) => void sent.push(...(await sendCommand(api.url, path, body)));

  /** Each project's messages among `webhooks`, in the order received. */
  const perProject = (webhooks: readonly ReceivedWebhook[]) =>
    Object.fromEntries([...ENTITLED].map((id) => [id, webhooks.filter((w) => w.body.subject === id).map((w) => String(w.body.sequence))]));

  beforeAll(async () => {
    database = await createTestDatabase('e2e_partner_jobs');
    await receiver.start();
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    gateway = await startApp('partner-gateway', env());
    for (const organisationId of ['KG-MOTC', 'KZ-MOH']) {
      const created = await createPartner(gateway.url, {
        organisationId,
        name: `Partner ${organisationId}`,
        entitlements: { clusters: ['health', 'transport'], countries: [organisationId.slice(0, 2)], eventTypes: TYPES, audiences: ['government'] },
      });
      expect(created.status).toBe(201);
    }
    key = await issueKey(gateway.url, 'KG-MOTC');
    otherKey = await issueKey(gateway.url, 'KZ-MOH');
    const created = await subscribe(gateway.url, key, receiver.url);
    expect(created.status).toBe(201);
    subscription = String(created.body.id);
    receiver.secret = String(created.body.secret);
    for (const project of PROJECTS) {
      await command('projects', { id: project.id, title: `Project ${project.id}`, cluster: project.cluster, countries: project.countries });
      await command(`projects/${project.id}/dates`, { dateType: '2', date: '2025-03-01', source: { citation: 'plan', confidence: 'confirmed' } });
      await command(`projects/${project.id}/status`, { status: '2', effectiveDate: '2025-03-01' });
    }
    await waitFor(async () => (receiver.accepted().length >= expected().length ? true : undefined), { description: 'first deliveries', timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await gateway?.stop();
    await api?.stop();
    await receiver.stop();
    await database?.drop();
  });

  it('delivered each entitled message once, each project in order, before any job', () => {
    const got = receiver.accepted();
    expect(got).toHaveLength(expected().length);
    expect(new Set(got.map((w) => w.id)).size).toBe(got.length);
    // Each project in order; projects interleave as they come.
    for (const project of ENTITLED)
      expect(got.filter((w) => w.body.subject === project).map((w) => w.body.type)).toEqual(
        expected()
          .filter((e) => e.subject === project)
          .map((e) => e.ceType),
      );
  });

  it('refuses bad input with problem+json naming each field, and another partner’s subscription', async () => {
    const bad = await partnerPost(`/subscriptions/${subscription}/replay`, { fromPosition: 'x', extra: 1 });
    expect([bad.status, bad.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/extra', '/fromPosition']);
    const neither = await partnerPost(`/subscriptions/${subscription}/replay`, {});
    expect((neither.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/fromPosition', '/fromTime']);
    const past = await partnerPost(`/subscriptions/${subscription}/replay`, { fromPosition: '999999' });
    expect((past.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(['/fromPosition']);
    const recover = await partnerPost(`/subscriptions/${subscription}/recover`, { since: 'yesterday', until: 3 });
    expect((recover.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/since', '/until']);
    expect((await partnerPost(`/subscriptions/${subscription}/replay`, { fromPosition: '0' }, otherKey)).status).toBe(404);
    expect((await partnerGet(`/subscriptions/${subscription}/jobs/no-such-job`)).status).toBe(404);
    expect((await partnerGet(`/subscriptions/${subscription}/jobs`)).body.items).toEqual([]);
  });

  it('replays exactly the messages after position N, signed, with their webhook-id, each project in order; done == total', async () => {
    const first = receiver.accepted();
    const n = String(first[2]!.body.sequence);
    const want = first.filter((w) => BigInt(String(w.body.sequence)) > BigInt(n));
    const from = receiver.received.length;

    const started = await partnerPost(`/subscriptions/${subscription}/replay`, { fromPosition: n });
    expect(started.status).toBe(202);
    const location = started.headers.get('location')!;
    expect(location).toBe(`/api/v1/subscriptions/${subscription}/jobs/${String(started.body.id)}`);
    expect(['queued', 'running']).toContain(started.body.status);
    const ended = await finished(location);
    expect(ended).toMatchObject({ status: 'done', total: want.length, done: want.length, failed: 0, staged: true });
    expect(ended.rate).toBeGreaterThan(0);

    const replayed = receiver.received.slice(from);
    expect(replayed.every((w) => w.verified && w.answered === 204)).toBe(true);
    expect(replayed.map((w) => w.id).sort()).toEqual(want.map((w) => w.id).sort());
    expect(perProject(replayed)).toEqual(perProject(want));
    const listed = (await partnerGet(`/subscriptions/${subscription}/jobs`)).body.items as Job[];
    expect(listed.map((j) => j.id)).toEqual([String(started.body.id)]);
  });

  it('one job at a time: a second while one is open is a 409; a failing receiver ends the job failed', async () => {
    receiver.status = 500;
    const first = await partnerPost(`/subscriptions/${subscription}/replay`, { fromPosition: '0' });
    const second = await partnerPost(`/subscriptions/${subscription}/recover`, { since: new Date(Date.now() - 60_000).toISOString() });
    expect(first.status).toBe(202);
    expect([second.status, second.headers.get('content-type')]).toEqual([409, 'application/problem+json']);
    const ended = await finished(first.headers.get('location')!);
    expect(ended).toMatchObject({ status: 'failed', total: expected().length, done: 0, failed: expected().length });
    expect(ended.error).toContain('recover');
  });

  it('recover failed since T, once the receiver works again: every message once, each project in order', async () => {
    const failed = (await partnerGet(`/subscriptions/${subscription}/failed`)).body.items as { messageId: string; failedAt: string }[];
    expect(failed).toHaveLength(ENTITLED.size); // each project's first message failed; the rest wait behind it
    receiver.status = 204;
    const from = receiver.received.length;
    const since = failed.map((f) => f.failedAt).sort()[0]!;
    const started = await partnerPost(`/subscriptions/${subscription}/recover`, { since });
    expect(started.status).toBe(202);
    const ended = await finished(started.headers.get('location')!);
    expect(ended).toMatchObject({ status: 'done', total: failed.length, done: failed.length, failed: 0 });
    await waitFor(async () => (receiver.received.slice(from).length >= expected().length ? true : undefined), {
      description: 'the held messages after the recovered ones',
      timeoutMs: 60_000,
    });
    const got = receiver.received.slice(from);
    expect(got.every((w) => w.verified && w.answered === 204)).toBe(true);
    expect(got.map((w) => [w.body.subject, w.body.type])).toEqual(expect.arrayContaining(expected().map((e) => [e.subject, e.ceType])));
    expect(new Set(got.map((w) => w.id)).size).toBe(expected().length);
    expect(perProject(got)).toEqual(perProject(receiver.accepted().slice(0, expected().length)));
  });

  it('a job open when the gateway stops goes on after it starts again', async () => {
    receiver.delayMs = 1_500;
    const started = await partnerPost(`/subscriptions/${subscription}/replay`, { fromPosition: '0' });
    expect(started.status).toBe(202);
    const location = started.headers.get('location')!;
    expect(['queued', 'running']).toContain((await job(location)).status);
    await gateway.stop();
    receiver.delayMs = 0;
    gateway = await startApp('partner-gateway', env());
    const ended = await finished(location);
    expect(ended).toMatchObject({ status: 'done', total: expected().length, done: expected().length });
  });
});
