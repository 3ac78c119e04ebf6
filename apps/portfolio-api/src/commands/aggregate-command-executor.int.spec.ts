import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations, WrongExpectedVersionError } from '@ecab/event-store';
import { DomainRuleViolation } from '@ecab/domain';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import type { CommandContext } from './command-metadata.js';
import { ProjectCommandExecutor } from './project-command-executor.js';

describe('ProjectCommandExecutor (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let executor: ProjectCommandExecutor;
  const context: CommandContext = { commandId: 'cmd-1', correlationId: 'corr-1', actor: 'pm-transport', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };

  beforeAll(async () => {
    database = await createTestDatabase('executor');
    dataSource = createEventStoreDataSource(database.url);
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
    executor = new ProjectCommandExecutor(store);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores the decided events with the metadata every consumer relies on', async () => {
    const outcome = await executor.execute(
      'ECAB-AQ-01',
      { type: 'RegisterProject', data: { projectId: 'ECAB-AQ-01', title: 'Air-quality sensor network, Bishkek', cluster: 'air-quality', countries: [{ code: 'KG', percentage: 100 }] } },
      context,
    );
    expect(outcome.version).toBe(1);
    await executor.execute('ECAB-AQ-01', { type: 'RecordCommitment', data: { projectId: 'ECAB-AQ-01', commitmentId: 'c1', amount: '250000', currency: 'USD', date: '2019-03-01', financier: 'XM-DAC-46004' } }, context);
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
      executor.execute('ECAB-AQ-01', { type: 'RecordDisbursement', data: { projectId: 'ECAB-AQ-01', disbursementId: 'd1', amount: '250000.01', currency: 'USD', date: '2020-01-01', financier: 'XM-DAC-46004' } }, context),
    ).rejects.toThrow(DomainRuleViolation);
    expect(await store.streamVersion('project-ECAB-AQ-01')).toBe(2);
  });

  it('refuses a command made against a version that is no longer current', async () => {
    await expect(
      executor.execute(
        'ECAB-AQ-01',
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
          'ECAB-AQ-01',
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
});
