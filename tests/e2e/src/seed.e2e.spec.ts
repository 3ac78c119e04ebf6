import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, repoRoot, validateAgainstSchema, waitFor, xpath, type TestDatabase } from '@ecab/testing';
import pg from 'pg';
import { authorization, getJson, startApp, type AppProcess } from './platform-process.js';

interface SeedModule {
  ECAB_SEED_PROJECTS: { id: string; cluster: string }[];
  ECAB_SEED_PUBLISHED: string[];
  seed(options: { apiUrl: string; log?: (line: string) => void; headers?: Record<string, string> }): Promise<{ registered: number; present: number }>;
}

/**
 * The projects the seed publishes: the only one whose sourced facts pass the IATI ruleset (its actual start is sourced;
 * every other seeded start date is illustrative or absent, and the file leaves illustrative values out), in id order.
 */
const PUBLISHED = ['ECAB-TR-03'];

/** Every event the store holds, in log order, as the seed's second run must leave it. */
async function storedEvents(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>("select stream_id || '@' || stream_version as id from events order by position")).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** What `npm start` and `npm run seed` load: the ECAB demo portfolio, through the real commands. */
describe('the ECAB demo portfolio seed', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;
  let reporting: AppProcess;
  let seedModule: SeedModule;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_seed');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    reporting = await startApp('reporting', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    seedModule = (await import(pathToFileURL(join(process.cwd(), '..', '..', 'infra', 'platform', 'seed.js')).href)) as SeedModule;
  });

  afterAll(async () => {
    await reporting?.stop();
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('registers the 17 seed projects once, and a second run changes nothing', async () => {
    const lines: string[] = [];
    expect(await seedModule.seed({ apiUrl: api.url, log: (line) => lines.push(line), headers: authorization() })).toEqual({ registered: 17, present: 0 });
    const afterFirstRun = await storedEvents(database.url);
    // The second run replays every step, the sectors, participants and publications included: no new event.
    expect(await seedModule.seed({ apiUrl: api.url, log: (line) => lines.push(line), headers: authorization() })).toEqual({ registered: 0, present: 17 });
    expect(lines[1]).toContain('0 projects registered, 17 already there');
    expect(await storedEvents(database.url)).toEqual(afterFirstRun);
    expect(afterFirstRun.length).toBeGreaterThan(100);

    const last = seedModule.ECAB_SEED_PROJECTS[seedModule.ECAB_SEED_PROJECTS.length - 1]!;
    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${last.id}:1`);
    const projects = Object.fromEntries((summary.body.clusters as { cluster: string; projects: number }[]).map((c) => [c.cluster, c.projects]));
    expect(projects).toEqual({ transport: 5, tourism: 3, 'air-quality': 2, health: 2, agribusiness: 4, climate: 1 });
    const road = await getJson(`${views.url}/api/v1/projects/ECAB-TR-01`);
    expect(road.body).toMatchObject({
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 59.4 },
        { code: 'KG', percentage: 40.6 },
      ],
    });
  });

  it('exports the seeded portfolio as an IATI 2.03 file that xmllint validates, withholding no activity', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let last: string;
    let links: { projectId: string; url: string; category: string; confidence: string }[];
    let published: { projectId: string; iatiIdentifier: string }[];
    let classified: string[];
    try {
      last = (await client.query<{ position: string }>('select max(position)::text as position from events')).rows[0]!.position;
      links = (
        await client.query<{ projectId: string; url: string; category: string; confidence: string }>(
          `select data->>'projectId' as "projectId", data->>'url' as url, data->'category'->>'code' as category, data->'source'->>'confidence' as confidence
             from events where type = 'DocumentLinkAdded' order by position`,
        )
      ).rows;
      published = (
        await client.query<{ projectId: string; iatiIdentifier: string }>(
          `select data->>'projectId' as "projectId", data->>'iatiIdentifier' as "iatiIdentifier" from events where type = 'ProjectPublished' order by 1`,
        )
      ).rows;
      classified = (
        await client.query<{ projectId: string }>(`select distinct data->>'projectId' as "projectId" from events where type = 'ProjectSectorsSet'`)
      ).rows.map((r) => r.projectId);
    } finally {
      await client.end();
    }
    // Every project has DAC sectors; only the publishable ones are published, under the reporting organisation's ref.
    const ref = process.env.IATI_REPORTING_ORG_REF || 'XI-ECAB-EXAMPLE';
    expect(classified.sort()).toEqual(seedModule.ECAB_SEED_PROJECTS.map((p) => p.id).sort());
    expect([...seedModule.ECAB_SEED_PUBLISHED].sort()).toEqual(PUBLISHED);
    expect(published).toEqual(PUBLISHED.map((projectId) => ({ projectId, iatiIdentifier: `${ref}-${projectId}` })));
    // The ADB projects link their adb.org pages, cited as their own public source.
    expect(links).toEqual([
      { projectId: 'ECAB-TR-02', url: 'https://www.adb.org/projects/54439-001/main', category: 'A12', confidence: 'confirmed' },
      { projectId: 'ECAB-TO-02', url: 'https://www.adb.org/projects/55250-001/main', category: 'A12', confidence: 'confirmed' },
      { projectId: 'ECAB-HE-01', url: 'https://www.adb.org/projects/55131-001/main', category: 'A12', confidence: 'confirmed' },
    ]);
    const file = await waitFor(
      async () => {
        const response = await fetch(`${reporting.url}/api/v1/iati/activities.xml`, { headers: authorization() });
        if (response.status !== 200 || BigInt(response.headers.get('ecab-position') ?? '0') < BigInt(last)) return undefined;
        return { xml: await response.text(), withheld: response.headers.get('ecab-iati-withheld') };
      },
      { description: `activities.xml as of event ${last}`, timeoutMs: 60_000, intervalMs: 250 },
    );
    const xsd = join(repoRoot, 'apps', 'reporting', 'iati', 'iati-activities-schema.xsd');
    expect(validateAgainstSchema(file.xml, xsd)).toEqual({ valid: true, output: 'document.xml validates' });
    expect(file.withheld).toBe('');
    // The programme and each published project.
    const count = Number(xpath(file.xml, 'count(//iati-activity)'));
    expect(count).toBe(1 + PUBLISHED.length);
    expect(xpath(file.xml, 'string(//iati-activity[1]/reporting-org/@ref)')).toBe(ref);
    const identifiers = Array.from({ length: count }, (_, i) => xpath(file.xml, `string(//iati-activity[${i + 1}]/iati-identifier)`));
    expect(identifiers).toEqual([`${ref}-ECAB`, ...PUBLISHED.map((id) => `${ref}-${id}`)]);
    const roadmap = `//iati-activity[iati-identifier='${ref}-ECAB-TR-03']`;
    expect(xpath(file.xml, `string(${roadmap}/sector[@vocabulary='1']/@code)`)).toBe('33120');
    expect(xpath(file.xml, `string(${roadmap}/activity-date[@type='2']/@iso-date)`)).toBe('2024-01-01');
    expect(xpath(file.xml, `string(${roadmap}/participating-org[@role='4']/narrative)`)).toBe('Government of the Republic of Kazakhstan');
  });

  it('traces every seeded event (metadata.traceparent, so ce_traceparent on Kafka): one trace per run, a span per command', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ traceparent: string | null; command: string | null }>(
        "select metadata->>'traceparent' as traceparent, metadata->>'causationId' as command from events",
      );
      expect(rows.length).toBeGreaterThan(0);
      const traceparents = rows.map((row) => row.traceparent);
      expect(traceparents.filter((t) => !/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(t ?? ''))).toEqual([]);
      expect(new Set(traceparents.map((t) => t!.split('-')[1])).size).toBe(1);
      const commands = new Set(rows.map((row) => row.command));
      expect(new Set(traceparents.map((t) => t!.split('-')[2])).size).toBe(commands.size);
    } finally {
      await client.end();
    }
  });

  it('records the statuses, financing and key indicators through real events, marking what is illustrative', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const versions = await client.query<{ stream_id: string; version: number }>(
      "select stream_id, max(stream_version)::int as version from events where stream_id like 'project-%' group by stream_id",
    );
    const versionOf = new Map(versions.rows.map((r) => [r.stream_id.replace(/^project-/, ''), r.version]));
    const statuses: Record<string, string | null> = {};
    for (const project of seedModule.ECAB_SEED_PROJECTS) {
      const view = await getJson(`${views.url}/api/v1/projects/${project.id}?consistentWith=${project.id}:${versionOf.get(project.id)}`);
      statuses[project.id] = view.body.status as string | null;
    }
    // The seed's IATI statuses (docs/DOMAIN.md §5 describes them).
    expect(statuses).toEqual({
      'ECAB-TR-01': '2',
      'ECAB-TR-01b': '1',
      'ECAB-TR-02': '1',
      'ECAB-TR-03': '2',
      'ECAB-TR-04': '1',
      'ECAB-AG-01': '2',
      'ECAB-AG-02': '2',
      'ECAB-AG-03': '4',
      'ECAB-AG-04': '1',
      'ECAB-TO-01': '3',
      'ECAB-TO-02': '2',
      'ECAB-TO-03': '1',
      'ECAB-AQ-01': '4',
      'ECAB-AQ-02': '1',
      'ECAB-HE-01': '2',
      'ECAB-HE-02': '1',
      'ECAB-CL-01': '2',
    });

    // The summary counts what the agreements commit (in USD); read once the
    // views have applied the last event the seed stored (the log is applied in order).
    const last = await client.query<{ stream_id: string; stream_version: number }>(
      'select stream_id, stream_version from events order by position desc limit 1',
    );
    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${last.rows[0]!.stream_id}@${last.rows[0]!.stream_version}`);
    expect(summary.status).toBe(200);
    const committed = Object.fromEntries(
      (summary.body.clusters as { cluster: string; financing: { committed: string }[] }[]).map((c) => [c.cluster, c.financing[0]?.committed]),
    );
    expect(committed).toEqual({
      transport: '38500000.00',
      tourism: '56600000.00',
      'air-quality': '250000.00',
      health: '30000000.00',
      agribusiness: '400000.00',
      climate: '800000.00',
    });

    try {
      const signed = await client.query<{ project: string; amount: string; confidence: string }>(
        "select data->>'projectId' as project, data->>'amount' as amount, data->'source'->>'confidence' as confidence from events where type = 'AgreementSigned' order by stream_id",
      );
      const byProject = (id: string) => signed.rows.filter((r) => r.project === id).map((r) => [r.amount, r.confidence]);
      // ADB gives the amounts, no source the signing dates: the agreements are illustrative and say why.
      expect(byProject('ECAB-TR-02')).toEqual([
        ['24000000.00', 'illustrative'],
        ['13000000.00', 'illustrative'],
      ]);
      expect(byProject('ECAB-TR-01')).toEqual([['1500000.00', 'illustrative']]);
      expect(signed.rows.every((r) => r.confidence === 'illustrative')).toBe(true);
      const programme = await client.query<{ type: string }>("select type from events where stream_id = 'programme-ECAB' order by stream_version");
      expect(programme.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['ProgrammeRegistered', 'GovernanceMeetingRecorded']));
      const baselines = await client.query<{ n: number }>("select count(*)::int as n from events where type = 'BaselineSet'");
      expect(baselines.rows[0]!.n).toBe(5);
      // Exchange rates of tenge and som on every value date of the seed's money, none claiming more than it is.
      const moneyDates = await client.query<{ date: string }>(
        "select distinct data->>'valueDate' as date from events where type = 'AgreementCommitmentRecorded' order by 1",
      );
      const rates = await client.query<{ stream_id: string; currency: string; date: string; usd_per_unit: string; confidence: string }>(
        "select stream_id, data->>'currency' as currency, data->>'date' as date, data->>'usdPerUnit' as usd_per_unit, data->'source'->>'confidence' as confidence from events where type = 'ExchangeRateRecorded' order by stream_id, stream_version",
      );
      const datesOf = (currency: string) =>
        rates.rows
          .filter((r) => r.currency === currency)
          .map((r) => r.date)
          .sort();
      expect(datesOf('KZT')).toEqual(moneyDates.rows.map((r) => r.date));
      expect(datesOf('KGS')).toEqual(moneyDates.rows.map((r) => r.date));
      expect(new Set(rates.rows.map((r) => `${r.stream_id}:${r.currency}`))).toEqual(new Set(['exchange-rates-KGS:KGS', 'exchange-rates-KZT:KZT']));
      expect(rates.rows.every((r) => r.confidence === 'illustrative' && Number(r.usd_per_unit) > 0)).toBe(true);
    } finally {
      await client.end();
    }
  });
  describe('tells the truth (issue 9 §4), read back from the seeded events', () => {
    type Row = { stream_id: string; type: string; data: Record<string, unknown> };
    let rows: Row[];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each check reads the fields of the event type it asked for
    const ofType = (type: string) => rows.filter((r) => r.type === type).map((r) => r.data as Record<string, any>);
    /** Every source object anywhere in an event's data. */
    const sourcesIn = (value: unknown): { citation: string; confidence: string }[] => {
      if (Array.isArray(value)) return value.flatMap(sourcesIn);
      if (value === null || typeof value !== 'object') return [];
      const entries = Object.entries(value as Record<string, unknown>);
      const own = typeof (value as { citation?: unknown }).citation === 'string' ? [value as { citation: string; confidence: string }] : [];
      return [...own, ...entries.flatMap(([, v]) => sourcesIn(v))];
    };

    beforeAll(async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        rows = (await client.query<Row>('select stream_id, type, data from events order by position')).rows;
      } finally {
        await client.end();
      }
    });

    it('cites public sources, never an internal document, with the confidence the citation admits', () => {
      const sources = rows.flatMap((r) => sourcesIn(r.data));
      expect(sources.length).toBeGreaterThan(50);
      expect(sources.filter((s) => /docs\/|\.md\b|seed table|ARCHITECTURE|DOMAIN/i.test(s.citation))).toEqual([]);
      // Made-up values say so and are illustrative; everything else names a publisher's site or address.
      expect(sources.filter((s) => s.citation.includes('[ILLUSTRATIVE]') !== (s.confidence === 'illustrative'))).toEqual([]);
      const unnamed = sources.filter((s) => s.confidence !== 'illustrative' && !/https?:\/\/|\b[a-z0-9-]+\.(org|kz|kg|az|uz|asia|news)\b/i.test(s.citation));
      expect(unnamed).toEqual([]);
    });

    it("records the 12th Intergovernmental Council's facts, each with its public source", () => {
      const observed = ofType('ProgrammeKpiObserved');
      const nineMonths = observed.find((o) => o.kpi === 'bilateral-trade-usd-jan-sep');
      expect(nineMonths).toMatchObject({ value: '1200000000', date: '2024-09-30', source: { confidence: 'confirmed' } });
      expect(nineMonths!.source.citation).toContain('https://daryo.uz/');
      expect(observed.find((o) => o.kpi === 'bilateral-trade-growth-jan-sep-pct')).toMatchObject({
        value: '1.6',
        unit: '%',
        source: { confidence: 'confirmed' },
      });

      const [meeting] = ofType('GovernanceMeetingRecorded');
      expect(meeting).toMatchObject({ meetingNumber: 12, date: '2024-12-04', source: { confidence: 'confirmed' } });
      expect(meeting!.source.citation).toContain('https://en.trend.az/casia/kyrgyzstan/3978521.html');
      const decisions = (meeting!.decisions as { text: string; kind: string | { code: string } }[]).map((d) => d.text).join('\n');
      for (const fact of [
        /Cholpon-Ata/,
        /automated control and inspection systems/,
        /land plots allocated/,
        /agricultural products, signed/,
        /tourism, signed/,
        /Issyk-Kul/,
      ]) {
        expect(decisions).toMatch(fact);
      }
      // The land plots and the agricultural roadmap are also facts of the projects they belong to.
      const achieved = ofType('MilestoneAchieved').map((m) => `${m.projectId}:${m.milestoneId}:${m.actualDate}:${m.source?.confidence}`);
      expect(achieved).toEqual(expect.arrayContaining(['ECAB-AG-01:LAND:2024-12-04:confirmed', 'ECAB-AG-04:ROADMAP:2024-12-04:confirmed']));
    });

    it('states the $3bn target as confirmed, as its sources do', () => {
      const targets = ofType('ProgrammeTargetSet').filter((t) => t.kpi === 'bilateral-trade-usd');
      expect(targets).toHaveLength(1);
      expect(targets[0]).toMatchObject({ value: '3000000000', year: 2030, source: { confidence: 'confirmed' } });
      expect(targets[0]!.source.citation).toMatch(/https:\/\/24\.kg\/.*313169/);
    });

    it("starts no project before its approval or its first agreement's signing, and approves none by an agreement", () => {
      const starts = new Map(
        ofType('ProjectDateRecorded')
          .filter((d) => d.dateType.code === '2')
          .map((d) => [d.projectId as string, d.date as string]),
      );
      const approvals = new Map(ofType('ProjectApproved').map((a) => [a.projectId as string, a.approvalDate as string]));
      const firstSigning = new Map<string, string>();
      for (const a of ofType('AgreementSigned')) {
        const before = firstSigning.get(a.projectId);
        if (before === undefined || a.signedDate < before) firstSigning.set(a.projectId, a.signedDate);
      }
      expect(starts.size).toBeGreaterThan(5);
      const broken = [...starts].filter(([id, start]) => !approvals.has(id) || start < approvals.get(id)! || start < (firstSigning.get(id) ?? start));
      expect(broken).toEqual([]);
      // The Karasu / Ak-Tilek agreement of 9 Jun 2023 is an intergovernmental agreement: a signing, not the approval.
      expect(approvals.get('ECAB-AG-01')).toBe('2024-09-18');
      expect(ofType('MilestoneAchieved').find((m) => m.projectId === 'ECAB-AG-01' && m.milestoneId === 'AGREEMENT')).toMatchObject({
        actualDate: '2023-06-09',
      });
    });

    it('marks the wholly illustrative projects in the first fact recorded after their registration', () => {
      for (const id of ['ECAB-AQ-02', 'ECAB-HE-02', 'ECAB-CL-01']) {
        const stream = rows.filter((r) => r.stream_id === `project-${id}`);
        expect(stream[0]!.type).toBe('ProjectRegistered');
        expect(stream[1]!.data).toMatchObject({ source: { confidence: 'illustrative' } });
      }
    });
  });
});
