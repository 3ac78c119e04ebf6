import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';
import { createViewsTestDatabase, type ViewsTestDatabase } from '../test-support/views-test-database.js';
import { MalformedEventError } from './event-data.js';
import { PortfolioProjection, ProjectionGapError } from './portfolio-projection.js';

let sequence = 0;
function event(projectId: string, streamVersion: number, type: string, data: Record<string, unknown>): PortfolioEvent {
  sequence += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId: `project-${projectId}`,
    streamVersion,
    subject: projectId,
    cluster: 'agribusiness',
    time: '2026-11-26T08:00:00.000Z',
    data,
  };
}

const registered = (id: string) =>
  event(id, 1, 'ProjectRegistered', {
    projectId: id,
    title: `ITLC ${id}`,
    cluster: 'agribusiness',
    countries: [
      { code: 'KZ', percentage: 50 },
      { code: 'KG', percentage: 50 },
    ],
  });
const committed = (id: string, v: number, amount: string, currency = 'USD') =>
  event(id, v, 'CommitmentRecorded', { projectId: id, commitmentId: `c${v}`, amount, currency, valueDate: '2024-01-01', financier: 'XM-DAC-46004' });

/**
 * The agreement figures docs/DOMAIN.md §2 gives for the events sent, worked out here (in cents) rather than
 * by the projection: commitments and amendments add to the commitment, cancellations are counted apart and
 * subtract from the net commitment, funds received are the disbursement, onward payments are spending, and
 * a reversal takes its amount off the figure of the event it reverses.
 */
const FIGURE_OF: Record<string, 'committed' | 'cancelled' | 'disbursed' | 'spent'> = {
  AgreementCommitmentRecorded: 'committed',
  CommitmentAmended: 'committed',
  FundsCancelled: 'cancelled',
  FundsReceived: 'disbursed',
  AgreementDisbursementRecorded: 'spent',
  ExpenditureRecorded: 'spent',
};
function figuresOf(events: PortfolioEvent[]) {
  const cents = { signed: 0, committed: 0, cancelled: 0, disbursed: 0, spent: 0 };
  for (const e of events) {
    const amount = Math.round(Number(e.data.amount) * 100);
    if (e.type === 'AgreementSigned') cents.signed += amount;
    else if (e.type === 'TransactionReversed') cents[FIGURE_OF[e.data.reversedEventType as string]!] -= amount;
    else cents[FIGURE_OF[e.type]!] += amount;
  }
  const text = (c: number) => (c / 100).toFixed(2);
  return {
    signed: text(cents.signed),
    committed: text(cents.committed),
    cancelled: text(cents.cancelled),
    disbursed: text(cents.disbursed),
    spent: text(cents.spent),
    netCommitment: text(cents.committed - cents.cancelled),
  };
}

