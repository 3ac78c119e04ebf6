import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations, WrongExpectedVersionError } from '@ecab/event-store';
import { DomainRuleViolation } from '@ecab/domain';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import type { CommandContext } from './command-metadata.js';
import { AggregateCommandExecutor } from './aggregate-command-executor.js';

describe('AggregateCommandExecutor (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let executor: AggregateCommandExecutor;
  const context: CommandContext = { commandId: 'cmd-1', correlationId: 'corr-1', actor: 'pm-transport', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };

  beforeAll(async () => {
    database = await createTestDatabase('executor');
    dataSource = createEventStoreDataSource(database.url);
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
    executor = new AggregateCommandExecutor(store);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores the decided events with the metadata every consumer relies on', async () => {
    const outcome = await executor.execute(
      'project',
      { type: 'RegisterProject', data: { projectId: 'ECAB-AQ-01', title: 'Air-quality sensor network, Bishkek', cluster: 'air-quality', countries: [{ code: 'KG', percentage: 100 }] } },
      context,
    );
    expect(outcome.version).toBe(1);
    await executor.execute('project', { type: 'RecordCommitment', data: { projectId: 'ECAB-AQ-01', commitmentId: 'c1', amount: '250000', currency: 'USD', date: '2019-03-01', financier: 'XM-DAC-46004' } }, context);
    const stream = await store.readStream('project-ECAB-AQ-01');
    expect(stream.map((e) => [e.type, e.streamVersion])).toEqual([
      ['ProjectRegistered', 1],
      ['CommitmentRecorded', 2],
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
    await expect(
      executor.execute('project', { type: 'RecordDisbursement', data: { projectId: 'ECAB-AQ-01', disbursementId: 'd1', amount: '250000.01', currency: 'USD', date: '2020-01-01', financier: 'XM-DAC-46004' } }, context),
    ).rejects.toThrow(DomainRuleViolation);
    expect(await store.streamVersion('project-ECAB-AQ-01')).toBe(2);
  });

  it('refuses a command made against a version that is no longer current', async () => {
    await expect(
      executor.execute(
        'project',
        { type: 'RecordDisbursement', data: { projectId: 'ECAB-AQ-01', disbursementId: 'd2', amount: '1.00', currency: 'USD', date: '2020-01-01', financier: 'XM-DAC-46004' } },
        { ...context, expectedVersion: 1 },
      ),
    ).rejects.toThrow(WrongExpectedVersionError);
    expect(await store.streamVersion('project-ECAB-AQ-01')).toBe(2);
  });

  it('lets exactly one of many concurrent commands on the same version win, leaving no gap', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        executor.execute(
          'project',
          { type: 'RecordDisbursement', data: { projectId: 'ECAB-AQ-01', disbursementId: `race-${n}`, amount: '1.00', currency: 'USD', date: '2020-01-01', financier: 'XM-DAC-46004' } },
          { ...context, expectedVersion: 2 },
        ),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(rejected.every((a) => a.reason instanceof WrongExpectedVersionError)).toBe(true);
    const versions = (await store.readStream('project-ECAB-AQ-01')).map((e) => e.streamVersion);
    expect(versions).toEqual([1, 2, 3]);
  });

  it('answers every copy of a command sent many times at once under one Idempotency-Key, storing it once', async () => {
    const before = await store.streamVersion('project-ECAB-AQ-01');
    const idempotency = { key: 'pm:burst-1', requestFingerprint: 'same-request' };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        executor.execute(
          'project',
          { type: 'RecordCommitment', data: { projectId: 'ECAB-AQ-01', commitmentId: 'burst-c', amount: '5.00', currency: 'USD', date: '2020-01-01', financier: 'XM-DAC-46004' } },
          // Each HTTP request is its own command (its own id), even when it repeats another.
          { ...context, commandId: `burst-${n}`, idempotency },
        ),
      ),
    );
    expect(new Set(outcomes.map((o) => o.version))).toEqual(new Set([before + 1]));
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(await store.streamVersion('project-ECAB-AQ-01')).toBe(before + 1);
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
      const outcome = await executor.execute('agreement', sign('AG-AQ-1', 'ECAB-AQ-01'), { ...context, principal: { subject: 'pm', issuer: 'urn:ecab:portfolio', roles: ['program-manager'] } });
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

    it('refuses a command on a project that is not registered, storing nothing', async () => {
      await expect(executor.execute('agreement', sign('AG-NONE', 'NO-SUCH-PROJECT'), context)).rejects.toMatchObject({ problem: { status: 404 } });
      await expect(executor.execute('agreement', { type: 'DeclareAgreementEffective', data: { agreementId: 'AG-NEVER-SIGNED', effectivenessDate: '2025-06-01' } }, context)).rejects.toMatchObject({
        problem: { status: 404 },
      });
      expect(await store.streamVersion('agreement-AG-NONE')).toBe(0);
    });

    it('keeps programme records to admins and program managers of every cluster', async () => {
      const register = { type: 'RegisterProgramme', data: { programmeId: 'ECAB', names: { en: 'Economic Corridor Almaty–Bishkek' }, clusters: ['transport'] } } as const;
      await expect(executor.execute('programme', register, { ...context, principal: transportManager })).rejects.toMatchObject({ problem: { status: 403 } });
      const outcome = await executor.execute('programme', register, { ...context, principal: { subject: 'root', issuer: 'urn:ecab:portfolio', roles: ['admin'] } });
      expect(outcome).toMatchObject({ streamId: 'programme-ECAB', projectId: undefined, subject: 'ECAB', version: 1 });
      const [registered] = await store.readStream('programme-ECAB');
      expect(registered!.metadata.cluster).toBeUndefined();
      expect(registered!.metadata.subject).toBe('ECAB');
    });
  });
});
