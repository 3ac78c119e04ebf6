import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';
import { createViewsTestDatabase, type ViewsTestDatabase } from '../test-support/views-test-database.js';
import { moneyByGroup } from '../queries/portfolio-summary/money-figures.js';
import { movementsSql } from '../queries/money-movements.js';
import { GROUP_BY, groupKeysSql } from '../queries/project-selection.js';
import fc from 'fast-check';
import { PortfolioProjection } from './portfolio-projection.js';
import type { Sql } from '../sql.js';

/**
 * The money families (agreement, contract, reference) on a real PostgreSQL, fed through the projection as
 * the consumer feeds it. Every expected figure is worked out by hand in the test from the events sent.
 */
let sequence = 0;
const versions = new Map<string, number>();
function on(streamId: string, subject: string, type: string, data: Record<string, unknown>, cluster = 'transport'): PortfolioEvent {
  sequence += 1;
  const streamVersion = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, streamVersion);
  return {
    eventId: `10000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    subject,
    cluster,
    time: `2026-11-26T08:00:${String(sequence % 60).padStart(2, '0')}.000Z`,
    data,
  };
}
const ADB = { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' };
const tx = (agreementId: string, projectId: string, type: string, transactionId: string, amount: string, currency: string, valueDate: string, code: string) =>
  on(`agreement-${agreementId}`, projectId, type, {
    agreementId,
    projectId,
    effectiveDate: valueDate,
    transactionId,
    transactionType: { code, codelist: 'TransactionType', version: '2.03' },
    amount,
    currency,
    valueDate,
  });
const reversal = (
  agreementId: string,
  projectId: string,
  transactionId: string,
  reversedEventType: string,
  amount: string,
  currency: string,
  effectiveDate: string,
) =>
  on(`agreement-${agreementId}`, projectId, 'TransactionReversed', {
    agreementId,
    projectId,
    effectiveDate,
    transactionId,
    reversedEventType,
    amount,
    currency,
    reasonCode: 'DATA_ENTRY_ERROR',
    source: { citation: 'test', confidence: 'illustrative' },
  });
const rate = (currency: string, date: string, usdPerUnit: string, correctsRate?: string) =>
  on(
    `exchange-rates-${currency}`,
    'exchange-rates',
    'ExchangeRateRecorded',
    { currency, date, usdPerUnit, effectiveDate: date, ...(correctsRate ? { correctsRate } : {}) },
    undefined as unknown as string,
  );

/** Days between two ISO dates. */
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const round4 = (x: number) => Math.round(x * 10000) / 10000;

describe('the money families: agreements, money movements, plans, contracts and exchange rates (real PostgreSQL)', () => {
  let views: ViewsTestDatabase;
  let dataSource: DataSource;
  let projection: PortfolioProjection;
  const sql: Sql = (text, params) => dataSource.query(text, params as unknown[] | undefined);

  beforeAll(async () => {
    views = await createViewsTestDatabase('views_money');
    ({ dataSource, projection } = views);

    await projection.apply([
      on('project-P1', 'P1', 'ProjectRegistered', {
        projectId: 'P1',
        title: 'Road',
        cluster: 'transport',
        countries: [
          { code: 'KZ', percentage: 60 },
          { code: 'KG', percentage: 40 },
        ],
      }),
      // L1: an ADB grant in USD, effective 2025-06-01, closing extended from 2027-06-30 to 2028-06-30.
      on('agreement-L1', 'P1', 'AgreementSigned', {
        agreementId: 'L1',
        projectId: 'P1',
        effectiveDate: '2025-03-14',
        agreementNumber: '0900-KGZ',
        financier: ADB,
        instrument: 'grant',
        amount: '1000.00',
        currency: 'USD',
        signedDate: '2025-03-14',
        closingDate: '2027-06-30',
      }),
      on('agreement-L1', 'P1', 'AgreementDeclaredEffective', {
        agreementId: 'L1',
        projectId: 'P1',
        effectiveDate: '2025-06-01',
        effectivenessDate: '2025-06-01',
      }),
      tx('L1', 'P1', 'AgreementCommitmentRecorded', 't1', '1000.00', 'USD', '2025-03-14', '11'),
      tx('L1', 'P1', 'CommitmentAmended', 't2', '-100.00', 'USD', '2025-09-01', '11'),
      tx('L1', 'P1', 'FundsCancelled', 't3', '50.00', 'USD', '2026-02-10', '11'),
      tx('L1', 'P1', 'FundsReceived', 't4', '400.00', 'USD', '2025-07-01', '1'),
      tx('L1', 'P1', 'FundsReceived', 't5', '100.00', 'USD', '2026-03-01', '1'),
      tx('L1', 'P1', 'AgreementDisbursementRecorded', 't6', '300.00', 'USD', '2025-08-01', '3'),
      tx('L1', 'P1', 'ExpenditureRecorded', 't7', '20.00', 'USD', '2025-10-01', '4'),
      reversal('L1', 'P1', 't7', 'ExpenditureRecorded', '20.00', 'USD', '2025-11-10'),
      reversal('L1', 'P1', 't2', 'CommitmentAmended', '-100.00', 'USD', '2026-01-15'),
      on('agreement-L1', 'P1', 'PlannedDisbursementScheduled', {
        agreementId: 'L1',
        projectId: 'P1',
        effectiveDate: '2025-06-01',
        plannedDisbursementId: 'pd1',
        period: { start: '2025-07-01', end: '2025-09-30' },
        amount: '300.00',
        currency: 'USD',
      }),
      on('agreement-L1', 'P1', 'PlannedDisbursementScheduled', {
        agreementId: 'L1',
        projectId: 'P1',
        effectiveDate: '2025-06-01',
        plannedDisbursementId: 'pd2',
        period: { start: '2026-01-01', end: '2026-03-31' },
        amount: '300.00',
        currency: 'USD',
      }),
      on('agreement-L1', 'P1', 'ClosingDateExtended', {
        agreementId: 'L1',
        projectId: 'P1',
        effectiveDate: '2026-05-01',
        previousClosingDate: '2027-06-30',
        closingDate: '2028-06-30',
        reason: 'delays',
      }),
      // K1: a KZT loan opened by the shorthand of the write side, then declared effective 2026-01-05, closing 2028-12-31.
      on('agreement-K1', 'P1', 'AgreementSigned', {
        agreementId: 'K1',
        projectId: 'P1',
        effectiveDate: '2025-12-20',
        agreementNumber: 'K-1',
        financier: { organisationId: 'EBRD' },
        instrument: 'loan',
        amount: '500000.00',
        currency: 'KZT',
        signedDate: '2025-12-20',
        closingDate: '2028-12-31',
      }),
      on('agreement-K1', 'P1', 'AgreementDeclaredEffective', {
        agreementId: 'K1',
        projectId: 'P1',
        effectiveDate: '2026-01-05',
        effectivenessDate: '2026-01-05',
      }),
      tx('K1', 'P1', 'AgreementCommitmentRecorded', 'k1', '500000.00', 'KZT', '2026-01-10', '11'),
      tx('K1', 'P1', 'FundsReceived', 'k2', '100000.00', 'KZT', '2026-02-01', '1'),
      // C1: planned at 2000, awarded 600 on 2025-10-15, varied +50 on 2026-02-01.
      on('contract-C1', 'P1', 'ProcurementPackagePlanned', {
        contractId: 'C1',
        projectId: 'P1',
        effectiveDate: '2025-05-01',
        title: 'Civil works',
        method: 'ICB',
        estimatedValue: { amount: '2000.00', currency: 'USD' },
        plannedAwardDate: '2025-10-01',
      }),
      on('contract-C1', 'P1', 'ContractAwarded', {
        contractId: 'C1',
        projectId: 'P1',
        effectiveDate: '2025-10-15',
        contractor: { name: 'Builder LLP' },
        contractValue: { amount: '600.00', currency: 'USD' },
        awardDate: '2025-10-15',
      }),
      on('contract-C1', 'P1', 'ContractVariationApproved', {
        contractId: 'C1',
        projectId: 'P1',
        effectiveDate: '2026-02-01',
        variationId: 'v1',
        amountDelta: { amount: '50.00', currency: 'USD' },
        contractValue: { amount: '650.00', currency: 'USD' },
        reason: 'more works',
      }),
      // P2: money recorded by the old project-level commands (v1, no agreement), one of it in KZT before any rate.
      on(
        'project-P2',
        'P2',
        'ProjectRegistered',
        { projectId: 'P2', title: 'Clinic', cluster: 'health', countries: [{ code: 'KZ', percentage: 100 }] },
        'health',
      ),
      on(
        'project-P2',
        'P2',
        'CommitmentRecorded',
        { projectId: 'P2', commitmentId: 'c1', amount: '200.00', currency: 'USD', valueDate: '2024-01-01', financier: 'XM-DAC-46004' },
        'health',
      ),
      on(
        'project-P2',
        'P2',
        'DisbursementRecorded',
        { projectId: 'P2', disbursementId: 'd1', amount: '50.00', currency: 'USD', valueDate: '2024-06-01', financier: 'XM-DAC-46004' },
        'health',
      ),
      on(
        'project-P2',
        'P2',
        'CommitmentRecorded',
        { projectId: 'P2', commitmentId: 'c2', amount: '1000.00', currency: 'KZT', valueDate: '2023-05-01', financier: 'KZ-GOV' },
        'health',
      ),
      rate('KZT', '2026-01-01', '0.002'),
      rate('KZT', '2026-02-01', '0.0019'),
      rate('KZT', '2026-02-01', '0.0021', '0.0019'),
    ]);
  });

  afterAll(async () => {
    await views.drop();
  });

  it('keeps one row per agreement with its header, dates and running totals', async () => {
    const rows = await dataSource.query(
      `select agreement_id, project_id, financier_ref, opened_by, effective_on::text, original_closing_on::text, closing_on::text, extended,
              committed::text, cancelled::text, disbursed::text, spent::text from agreement_view order by agreement_id`,
    );
    expect(rows).toEqual([
      {
        agreement_id: 'K1',
        project_id: 'P1',
        financier_ref: 'EBRD',
        opened_by: 'signed',
        effective_on: '2026-01-05',
        original_closing_on: '2028-12-31',
        closing_on: '2028-12-31',
        extended: false,
        committed: '500000.00',
        cancelled: '0',
        disbursed: '100000.00',
        spent: '0',
      },
      // 1000 − 100 + 100 (the amendment reversed); 50 cancelled; 400 + 100 received; 300 + 20 − 20 spent.
      {
        agreement_id: 'L1',
        project_id: 'P1',
        financier_ref: 'XM-DAC-46004',
        opened_by: 'signed',
        effective_on: '2025-06-01',
        original_closing_on: '2027-06-30',
        closing_on: '2028-06-30',
        extended: true,
        committed: '1000.00',
        cancelled: '50.00',
        disbursed: '500.00',
        spent: '300.00',
      },
      // Old project-level money goes to the shorthand agreement of the project and financier, effective from its first value date.
      {
        agreement_id: 'P2~KZ-GOV',
        project_id: 'P2',
        financier_ref: 'KZ-GOV',
        opened_by: 'shorthand',
        effective_on: '2023-05-01',
        original_closing_on: null,
        closing_on: null,
        extended: false,
        committed: '1000.00',
        cancelled: '0',
        disbursed: '0',
        spent: '0',
      },
      {
        agreement_id: 'P2~XM-DAC-46004',
        project_id: 'P2',
        financier_ref: 'XM-DAC-46004',
        opened_by: 'shorthand',
        effective_on: '2024-01-01',
        original_closing_on: null,
        closing_on: null,
        extended: false,
        committed: '200.00',
        cancelled: '0',
        disbursed: '50.00',
        spent: '0',
      },
    ]);
  });

  it('records one signed movement per money event; a reversal has the opposite sign at the reversed movement’s value date', async () => {
    const rows = await dataSource.query(
      `select kind, event_type, transaction_id, amount::text, value_date::text from money_movement where agreement_id = 'L1' order by stream_version`,
    );
    expect(rows).toEqual([
      { kind: 'commitment', event_type: 'AgreementCommitmentRecorded', transaction_id: 't1', amount: '1000.00', value_date: '2025-03-14' },
      { kind: 'commitment', event_type: 'CommitmentAmended', transaction_id: 't2', amount: '-100.00', value_date: '2025-09-01' },
      { kind: 'cancellation', event_type: 'FundsCancelled', transaction_id: 't3', amount: '50.00', value_date: '2026-02-10' },
      { kind: 'disbursement', event_type: 'FundsReceived', transaction_id: 't4', amount: '400.00', value_date: '2025-07-01' },
      { kind: 'disbursement', event_type: 'FundsReceived', transaction_id: 't5', amount: '100.00', value_date: '2026-03-01' },
      { kind: 'spending', event_type: 'AgreementDisbursementRecorded', transaction_id: 't6', amount: '300.00', value_date: '2025-08-01' },
      { kind: 'spending', event_type: 'ExpenditureRecorded', transaction_id: 't7', amount: '20.00', value_date: '2025-10-01' },
      { kind: 'spending', event_type: 'TransactionReversed', transaction_id: 't7', amount: '-20.00', value_date: '2025-10-01' },
      { kind: 'commitment', event_type: 'TransactionReversed', transaction_id: 't2', amount: '100.00', value_date: '2025-09-01' },
    ]);
    const awards = await dataSource.query(
      `select kind, contract_id, amount::text, value_date::text from money_movement where kind = 'award' order by value_date`,
    );
    expect(awards).toEqual([
      { kind: 'award', contract_id: 'C1', amount: '600.00', value_date: '2025-10-15' },
      { kind: 'award', contract_id: 'C1', amount: '50.00', value_date: '2026-02-01' },
    ]);
    const planned = await dataSource.query(
      `select planned_disbursement_id, period_end::text, amount::text from planned_disbursement order by planned_disbursement_id`,
    );
    expect(planned).toEqual([
      { planned_disbursement_id: 'pd1', period_end: '2025-09-30', amount: '300.00' },
      { planned_disbursement_id: 'pd2', period_end: '2026-03-31', amount: '300.00' },
    ]);
  });

  it('keeps the contract and the latest rate of a currency and date (a correction replaces it)', async () => {
    const [contract] = await dataSource.query(
      `select contract_id, status, estimated_value::text, contract_value::text, contractor_ref, awarded_on::text from contract_view`,
    );
    expect(contract).toEqual({
      contract_id: 'C1',
      status: 'awarded',
      estimated_value: '2000.00',
      contract_value: '650.00',
      contractor_ref: 'Builder LLP',
      awarded_on: '2025-10-15',
    });
    expect(await dataSource.query(`select currency, rate_date::text, usd_per_unit::text from exchange_rate order by rate_date`)).toEqual([
      { currency: 'KZT', rate_date: '2026-01-01', usd_per_unit: '0.002' },
      { currency: 'KZT', rate_date: '2026-02-01', usd_per_unit: '0.0021' },
    ]);
  });

  it('applies a redelivered money event once', async () => {
    const [first] = await dataSource.query(`select event_id from money_movement where transaction_id = 't4'`);
    const redelivered = { ...tx('L1', 'P1', 'FundsReceived', 't4', '400.00', 'USD', '2025-07-01', '1'), eventId: first.event_id as string, streamVersion: 4 };
    versions.set('agreement-L1', (versions.get('agreement-L1') ?? 1) - 1);
    await projection.apply([redelivered]);
    const [row] = await dataSource.query(`select disbursed::text from agreement_view where agreement_id = 'L1'`);
    expect(row.disbursed).toBe('500.00');
  });

  it('computes the docs/DOMAIN.md §2 figures per cluster for 2026, per currency and in USD at the value date', async () => {
    const groups = await moneyByGroup(sql, await groupKeysSql(sql, 'cluster'), '2026-01-01', '2026-12-31');
    const transport = groups.get('transport')!;
    const at = '2026-12-31';
    const elapsedL1 = days('2025-06-01', at) / days('2025-06-01', '2028-06-30');
    const elapsedK1 = days('2026-01-05', at) / days('2026-01-05', '2028-12-31');
    // USD (L1): C = 1000 − 100 + 100 − 50 = 950; D = 500; awards 650; at the start of 2026: C 1000 (L1 effective before), D 400, A 600.
    expect(transport.currencies.find((c) => c.currency === 'USD')).toEqual({
      currency: 'USD',
      netCommitment: '950.00',
      disbursed: '500.00',
      spent: '300.00',
      awarded: '650.00',
      undisbursed: '450.00',
      uncontracted: '300.00',
      plannedDisbursed: '600.00',
      estimatedCost: '2000.00',
      financingGap: '1050.00',
      disbursementRatio: round4(100 / (1000 - 400)),
      contractAwardRatio: round4(50 / (1000 - 600)),
      disbursementVsPlan: round4(500 / 600),
      elapsed: round4(elapsedL1),
    });
    // KZT (K1, effective in 2026): its whole commitment is in the denominator.
    expect(transport.currencies.find((c) => c.currency === 'KZT')).toEqual({
      currency: 'KZT',
      netCommitment: '500000.00',
      disbursed: '100000.00',
      spent: '0.00',
      awarded: '0.00',
      undisbursed: '400000.00',
      uncontracted: '500000.00',
      plannedDisbursed: '0.00',
      estimatedCost: '0.00',
      financingGap: '-500000.00',
      disbursementRatio: round4(100000 / 500000),
      contractAwardRatio: 0,
      disbursementVsPlan: null,
      elapsed: round4(elapsedK1),
    });
    // In USD: the KZT commitment at the 2026-01-01 rate (0.002 → 1000), the funds at the corrected 2026-02-01 rate (0.0021 → 210).
    expect(transport.usd).toEqual({
      netCommitment: '1950.00',
      disbursed: '710.00',
      spent: '300.00',
      awarded: '650.00',
      undisbursed: '1240.00',
      uncontracted: '1300.00',
      plannedDisbursed: '600.00',
      estimatedCost: '2000.00',
      financingGap: '50.00',
      disbursementRatio: round4((100 + 210) / (1000 - 400 + 1000)),
      contractAwardRatio: round4(50 / (1000 - 600 + 1000)),
      disbursementVsPlan: round4(710 / 600),
      elapsed: round4((950 * elapsedL1 + 1000 * elapsedK1) / 1950),
    });
    expect(transport.missingRates).toEqual([]);
    // Health: the KZT commitment of 2023-05-01 has no rate on or before it: no USD commitment, and it says which rate is missing.
    const health = groups.get('health')!;
    expect(health.usd.netCommitment).toBeNull();
    expect(health.usd.undisbursed).toBeNull();
    expect(health.usd.disbursed).toBe('50.00');
    expect(health.missingRates).toEqual([{ currency: 'KZT', date: '2023-05-01' }]);
    expect(health.currencies.map((c) => [c.currency, c.netCommitment, c.disbursed])).toEqual([
      ['KZT', '1000.00', '0.00'],
      ['USD', '200.00', '50.00'],
    ]);
  });

  it('splits countries by recipient-country percentage and financiers by their agreements', async () => {
    const countries = await moneyByGroup(sql, await groupKeysSql(sql, 'country'), '2026-01-01', '2026-12-31');
    // P1 is 60% KZ / 40% KG, P2 100% KZ.
    expect(countries.get('KZ')!.currencies.find((c) => c.currency === 'USD')!.netCommitment).toBe('770.00'); // 950 × 0.6 + 200
    expect(countries.get('KG')!.currencies.find((c) => c.currency === 'USD')!.netCommitment).toBe('380.00'); // 950 × 0.4
    expect(countries.get('KG')!.usd.disbursed).toBe('284.00'); // (500 + 210) × 0.4
    const financiers = await moneyByGroup(sql, await groupKeysSql(sql, 'financier'), '2026-01-01', '2026-12-31');
    expect(financiers.get('XM-DAC-46004')!.currencies.map((c) => [c.currency, c.netCommitment, c.disbursed, c.awarded])).toEqual([
      ['USD', '1150.00', '550.00', '0.00'],
    ]);
    expect(financiers.get('EBRD')!.currencies.map((c) => [c.currency, c.netCommitment])).toEqual([['KZT', '500000.00']]);
    expect(financiers.get('KZ-GOV')!.usd.netCommitment).toBeNull();
  });

  it('opens the shorthand agreement of a project and financier from AgreementOpened, effective from its date', async () => {
    await projection.apply([
      on(
        'project-P3',
        'P3',
        'ProjectRegistered',
        { projectId: 'P3', title: 'Hotel', cluster: 'tourism', countries: [{ code: 'TJ', percentage: 100 }] },
        'tourism',
      ),
      on(
        'agreement-P3~ISDB',
        'P3',
        'AgreementOpened',
        {
          agreementId: 'P3~ISDB',
          projectId: 'P3',
          effectiveDate: '2026-03-01',
          financier: { ref: 'ISDB', name: 'Islamic Development Bank' },
          currency: 'USD',
          openedBy: 'shorthand',
        },
        'tourism',
      ),
      tx('P3~ISDB', 'P3', 'AgreementCommitmentRecorded', 's1', '700.00', 'USD', '2026-03-01', '11'),
      tx('P3~ISDB', 'P3', 'FundsReceived', 's2', '70.00', 'USD', '2026-04-01', '1'),
      // An old project-stream commitment upcast to v2 names the shorthand agreement and its transaction.
      {
        ...on(
          'project-P3',
          'P3',
          'CommitmentRecorded',
          {
            projectId: 'P3',
            commitmentId: 'old-1',
            agreementId: 'P3~ISDB',
            transactionId: 'old-1',
            amount: '30.00',
            currency: 'USD',
            valueDate: '2026-03-05',
            financier: 'ISDB',
          },
          'tourism',
        ),
        schemaVersion: 2,
      },
    ]);
    const [row] = await dataSource.query(
      `select financier_ref, financier_name, opened_by, effective_on::text, committed::text, disbursed::text from agreement_view where agreement_id = 'P3~ISDB'`,
    );
    expect(row).toEqual({
      financier_ref: 'ISDB',
      financier_name: 'Islamic Development Bank',
      opened_by: 'shorthand',
      effective_on: '2026-03-01',
      committed: '730.00',
      disbursed: '70.00',
    });
    const groups = await moneyByGroup(sql, await groupKeysSql(sql, 'cluster'), '2026-01-01', '2026-12-31');
    // Effective in the period: its whole commitment is the denominator.
    expect(groups.get('tourism')!.usd).toMatchObject({ netCommitment: '730.00', disbursed: '70.00', disbursementRatio: round4(70 / 730) });
  });

  it('counts money as of the end of the period: before the 2026 cancellation and funds, the figures of 2025', async () => {
    const groups = await moneyByGroup(sql, await groupKeysSql(sql, 'cluster'), '2025-01-01', '2025-12-31');
    const usd = groups.get('transport')!.currencies.find((c) => c.currency === 'USD')!;
    // By 2025-12-31: C = 1000 − 100 + 100 = 1000 (the cancellation is of 2026); D = 400; awards 600; plan due 300 (pd1).
    expect([usd.netCommitment, usd.disbursed, usd.awarded, usd.plannedDisbursed]).toEqual(['1000.00', '400.00', '600.00', '300.00']);
    // L1 became effective in 2025: all of its commitment is in the denominator; nothing was undisbursed at the start.
    expect(usd.disbursementRatio).toBe(round4(400 / 1000));
    expect(usd.contractAwardRatio).toBe(round4(600 / 1000));
  });

  it('reads whole quarters from their sums and gives every figure of any period as movement by movement would', async () => {
    // The same statement with every movement read one by one (as before the quarter sums): the reference.
    let rewritten = 0;
    const byMovement: Sql = (text, params) => {
      const quarters = movementsSql({ to: '$2', cuts: { toQuarter: '$3', fromQuarter: '$4' } });
      if (!text.includes(quarters)) return sql(text, params);
      const movements =
        'select project_id, agreement_id, kind, currency, amount, value_date from money_movement where value_date <= $2 and num_nulls($3::date, $4::date) >= 0';
      rewritten += 1;
      return sql(text.replace(quarters, movements), params);
    };
    const day = fc.integer({ min: 0, max: 5 * 365 }).map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const periods: [string, string][] = [
      ['2026-01-01', '2026-12-31'],
      ['2026-01-15', '2026-02-15'],
      ['2025-04-01', '2026-03-31'],
      ['2026-02-01', '2026-03-31'],
      ['2025-07-02', '2025-09-30'],
      ['2023-05-01', '2023-05-01'],
      ...fc.sample(
        fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]),
        12,
      ),
    ];
    const [{ quarters }] = (await dataSource.query('select count(*)::int as quarters from money_quarter')) as [{ quarters: number }];
    expect(quarters).toBeGreaterThan(0);
    for (const [from, to] of periods) {
      for (const groupBy of GROUP_BY) {
        const keys = await groupKeysSql(sql, groupBy);
        expect([groupBy, from, to, await moneyByGroup(sql, keys, from, to)]).toEqual([groupBy, from, to, await moneyByGroup(byMovement, keys, from, to)]);
      }
    }
    expect(rewritten).toBe(periods.length * GROUP_BY.length);
  });
});
