import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
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
    const road = await getJson(`${views.url}/api/v1/projects/ECAB-TR-01?consistentWith=ECAB-TR-01:1`);
    expect(road.body).toMatchObject({ cluster: 'transport', countries: [{ code: 'KZ', percentage: 59.4 }, { code: 'KG', percentage: 40.6 }] });
  });
});