describe('the portfolio projection (real PostgreSQL)', () => {
  let views: ViewsTestDatabase;
  let dataSource: DataSource;
  let projection: PortfolioProjection;

  beforeAll(async () => {
    views = await createViewsTestDatabase('views');
    ({ dataSource, projection } = views);
  });

  afterAll(async () => {
    await views.drop();
  });

  async function money(projectId: string): Promise<{ currency: string; committed: string }[]> {
    return dataSource.query(
      `select currency, sum(case kind when 'commitment' then amount when 'cancellation' then -amount else 0 end)::text as committed
         from money_movement where project_id = $1 group by currency order by currency`,
      [projectId],
    );
  }

  it('applies a batch and skips events it already applied (redelivery has one effect)', async () => {
    const batch = [registered('AG-1'), committed('AG-1', 2, '100.00'), committed('AG-1', 3, '0.50', 'KZT')];
    await projection.apply(batch);
    await projection.apply(batch);
    await projection.apply([batch[1]!]);
    expect(await money('AG-1')).toEqual([
      { currency: 'KZT', committed: '0.50' },
      { currency: 'USD', committed: '100.00' },
    ]);
    expect(await projection.appliedVersion('project-AG-1')).toBe(3);
    const [row] = await dataSource.query('select version, countries from project_summary where project_id = $1', ['AG-1']);
    expect(row).toEqual({
      version: 3,
      countries: [
        { code: 'KZ', percentage: 50 },
        { code: 'KG', percentage: 50 },
      ],
    });
  });

  it('refuses a version past the next one and leaves the whole batch unapplied', async () => {
    await expect(projection.apply([registered('AG-2'), committed('AG-2', 3, '5.00')])).rejects.toThrow(ProjectionGapError);
    expect(await projection.appliedVersion('project-AG-2')).toBe(0);
    expect(await dataSource.query('select 1 from project_summary where project_id = $1', ['AG-2'])).toEqual([]);
  });

  it('rejects a malformed event without applying any of its batch', async () => {
    await expect(projection.apply([registered('AG-3'), committed('AG-3', 2, '12,5')])).rejects.toThrow(MalformedEventError);
    expect(await projection.appliedVersion('project-AG-3')).toBe(0);
  });

  it('tells listeners what it applied, after the commit', async () => {
    const seen: string[] = [];
    const stop = projection.onApplied((streamId: string, version: number) => seen.push(`${streamId}@${version}`));
    await projection.apply([registered('AG-4'), committed('AG-4', 2, '1.00')]);
    stop();
    expect(seen).toEqual(['project-AG-4@2']);
  });

  it('gathers a project’s activity from its other streams without moving the project’s own version', async () => {
    await projection.apply([registered('AG-7')]);
    const signed: PortfolioEvent = {
      ...event('AG-7', 1, 'AgreementSigned', { agreementId: 'L-1', projectId: 'AG-7', effectiveDate: '2025-03-14' }),
      streamId: 'agreement-L-1',
    };
    const status: PortfolioEvent = event('AG-7', 2, 'ProjectStatusChanged', {
      projectId: 'AG-7',
      from: { code: '1', codelist: 'ActivityStatus', version: '2.03' },
      to: { code: '2', codelist: 'ActivityStatus', version: '2.03' },
      stage: 'implementation',
    });
    const programme: PortfolioEvent = { ...event('ECAB', 1, 'ProgrammeRegistered', { programmeId: 'ECAB' }), streamId: 'programme-ECAB' };
    await projection.apply([signed, status, programme]);
    await projection.apply([signed]);
    const activity = await dataSource.query(
      'select stream_id, stream_version, type, effective_date::text as effective_date from project_activity where project_id = $1 order by stream_id',
      ['AG-7'],
    );
    expect(activity).toEqual([
      { stream_id: 'agreement-L-1', stream_version: 1, type: 'AgreementSigned', effective_date: '2025-03-14' },
      { stream_id: 'project-AG-7', stream_version: 1, type: 'ProjectRegistered', effective_date: null },
      { stream_id: 'project-AG-7', stream_version: 2, type: 'ProjectStatusChanged', effective_date: null },
    ]);
    const [row] = await dataSource.query('select version, status, stage from project_summary where project_id = $1', ['AG-7']);
    expect(row).toEqual({ version: 2, status: '2', stage: 'implementation' });
    // A programme-wide event has no project: counted as applied, shown nowhere.
    expect(await projection.appliedVersion('programme-ECAB')).toBe(1);
    expect(await dataSource.query('select count(*)::int as n from project_activity where project_id = $1', ['ECAB'])).toEqual([{ n: 0 }]);
  });

  it('counts money moved under a financing agreement in its totals (funds received are the disbursement), and undoes a reversed movement', async () => {
    await projection.apply([registered('AG-8')]);
    let version = 0;
    const agreementEvent = (type: string, data: Record<string, unknown>): PortfolioEvent => ({
      ...event('AG-8', (version += 1), type, { agreementId: 'G-8', projectId: 'AG-8', currency: 'USD', valueDate: '2025-06-01', ...data }),
      streamId: 'agreement-G-8',
    });
    // No two amounts are equal and no event is undone by another of the same size, so dropping any event type
    // (or counting it under another figure) moves a figure: only one of two amendments and one of two
    // expenditures is reversed.
    const sent = [
      agreementEvent('AgreementSigned', { amount: '900.00' }),
      agreementEvent('AgreementCommitmentRecorded', { transactionId: 't1', amount: '1000.00' }),
      agreementEvent('CommitmentAmended', { transactionId: 't2', amount: '-100.00' }),
      agreementEvent('CommitmentAmended', { transactionId: 't3', amount: '240.00' }),
      agreementEvent('FundsCancelled', { transactionId: 't4', amount: '50.00' }),
      agreementEvent('FundsReceived', { transactionId: 't5', amount: '400.00' }),
      agreementEvent('AgreementDisbursementRecorded', { transactionId: 't6', amount: '300.00' }),
      agreementEvent('ExpenditureRecorded', { transactionId: 't7', amount: '20.00' }),
      agreementEvent('ExpenditureRecorded', { transactionId: 't8', amount: '7.00' }),
      agreementEvent('TransactionReversed', { transactionId: 't7', reversedEventType: 'ExpenditureRecorded', amount: '20.00' }),
      agreementEvent('TransactionReversed', { transactionId: 't2', reversedEventType: 'CommitmentAmended', amount: '-100.00' }),
    ];
    await projection.apply(sent);

    const expected = figuresOf(sent);
    // Every event sent moves a figure (the reversals too): without any one of them the figures would differ.
    expect(new Set(sent.map((e) => e.type)).size).toBe(8);
    sent.forEach((e, i) => expect([e.type, i, figuresOf(sent.filter((_, j) => j !== i))]).not.toEqual([e.type, i, expected]));

    const [row] = await dataSource.query(
      'select signed_amount::text as signed, committed::text, cancelled::text, disbursed::text, spent::text from agreement_view where agreement_id = $1',
      ['G-8'],
    );
    expect(row).toEqual({
      signed: expected.signed,
      committed: expected.committed,
      cancelled: expected.cancelled,
      disbursed: expected.disbursed,
      spent: expected.spent,
    });
    // The project's running money (what the project summary reads): net commitment and funds received.
    const projectMoney = await dataSource.query('select currency, committed::text, disbursed::text from project_money where project_id = $1', ['AG-8']);
    expect(projectMoney).toEqual([{ currency: 'USD', committed: expected.netCommitment, disbursed: expected.disbursed }]);
    expect(await money('AG-8')).toEqual([{ currency: 'USD', committed: expected.netCommitment }]);
  });

  it('applies a new stream once when two appliers race on its first batch', async () => {
    // Two consumers (a rebalance, a retry) deliver the same first events of a stream nobody has seen:
    // both must not add the money. Repeated, as the race needs both transactions to overlap.
    for (let round = 0; round < 10; round += 1) {
      const id = `RACE-${round}`;
      const batch = [registered(id), committed(id, 2, '100.00')];
      const outcomes = await Promise.allSettled([projection.apply(batch), projection.apply(batch), projection.apply(batch)]);
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect(await money(id)).toEqual([{ currency: 'USD', committed: '100.00' }]);
      expect(await projection.appliedVersion(`project-${id}`)).toBe(2);
    }
  });
});
