import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import pg from 'pg';
import { authorization, getJson, startApp, type AppProcess } from './platform-process.js';

interface SeedModule {
  ECAB_SEED_PROJECTS: { id: string; cluster: string }[];
  seed(options: { apiUrl: string; log?: (line: string) => void; headers?: Record<string, string> }): Promise<{ registered: number; present: number }>;
}

/** What `npm start` and `npm run seed` load: the ECAB demo portfolio, through the real commands. */
describe('the ECAB demo portfolio seed', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;
  let seedModule: SeedModule;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_seed');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    seedModule = (await import(pathToFileURL(join(process.cwd(), '..', '..', 'infra', 'platform', 'seed.js')).href)) as SeedModule;
  });

  afterAll(async () => {
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('registers the 17 seed projects once, and a second run changes nothing', async () => {
    const lines: string[] = [];
    expect(await seedModule.seed({ apiUrl: api.url, log: (line) => lines.push(line), headers: authorization() })).toEqual({ registered: 17, present: 0 });
    expect(await seedModule.seed({ apiUrl: api.url, log: (line) => lines.push(line), headers: authorization() })).toEqual({ registered: 0, present: 17 });
    expect(lines[1]).toContain('0 projects registered, 17 already there');

    const last = seedModule.ECAB_SEED_PROJECTS[seedModule.ECAB_SEED_PROJECTS.length - 1]!;
    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${last.id}:1`);
    const projects = Object.fromEntries((summary.body.clusters as { cluster: string; projects: number }[]).map((c) => [c.cluster, c.projects]));
    expect(projects).toEqual({ transport: 5, tourism: 3, 'air-quality': 2, health: 2, agribusiness: 4, climate: 1 });
    const road = await getJson(`${views.url}/api/v1/projects/ECAB-TR-01`);
    expect(road.body).toMatchObject({ cluster: 'transport', countries: [{ code: 'KZ', percentage: 59.4 }, { code: 'KG', percentage: 40.6 }] });
  });

  it('traces every seeded event (metadata.traceparent, so ce_traceparent on Kafka): one trace per run, a span per command', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ traceparent: string | null; command: string | null }>("select metadata->>'traceparent' as traceparent, metadata->>'causationId' as command from events");
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

  it('records the statuses, financing and key indicators of docs/DOMAIN.md through real events, marking what is illustrative', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const versions = await client.query<{ stream_id: string; version: number }>("select stream_id, max(stream_version)::int as version from events where stream_id like 'project-%' group by stream_id");
    const versionOf = new Map(versions.rows.map((r) => [r.stream_id.replace(/^project-/, ''), r.version]));
    const statuses: Record<string, string | null> = {};
    for (const project of seedModule.ECAB_SEED_PROJECTS) {
      const view = await getJson(`${views.url}/api/v1/projects/${project.id}?consistentWith=${project.id}:${versionOf.get(project.id)}`);
      statuses[project.id] = view.body.status as string | null;
    }
    // The seed table's IATI statuses (docs/DOMAIN.md §5).
    expect(statuses).toEqual({
      'ECAB-TR-01': '2', 'ECAB-TR-01b': '1', 'ECAB-TR-02': '1', 'ECAB-TR-03': '2', 'ECAB-TR-04': '1',
      'ECAB-AG-01': '2', 'ECAB-AG-02': '2', 'ECAB-AG-03': '4', 'ECAB-AG-04': '1',
      'ECAB-TO-01': '3', 'ECAB-TO-02': '2', 'ECAB-TO-03': '1',
      'ECAB-AQ-01': '4', 'ECAB-AQ-02': '1', 'ECAB-HE-01': '2', 'ECAB-HE-02': '1', 'ECAB-CL-01': '2',
    });

    // The summary counts what the agreements commit (docs/DOMAIN.md's amounts, in USD); read once the
    // views have applied the last event the seed stored (the log is applied in order).
    const last = await client.query<{ stream_id: string; stream_version: number }>('select stream_id, stream_version from events order by position desc limit 1');
    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${last.rows[0]!.stream_id}@${last.rows[0]!.stream_version}`);
    expect(summary.status).toBe(200);
    const committed = Object.fromEntries((summary.body.clusters as { cluster: string; financing: { committed: string }[] }[]).map((c) => [c.cluster, c.financing[0]?.committed]));
    expect(committed).toEqual({ transport: '38500000.00', tourism: '56600000.00', 'air-quality': '250000.00', health: '30000000.00', agribusiness: '400000.00', climate: '800000.00' });

    try {
      const signed = await client.query<{ project: string; amount: string; confidence: string }>(
        "select data->>'projectId' as project, data->>'amount' as amount, data->'source'->>'confidence' as confidence from events where type = 'AgreementSigned' order by stream_id",
      );
      const byProject = (id: string) => signed.rows.filter((r) => r.project === id).map((r) => [r.amount, r.confidence]);
      expect(byProject('ECAB-TR-02')).toEqual([['24000000.00', 'unconfirmed'], ['13000000.00', 'unconfirmed']]);
      expect(byProject('ECAB-TR-01')).toEqual([['1500000.00', 'illustrative']]);
      // Every agreement says how far it can be trusted; none claims to be confirmed without a source.
      expect(signed.rows.every((r) => r.confidence === 'illustrative' || r.confidence === 'unconfirmed')).toBe(true);
      const programme = await client.query<{ type: string }>("select type from events where stream_id = 'programme-ECAB' order by stream_version");
      expect(programme.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['ProgrammeRegistered', 'GovernanceMeetingRecorded']));
      const baselines = await client.query<{ n: number }>("select count(*)::int as n from events where type = 'BaselineSet'");
      expect(baselines.rows[0]!.n).toBe(5);
      // Exchange rates of tenge and som on every value date of the seed's money, none claiming more than it is.
      const moneyDates = await client.query<{ date: string }>("select distinct data->>'valueDate' as date from events where type = 'AgreementCommitmentRecorded' order by 1");
      const rates = await client.query<{ stream_id: string; currency: string; date: string; usd_per_unit: string; confidence: string }>(
        "select stream_id, data->>'currency' as currency, data->>'date' as date, data->>'usdPerUnit' as usd_per_unit, data->'source'->>'confidence' as confidence from events where type = 'ExchangeRateRecorded' order by stream_id, stream_version",
      );
      const datesOf = (currency: string) => rates.rows.filter((r) => r.currency === currency).map((r) => r.date).sort();
      expect(datesOf('KZT')).toEqual(moneyDates.rows.map((r) => r.date));
      expect(datesOf('KGS')).toEqual(moneyDates.rows.map((r) => r.date));
      expect(new Set(rates.rows.map((r) => `${r.stream_id}:${r.currency}`))).toEqual(new Set(['exchange-rates-KGS:KGS', 'exchange-rates-KZT:KZT']));
      expect(rates.rows.every((r) => r.confidence === 'illustrative' && Number(r.usd_per_unit) > 0)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
