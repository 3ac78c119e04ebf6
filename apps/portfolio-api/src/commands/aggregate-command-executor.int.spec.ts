import { jest } from '@jest/globals';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations, WrongExpectedVersionError } from '@ecab/event-store';
import { DomainRuleViolation } from '@ecab/domain';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import type { CommandContext } from './command-metadata.js';
import { AggregateCommandExecutor } from './aggregate-command-executor.js';
import { FoldedStreams } from './folded-streams.js';

describe('AggregateCommandExecutor (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let executor: AggregateCommandExecutor;
  const SHORTHAND_STREAM = 'agreement-ECAB-AQ-01~XM-DAC-46004';
  const shorthand = (projectId: string, financier: string) => ({ agreementId: `${projectId}~${financier}`, projectId, financier, currency: 'USD' });
  const commitment = (id: string, amount: string, date = '2020-01-01', projectId = 'ECAB-AQ-01', financier = 'XM-DAC-46004') =>
    ({ type: 'RecordCommitment', data: { ...shorthand(projectId, financier), commitmentId: id, amount, date } }) as const;
  const disbursement = (id: string, amount: string, date = '2020-01-01', projectId = 'ECAB-AQ-01', financier = 'XM-DAC-46004') =>
    ({ type: 'RecordDisbursement', data: { ...shorthand(projectId, financier), disbursementId: id, amount, date } }) as const;
  const context: CommandContext = {
    commandId: 'cmd-1',
    correlationId: 'corr-1',
    actor: 'pm-transport',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  };

  beforeAll(async () => {
    database = await createTestDatabase('executor');
    dataSource = createEventStoreDataSource(database.url);
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
    executor = new AggregateCommandExecutor(store, new FoldedStreams(store));
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores the decided events with the metadata every consumer relies on', async () => {
    const outcome = await executor.execute(
      'project',
      {
        type: 'RegisterProject',
        data: { projectId: 'ECAB-AQ-01', title: 'Air-quality sensor network, Bishkek', cluster: 'air-quality', countries: [{ code: 'KG', percentage: 100 }] },
      },
      context,
    );
    expect(outcome.version).toBe(1);
    const committed = await executor.execute('agreement', commitment('c1', '250000', '2019-03-01'), context);
    expect(committed).toMatchObject({ streamId: SHORTHAND_STREAM, projectId: 'ECAB-AQ-01', subject: 'ECAB-AQ-01', version: 2 });
    expect((await store.readStream('project-ECAB-AQ-01')).map((e) => e.type)).toEqual(['ProjectRegistered']);
    const stream = await store.readStream(SHORTHAND_STREAM);
    expect(stream.map((e) => [e.type, e.streamVersion])).toEqual([
      ['AgreementOpened', 1],
      ['AgreementCommitmentRecorded', 2],
    ]);
    // The cluster is known from the registration, so later events carry it for the relay's topic choice.
    expect(stream[1]!.metadata).toEqual({
      subject: 'ECAB-AQ-01',
      cluster: 'air-quality',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: 'pm-transport',
      traceparent: context.traceparent,
    });
    expect(stream[1]!.data).toMatchObject({ amount: '250000.00', valueDate: '2019-03-01' });
  });

  it('stores nothing when a rule is broken', async () => {
    await expect(executor.execute('agreement', disbursement('d1', '250000.01'), context)).rejects.toThrow(DomainRuleViolation);
    expect(await store.streamVersion(SHORTHAND_STREAM)).toBe(2);
  });

  it('refuses a command made against a version that is no longer current', async () => {
    await expect(executor.execute('agreement', disbursement('d2', '1.00'), { ...context, expectedVersion: 1 })).rejects.toThrow(WrongExpectedVersionError);
    expect(await store.streamVersion(SHORTHAND_STREAM)).toBe(2);
  });

  it('lets exactly one of many concurrent commands on the same version win, leaving no gap', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) => executor.execute('agreement', disbursement(`race-${n}`, '1.00'), { ...context, expectedVersion: 2 })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(rejected.every((a) => a.reason instanceof WrongExpectedVersionError)).toBe(true);
    const versions = (await store.readStream(SHORTHAND_STREAM)).map((e) => e.streamVersion);
    expect(versions).toEqual([1, 2, 3]);
  });

  it('answers every copy of a command sent many times at once under one Idempotency-Key, storing it once', async () => {
    const before = await store.streamVersion(SHORTHAND_STREAM);
    const idempotency = { key: 'pm:burst-1', requestFingerprint: 'same-request' };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        executor.execute(
          'agreement',
          commitment('burst-c', '5.00', '2020-01-01'),
          // Each HTTP request is its own command (its own id), even when it repeats another.
          { ...context, commandId: `burst-${n}`, idempotency },
        ),
      ),
    );
    expect(new Set(outcomes.map((o) => o.version))).toEqual(new Set([before + 1]));
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(await store.streamVersion(SHORTHAND_STREAM)).toBe(before + 1);
  });

  describe('commands of other aggregates', () => {
    const sign = (agreementId: string, projectId: string) =>
      ({
        type: 'SignAgreement',
        data: {
          agreementId,
          projectId,
          agreementNumber: '0900-KGZ',
          financier: { organisationId: 'XM-DAC-46004' },
          instrument: 'grant',
          financeType: '110',
          flowType: '10',
          aidType: 'C01',
          amount: '1000000',
          currency: 'USD',
          signedDate: '2025-03-14',
        },
      }) as const;
    const transportManager = { subject: 'pm-t', issuer: 'urn:ecab:portfolio', roles: ['program-manager'] as const, clusters: ['transport'] };

    it('puts an agreement on its project: subject, cluster (the topic) and roles travel in the metadata', async () => {
      const outcome = await executor.execute('agreement', sign('AG-AQ-1', 'ECAB-AQ-01'), {
        ...context,
        principal: { subject: 'pm', issuer: 'urn:ecab:portfolio', roles: ['program-manager'] },
      });
      expect(outcome).toMatchObject({ streamId: 'agreement-AG-AQ-1', projectId: 'ECAB-AQ-01', subject: 'ECAB-AQ-01', version: 1, replayed: false });
      const [signed] = await store.readStream('agreement-AG-AQ-1');
      expect(signed!.metadata).toMatchObject({ subject: 'ECAB-AQ-01', cluster: 'air-quality', actor: 'pm-transport', roles: ['program-manager'] });
    });

    it('finds the project of a later agreement command from the stream, and scopes it by that project’s cluster', async () => {
      const declare = { type: 'DeclareAgreementEffective', data: { agreementId: 'AG-AQ-1', effectivenessDate: '2025-06-01' } } as const;
      await expect(executor.execute('agreement', declare, { ...context, principal: transportManager })).rejects.toMatchObject({ problem: { status: 403 } });
      expect(await store.streamVersion('agreement-AG-AQ-1')).toBe(1);
      const outcome = await executor.execute('agreement', declare, context);
      expect(outcome).toMatchObject({ projectId: 'ECAB-AQ-01', version: 2 });
    });

    it('reads a later agreement command’s stream and its project’s in one statement, and sees what was stored since', async () => {
      await executor.execute(
        'project',
        {
          type: 'RegisterProject',
          data: { projectId: 'ECAB-AQ-07', title: 'Dust monitors, Osh', cluster: 'air-quality', countries: [{ code: 'KG', percentage: 100 }] },
        },
        context,
      );
      await executor.execute('agreement', sign('AG-AQ-7', 'ECAB-AQ-07'), context);
      const declare = { type: 'DeclareAgreementEffective', data: { agreementId: 'AG-AQ-7', effectivenessDate: '2025-06-01' } } as const;
      await executor.execute('agreement', declare, context); // folded the agreement at version 1 (signed), stored version 2
      await new AggregateCommandExecutor(store, new FoldedStreams(store)).execute(
        'project',
        { type: 'CancelProject', data: { projectId: 'ECAB-AQ-07', reason: 'Financing withdrawn', effectiveDate: '2025-07-01' } },
        context,
      );
      const reads = jest.spyOn(store, 'readStreams');
      const single = jest.spyOn(store, 'readStream');
      try {
        await expect(executor.execute('agreement', declare, context)).rejects.toMatchObject({ code: 'AGREEMENT_ALREADY_EFFECTIVE' });
        expect(reads).toHaveBeenCalledTimes(1);
        expect(reads.mock.calls[0]![0]).toEqual([
          { streamId: 'agreement-AG-AQ-7', fromVersion: 2 },
          { streamId: 'project-ECAB-AQ-07', fromVersion: 2 },
        ]);
        expect(single).not.toHaveBeenCalled();
      } finally {
        reads.mockRestore();
        single.mockRestore();
      }
    });

    it('refuses what a project records after it was cancelled, storing nothing, and accepts late reports and winding down', async () => {
      const project = 'ECAB-HE-09';
      const agreement = `agreement-${project}~XM-DAC-46004`;
      await executor.execute(
        'project',
        {
          type: 'RegisterProject',
          data: { projectId: project, title: 'Mobile clinics, Issyk-Kul', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] },
        },
        context,
      );
      await executor.execute('agreement', commitment('c1', '1000', '2020-01-01', project), context);
      await executor.execute(
        'project',
        { type: 'CancelProject', data: { projectId: project, reason: 'Financing withdrawn', effectiveDate: '2021-06-30' } },
        context,
      );
      const before = await store.streamVersion(agreement);
      await expect(executor.execute('agreement', disbursement('d-late', '100', '2021-07-01', project), context)).rejects.toMatchObject({
        code: 'PROJECT_ENDED',
        details: { projectId: project, status: '5', endedOn: '2021-06-30', eventType: 'FundsReceived', effectiveDate: '2021-07-01' },
      });
      expect(await store.streamVersion(agreement)).toBe(before);
      // Released before the cancellation, reported afterwards: accepted.
      await executor.execute('agreement', disbursement('d-before', '100', '2021-06-30', project), context);
      // The undisbursed balance cancelled after the project ended: accepted.
      const cancel = {
        type: 'CancelFunds',
        data: {
          agreementId: `${project}~XM-DAC-46004`,
          transactionId: 'x1',
          amount: '900',
          currency: 'USD',
          valueDate: '2021-08-01',
          reason: 'Project cancelled',
        },
      } as const;
      await executor.execute('agreement', cancel, context);
      expect((await store.readStream(agreement)).slice(before).map((e) => e.type)).toEqual(['FundsReceived', 'FundsCancelled']);
    });

    it('refuses a command on a project that is not registered, storing nothing', async () => {
      await expect(executor.execute('agreement', sign('AG-NONE', 'NO-SUCH-PROJECT'), context)).rejects.toMatchObject({ problem: { status: 404 } });
      await expect(
        executor.execute(
          'agreement',
          { type: 'DeclareAgreementEffective', data: { agreementId: 'AG-NEVER-SIGNED', effectivenessDate: '2025-06-01' } },
          context,
        ),
      ).rejects.toMatchObject({
        problem: { status: 404 },
      });
      expect(await store.streamVersion('agreement-AG-NONE')).toBe(0);
    });

    it('merges an organisation only into one registered on its own stream, storing nothing otherwise', async () => {
      const register = (organisationId: string) =>
        ({
          type: 'RegisterOrganisation',
          data: { organisationId, names: { en: `Ministry ${organisationId}` }, type: '10', countryCode: 'KZ', effectiveDate: '2019-06-17' },
        }) as const;
      const merge = (intoOrganisationId: string) =>
        ({ type: 'MergeOrganisation', data: { organisationId: 'KZ-MNE', intoOrganisationId, effectiveDate: '2024-01-01' } }) as const;
      await executor.execute('organisation', register('KZ-MNE'), context);
      await expect(executor.execute('organisation', merge('KZ-NOWHERE'), context)).rejects.toMatchObject({
        code: 'MERGE_TARGET_NOT_REGISTERED',
        details: { field: 'intoOrganisationId', intoOrganisationId: 'KZ-NOWHERE' },
      });
      expect(await store.streamVersion('organisation-KZ-MNE')).toBe(1);
      await executor.execute('organisation', register('KZ-MTI'), context);
      expect(await executor.execute('organisation', merge('KZ-MTI'), context)).toMatchObject({ streamId: 'organisation-KZ-MNE', version: 2 });
    });

    it('keeps programme records to admins and program managers of every cluster', async () => {
      const register = {
        type: 'RegisterProgramme',
        data: { programmeId: 'ECAB', names: { en: 'Economic Corridor Almaty–Bishkek' }, clusters: ['transport'] },
      } as const;
      await expect(executor.execute('programme', register, { ...context, principal: transportManager })).rejects.toMatchObject({ problem: { status: 403 } });
      const outcome = await executor.execute('programme', register, {
        ...context,
        principal: { subject: 'root', issuer: 'urn:ecab:portfolio', roles: ['admin'] },
      });
      expect(outcome).toMatchObject({ streamId: 'programme-ECAB', projectId: undefined, subject: 'ECAB', version: 1 });
      const [registered] = await store.readStream('programme-ECAB');
      expect(registered!.metadata.cluster).toBeUndefined();
      expect(registered!.metadata.subject).toBe('ECAB');
    });

    it('refuses a shorthand from a manager of another cluster before looking at the project’s agreements', async () => {
      const healthManager = { subject: 'pm-h', issuer: 'urn:ecab:portfolio', roles: ['program-manager'] as const, clusters: ['health'] };
      await expect(executor.execute('agreement', commitment('not-mine', '1.00'), { ...context, principal: healthManager })).rejects.toMatchObject({
        problem: { status: 403 },
      });
    });

    it('the shorthand refuses to guess once the project has two agreements with that financier', async () => {
      // ECAB-AQ-01 has its shorthand agreement with ADB and, since the test above, the signed AG-AQ-1 with ADB.
      await expect(executor.execute('agreement', commitment('after-signing', '1.00'), context)).rejects.toMatchObject({
        code: 'FINANCIER_AGREEMENT_AMBIGUOUS',
        details: { agreementIds: ['AG-AQ-1', 'ECAB-AQ-01~XM-DAC-46004'] },
      });
    });

    it('the shorthand records on the only agreement of the project with that financier, found by the index', async () => {
      await executor.execute(
        'project',
        {
          type: 'RegisterProject',
          data: { projectId: 'ECAB-AQ-02', title: 'Clean buses', cluster: 'air-quality', countries: [{ code: 'KZ', percentage: 100 }] },
        },
        context,
      );
      await executor.execute(
        'agreement',
        {
          ...sign('AG-WB-2', 'ECAB-AQ-02'),
          data: { ...sign('AG-WB-2', 'ECAB-AQ-02').data, financier: { organisationId: 'XM-DAC-44000', name: 'World Bank' } },
        },
        context,
      );
      const outcome = await executor.execute('agreement', commitment('wb-c1', '300.00', '2025-04-01', 'ECAB-AQ-02', 'XM-DAC-44000'), context);
      expect(outcome).toMatchObject({
        streamId: 'agreement-AG-WB-2',
        version: 2,
        events: [{ type: 'AgreementCommitmentRecorded', data: { agreementId: 'AG-WB-2', transactionId: 'wb-c1' } }],
      });
      // A financier without an agreement of this project gets its own shorthand agreement.
      const other = await executor.execute('agreement', commitment('adb-c1', '10.00', '2025-04-01', 'ECAB-AQ-02'), context);
      expect(other).toMatchObject({ streamId: 'agreement-ECAB-AQ-02~XM-DAC-46004', version: 2 });
      expect(other.events.map((e) => e.type)).toEqual(['AgreementOpened', 'AgreementCommitmentRecorded']);
    });

    it('two api instances, each keeping its own folded streams, decide on what the other stored', async () => {
      const other = new AggregateCommandExecutor(store, new FoldedStreams(store));
      const record = (id: string, date = '2025-04-02') => commitment(id, '1.00', date, 'ECAB-AQ-02', 'XM-DAC-44000');
      const before = await store.streamVersion('agreement-AG-WB-2');
      // No expected version: each append carries the version its instance folded to, so a stale fold would conflict.
      expect((await executor.execute('agreement', record('two-1'), context)).version).toBe(before + 1);
      expect((await other.execute('agreement', record('two-2'), context)).version).toBe(before + 2);
      expect((await executor.execute('agreement', record('two-3'), context)).version).toBe(before + 3);
      // The project, folded by the first instance while open, is cancelled through the second: the first sees it ended.
      await other.execute(
        'project',
        { type: 'CancelProject', data: { projectId: 'ECAB-AQ-02', reason: 'Financing withdrawn', effectiveDate: '2025-05-01' } },
        context,
      );
      await expect(executor.execute('agreement', record('two-4', '2025-05-02'), context)).rejects.toMatchObject({
        code: 'PROJECT_ENDED',
        details: { projectId: 'ECAB-AQ-02', endedOn: '2025-05-01' },
      });
      expect(await store.streamVersion('agreement-AG-WB-2')).toBe(before + 3);
    });

    it('counts the project-stream money of before agreements (stored v1, untouched) under the shorthand agreement', async () => {
      await executor.execute(
        'project',
        {
          type: 'RegisterProject',
          data: { projectId: 'ECAB-AQ-03', title: 'Old money', cluster: 'air-quality', countries: [{ code: 'KG', percentage: 100 }] },
        },
        context,
      );
      const v1 = { projectId: 'ECAB-AQ-03', currency: 'USD', valueDate: '2019-01-01', financier: 'XM-DAC-46004' };
      await store.append('project-ECAB-AQ-03', 1, [
        {
          type: 'CommitmentRecorded',
          schemaVersion: 1,
          data: { ...v1, commitmentId: 'old-c', amount: '100.00' },
          metadata: { subject: 'ECAB-AQ-03', cluster: 'air-quality' },
        },
        {
          type: 'DisbursementRecorded',
          schemaVersion: 1,
          data: { ...v1, disbursementId: 'old-d', amount: '40.00' },
          metadata: { subject: 'ECAB-AQ-03', cluster: 'air-quality' },
        },
      ]);
      const stored = await store.readStream('project-ECAB-AQ-03');
      await expect(executor.execute('agreement', disbursement('new-d', '60.01', '2020-01-01', 'ECAB-AQ-03'), context)).rejects.toMatchObject({
        code: 'FUNDS_RECEIVED_EXCEED_COMMITMENT',
      });
      await expect(executor.execute('agreement', commitment('old-c', '1.00', '2020-01-01', 'ECAB-AQ-03'), context)).rejects.toMatchObject({
        code: 'DUPLICATE_TRANSACTION_ID',
      });
      const outcome = await executor.execute('agreement', disbursement('new-d', '60.00', '2020-01-01', 'ECAB-AQ-03'), context);
      expect(outcome).toMatchObject({ streamId: 'agreement-ECAB-AQ-03~XM-DAC-46004', version: 2 });
      expect(outcome.events.map((e) => e.type)).toEqual(['AgreementOpened', 'FundsReceived']);
      expect(await store.readStream('project-ECAB-AQ-03')).toEqual(stored);
      // Later commands on the agreement itself see the old money too: it can be reversed there.
      const reversal = await executor.execute(
        'agreement',
        {
          type: 'ReverseTransaction',
          data: {
            agreementId: 'ECAB-AQ-03~XM-DAC-46004',
            transactionId: 'old-d',
            reasonCode: 'DUPLICATE_ENTRY',
            source: { citation: 'Ledger check', confidence: 'confirmed' },
          },
        },
        context,
      );
      expect(reversal.events).toMatchObject([
        { type: 'TransactionReversed', data: { transactionId: 'old-d', reversedEventType: 'FundsReceived', amount: '40.00' } },
      ]);
    });
  });

  describe('exchange rates', () => {
    const admin = { subject: 'root', issuer: 'urn:ecab:portfolio', roles: ['admin'] as const };
    const record = (currency: string, rates: { date: string; usdPerUnit: string }[]) => ({ type: 'RecordExchangeRates', data: { currency, rates } }) as const;

    it('records the rates of several currencies, one stream each, and nothing again for the same rates', async () => {
      const first = await executor.executeAll(
        'exchange-rates',
        [record('KZT', [{ date: '2024-06-03', usdPerUnit: '0.002235' }]), record('KGS', [{ date: '2024-06-03', usdPerUnit: '0.01137' }])],
        {
          ...context,
          principal: admin,
        },
      );
      expect(first).toMatchObject({ streamId: 'exchange-rates-KGS', subject: 'exchange-rates', projectId: undefined, version: 1 });
      expect(first.streams).toEqual([
        { streamId: 'exchange-rates-KZT', version: 1 },
        { streamId: 'exchange-rates-KGS', version: 1 },
      ]);
      const [kzt] = await store.readStream('exchange-rates-KZT');
      expect(kzt!.metadata).toMatchObject({ subject: 'exchange-rates' });
      expect(kzt!.metadata.cluster).toBeUndefined();
      const again = await executor.executeAll('exchange-rates', [record('KZT', [{ date: '2024-06-03', usdPerUnit: '0.0022350' }])], context);
      expect(again.events).toEqual([]);
      expect(again.streams).toEqual([]);
      expect(await store.streamVersion('exchange-rates-KZT')).toBe(1);
    });

    it('answers a retried request of several currencies (Idempotency-Key) with its first answer, storing nothing new', async () => {
      const commands = [record('KZT', [{ date: '2024-06-04', usdPerUnit: '0.00224' }]), record('KGS', [{ date: '2024-06-04', usdPerUnit: '0.01136' }])];
      const keyed = { ...context, commandId: 'rates-1', idempotency: { key: 'pm:rates-1', requestFingerprint: 'rates' } };
      const first = await executor.executeAll('exchange-rates', commands, keyed);
      expect(first.streams).toEqual([
        { streamId: 'exchange-rates-KZT', version: 2 },
        { streamId: 'exchange-rates-KGS', version: 2 },
      ]);
      const again = await executor.executeAll('exchange-rates', commands, { ...keyed, commandId: 'rates-1-retry' });
      expect(again).toEqual({ ...first, replayed: true });
      expect(await store.streamVersion('exchange-rates-KGS')).toBe(2);
    });

    it('stores nothing of a request with one refused rate, and keeps it to programme-wide roles', async () => {
      await expect(
        executor.executeAll(
          'exchange-rates',
          [record('TRY', [{ date: '2024-06-03', usdPerUnit: '0.03' }]), record('KGS', [{ date: '2024-06-04', usdPerUnit: '0' }])],
          context,
        ),
      ).rejects.toMatchObject({
        code: 'EXCHANGE_RATE_NOT_POSITIVE',
      });
      expect(await store.streamVersion('exchange-rates-TRY')).toBe(0);
      const transportManager = { subject: 'pm-t', issuer: 'urn:ecab:portfolio', roles: ['program-manager'] as const, clusters: ['transport'] };
      await expect(
        executor.executeAll('exchange-rates', [record('TRY', [{ date: '2024-06-03', usdPerUnit: '0.03' }])], { ...context, principal: transportManager }),
      ).rejects.toMatchObject({
        problem: { status: 403 },
      });
    });
  });
});
