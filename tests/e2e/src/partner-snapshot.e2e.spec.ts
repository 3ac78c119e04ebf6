import { createTestDatabase, waitFor, type TestDatabase } from '@ecab/testing';
import { asPartner, createPartner, issueKey, recordProjectHistory, sendCommand, type SentEvent } from './partners.js';
import { getJson, startApp, type AppProcess } from './platform-process.js';

const confirmed = { citation: 'loan agreement', confidence: 'confirmed' };
/** Partner A (health, KG) may see the first and the last; the others are of another country or cluster. */
const PROJECTS = [
  { id: 'ECAB-HE-61', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-62', cluster: 'health', countries: [{ code: 'KZ', percentage: 100 }] },
  { id: 'ECAB-TR-63', cluster: 'transport', countries: [{ code: 'KG', percentage: 100 }] },
  {
    id: 'ECAB-HE-64',
    cluster: 'health',
    countries: [
      { code: 'KG', percentage: 70 },
      { code: 'KZ', percentage: 30 },
    ],
  },
];
const ENTITLED = new Set(['ECAB-HE-61', 'ECAB-HE-64']);
const TYPES = ['ecab.project.registered.v1', 'ecab.project.status-changed.v1', 'ecab.project.date-recorded.v1'];

interface Sent extends SentEvent {
  illustrative: boolean;
}
interface PulledEvent {
  id: string;
  type: string;
  subject: string;
  sequence: string;
  cluster: string;
}
interface SnapshotItem {
  kind: string;
  subject: string;
  cluster: string;
  countries: string[];
  lastSequence: string;
  illustrative: boolean;
  registration: { title: string } | null;
  status: { code: string } | null;
  dates: { dateType: string; date: string; illustrative?: true }[];
}

/**
 * The snapshot a new partner bootstraps from, then pull from the snapshot's cursor: each entitled event
 * exactly once, computed from the commands the test sent; nothing of another cluster or country, nothing
 * internal. The gateway reads the PostgreSQL log here, portfolio-api beside it.
 */
describe('partner gateway: bootstrap from the snapshot, then follow pull', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let gateway: AppProcess;
  let key = '';
  let withholdKey = '';
  const sent: Sent[] = [];
  const partnerGet = (path: string, partnerKey = key) => getJson(`${gateway.url}/api/v1${path}`, asPartner(partnerKey));

  async function command(path: string, body: unknown, method?: 'PUT'): Promise<void> {
    const illustrative = (body as { source?: { confidence?: string } }).source?.confidence === 'illustrative';
    for (const event of await sendCommand(api.url, path, body, method)) sent.push({ ...event, illustrative });
  }
  /** What partner A may receive of what was sent: its projects, its types, in the order sent. */
  const entitled = (withhold = false) =>
    sent.filter((e) => e.partnerFacing && ENTITLED.has(e.subject) && TYPES.includes(e.ceType) && !(withhold && e.illustrative));

  async function snapshot(limit: number, partnerKey = key): Promise<{ cursor: string; items: SnapshotItem[]; pages: number }> {
    let page: string | null = null;
    let cursor = '';
    let pages = 0;
    const items: SnapshotItem[] = [];
    do {
      const response = await partnerGet(`/snapshot?limit=${limit}${page ? `&page=${page}` : ''}`, partnerKey);
      expect(response.status).toBe(200);
      const body = response.body as { cursor: string; items: SnapshotItem[]; nextPage: string | null };
      if (pages > 0) expect(body.cursor).toBe(cursor);
      cursor = body.cursor;
      items.push(...body.items);
      page = body.nextPage;
      pages += 1;
    } while (page !== null);
    return { cursor, items, pages };
  }

  async function pullAll(after: string): Promise<PulledEvent[]> {
    const events: PulledEvent[] = [];
    let cursor = after;
    for (;;) {
      const response = await partnerGet(`/events?after=${cursor}&limit=2`);
      const body = response.body as { items: PulledEvent[]; nextCursor: string };
      events.push(...body.items);
      if (body.nextCursor === cursor) return events;
      cursor = body.nextCursor;
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('e2e_partner_snapshot');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    gateway = await startApp('partner-gateway', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    const partner = (organisationId: string, setting: string) =>
      createPartner(
        gateway.url,
        {
          organisationId,
          name: `Ministry of Health (KG), ${setting}`,
          entitlements: { clusters: ['health'], countries: ['KG'], eventTypes: TYPES, audiences: ['government'] },
        },
        { illustrative: setting },
      );
    expect([(await partner('KG-MOH', 'mark')).status, (await partner('KG-MOH-W', 'withhold')).status]).toEqual([201, 201]);
    key = await issueKey(gateway.url, 'KG-MOH');
    withholdKey = await issueKey(gateway.url, 'KG-MOH-W');
    for (const project of PROJECTS) await recordProjectHistory(command, project);
    const last = entitled().length;
    await waitFor(async () => (((await partnerGet('/events?after=0&limit=500')).body.items as unknown[]).length >= last ? true : undefined), {
      description: 'the gateway logged what was sent',
      timeoutMs: 30_000,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('the snapshot holds exactly the entitled projects, page by page, folded from the events sent', async () => {
    const { items, pages } = await snapshot(1);
    expect(pages).toBeGreaterThanOrEqual(ENTITLED.size);
    expect(items.map((item) => item.subject)).toEqual([...ENTITLED].sort());
    for (const item of items) {
      const project = PROJECTS.find((p) => p.id === item.subject)!;
      expect(item).toMatchObject({ kind: 'project', cluster: 'health', registration: { title: `Project ${project.id}` }, status: { code: '2' } });
      expect(item.countries).toEqual(project.countries.map((c) => c.code).sort());
      expect(item.dates).toEqual([{ dateType: '2', date: '2025-03-01', illustrative: true }]);
      expect(item.illustrative).toBe(true);
    }
    const text = JSON.stringify(items);
    expect(text).not.toContain('test-admin');
    expect(text).not.toContain('Проект');
  });

  it('bootstrap, then pull after its cursor: each entitled event exactly once, none twice', async () => {
    const first = await snapshot(1);
    // Recorded after the snapshot was taken: pull must bring these, and only these.
    const before = sent.length;
    await command('projects/ECAB-HE-61/status', { status: '3', effectiveDate: '2025-06-30' });
    await command('projects/ECAB-HE-62/status', { status: '3', effectiveDate: '2025-06-30' });
    await command('projects/ECAB-HE-64/dates', { dateType: '3', date: '2027-12-31', source: confirmed });
    const later = entitled().filter((e) => sent.indexOf(e) >= before);
    await waitFor(async () => ((await pullAll(first.cursor)).length >= later.length ? true : undefined), {
      description: 'the later events',
      timeoutMs: 30_000,
    });
    const pulled = await pullAll(first.cursor);
    expect(pulled.map((e) => [e.subject, e.type])).toEqual(later.map((e) => [e.subject, e.ceType]));
    expect(pulled.every((e) => BigInt(e.sequence) > BigInt(first.cursor))).toBe(true);

    // What the snapshot folded plus what pull brought is every entitled event sent, each once.
    const folded = await pullAll('0');
    const inSnapshot = folded.filter((e) => BigInt(e.sequence) <= BigInt(first.cursor));
    expect(inSnapshot.length + pulled.length).toBe(entitled().length);
    expect(new Set([...inSnapshot, ...pulled].map((e) => e.id)).size).toBe(entitled().length);
    for (const item of first.items) {
      const last = inSnapshot.filter((e) => e.subject === item.subject).at(-1)!;
      expect(item.lastSequence).toBe(last.sequence);
    }
    // A new snapshot has moved on: the later status is in it.
    const second = await snapshot(10);
    expect(BigInt(second.cursor)).toBeGreaterThan(BigInt(first.cursor));
    expect(second.items.find((item) => item.subject === 'ECAB-HE-61')?.status).toMatchObject({ code: '3', effectiveDate: '2025-06-30' });
  });

  it('a partner set to withhold gets no illustrative fact', async () => {
    const { items } = await snapshot(10, withholdKey);
    expect(items.map((item) => item.subject)).toEqual([...ENTITLED].sort());
    expect(items.every((item) => !item.illustrative && !JSON.stringify(item).includes('"illustrative":true'))).toBe(true);
    expect(items.find((item) => item.subject === 'ECAB-HE-61')?.dates).toEqual([]);
    expect(items.find((item) => item.subject === 'ECAB-HE-64')?.dates).toEqual([{ dateType: '3', date: '2027-12-31' }]);
    expect(
      entitled(true)
        .filter((e) => e.ceType === 'ecab.project.date-recorded.v1')
        .map((e) => e.subject),
    ).toEqual(['ECAB-HE-64']);
  });

  it('refuses a bad page or limit with problem+json naming each, and a missing key', async () => {
    const bad = await partnerGet('/snapshot?limit=0&page=not-a-page&extra=1');
    expect([bad.status, bad.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/extra', '/limit']);
    const badPage = await partnerGet('/snapshot?page=not-a-page');
    expect((badPage.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(['/page']);
    expect((await getJson(`${gateway.url}/api/v1/snapshot`, {})).status).toBe(401);
  });
});
