import type { PortfolioEvent } from '@ecab/contracts';
import { PortfolioSummaryController } from '../queries/portfolio-summary/portfolio-summary.controller.js';
import { ViewsReader } from '../queries/views-reader.js';
import { createViewsTestDatabase, type ViewsTestDatabase } from '../test-support/views-test-database.js';

/**
 * The per-cluster totals the portfolio summary reads (cluster_projects, cluster_money): money recorded
 * before its project's registration reached the views counts from the registration on; batches of
 * different projects applied at the same moment each add their share (none overwrites another's). The
 * expected figures are sums of the amounts sent, worked out here.
 */
let sequence = 0;
const versions = new Map<string, number>();
function on(streamId: string, projectId: string, type: string, data: Record<string, unknown>): PortfolioEvent {
  sequence += 1;
  const streamVersion = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, streamVersion);
  return {
    eventId: `30000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    subject: projectId,
    cluster: 'health',
    time: new Date(Date.UTC(2026, 10, 27, 9, 0, sequence)).toISOString(),
    data: { projectId, ...data },
  };
}
const registered = (projectId: string, cluster: string) =>
  on(`project-${projectId}`, projectId, 'ProjectRegistered', { title: `Clinic ${projectId}`, cluster, countries: [{ code: 'KZ', percentage: 100 }] });
const money = (projectId: string, type: string, transactionId: string, amount: string, currency: string, code: string) =>
  on(`agreement-${projectId}-A`, projectId, type, {
    agreementId: `${projectId}-A`,
    transactionId,
    transactionType: { code, codelist: 'TransactionType', version: '2.03' },
    amount,
    currency,
    valueDate: '2026-03-01',
    effectiveDate: '2026-03-01',
  });
const commitment = (projectId: string, id: string, amount: string, currency = 'USD') =>
  money(projectId, 'AgreementCommitmentRecorded', id, amount, currency, '11');
const cancellation = (projectId: string, id: string, amount: string, currency = 'USD') => money(projectId, 'FundsCancelled', id, amount, currency, '11');
const received = (projectId: string, id: string, amount: string, currency = 'USD') => money(projectId, 'FundsReceived', id, amount, currency, '1');
const spent = (projectId: string, id: string, amount: string) => money(projectId, 'ExpenditureRecorded', id, amount, 'USD', '4');

describe('the per-cluster totals of the portfolio summary (real PostgreSQL)', () => {
  let views: ViewsTestDatabase;
  let summaries: PortfolioSummaryController;

  beforeAll(async () => {
    views = await createViewsTestDatabase('views_cluster_totals');
    summaries = new PortfolioSummaryController(new ViewsReader(views.dataSource, views.projection, { consistencyWaitMs: 100 }));
  });
  afterAll(async () => views?.drop());

  async function cluster(name: string): Promise<unknown> {
    const answer = await summaries.summary({});
    if (!('clusters' in answer)) throw new Error('a summary without groupBy answers per cluster');
    return answer.clusters.find((c) => c.cluster === name);
  }

  it('counts a project’s money from its registration on, including what was recorded before it; never an unregistered project’s', async () => {
    const { projection } = views;
    // H-1's money reaches the views before its registration: in an earlier batch, and earlier in the same batch.
    await projection.apply([commitment('H-1', 'c1', '1000.00'), received('H-1', 'd1', '200.50')]);
    expect(await cluster('health')).toEqual({ cluster: 'health', projects: 0, financing: [] });
    await projection.apply([cancellation('H-1', 'x1', '100.00'), registered('H-1', 'health'), received('H-1', 'd2', '50.25'), spent('H-1', 's1', '70.00')]);
    // H-2 registered, then money in two currencies; O-1 (never registered) has money that counts nowhere.
    await projection.apply([registered('H-2', 'health'), commitment('H-2', 'c1', '300.00'), commitment('H-2', 'c2', '5000', 'KZT')]);
    await projection.apply([commitment('O-1', 'c1', '999.00'), received('H-2', 'd1', '25.00')]);
    await projection.apply([registered('T-1', 'transport'), commitment('T-1', 'c1', '10.00')]);
    expect(await cluster('health')).toEqual({
      cluster: 'health',
      projects: 2,
      financing: [
        { currency: 'KZT', committed: '5000.00', disbursed: '0.00' },
        // 1000 − 100 + 300 committed; 200.50 + 50.25 + 25 received; the expenditure is neither.
        { currency: 'USD', committed: '1200.00', disbursed: '275.75' },
      ],
    });
    expect(await cluster('transport')).toEqual({ cluster: 'transport', projects: 1, financing: [{ currency: 'USD', committed: '10.00', disbursed: '0.00' }] });
  });

  it('adds up the batches of many projects of one cluster applied at the same moment', async () => {
    const { projection } = views;
    const projects = Array.from({ length: 12 }, (_, i) => `C-${i + 1}`);
    await Promise.all(projects.map((p) => projection.apply([registered(p, 'climate')])));
    // Every project's batch touches the cluster's row: twelve transactions at once, each adding its own.
    await Promise.all(projects.map((p, i) => projection.apply([commitment(p, 'c1', `${i + 1}.00`), received(p, 'd1', '0.10')])));
    await Promise.all(projects.map((p) => projection.apply([commitment(p, 'c2', '100.00', 'EUR')])));
    // 1 + 2 + … + 12 = 78 committed; 12 × 0.10 received; 12 × 100 EUR.
    expect(await cluster('climate')).toEqual({
      cluster: 'climate',
      projects: 12,
      financing: [
        { currency: 'EUR', committed: '1200.00', disbursed: '0.00' },
        { currency: 'USD', committed: '78.00', disbursed: '1.20' },
      ],
    });
  });
});
