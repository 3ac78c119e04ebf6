import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { projectRegistered } from '../test-support/project-fixtures.js';
import { statusChanged } from '../test-support/project-lifecycle-fixtures.js';
import type { ProjectEvent } from './events.js';
import { evolveProject, initialProjectState, type ProjectState } from './project-state.js';
import { refuseRecordsAfterEnd } from './records-after-end.js';

const projectAfter = (...events: ProjectEvent[]): ProjectState => events.reduce(evolveProject, initialProjectState());
const record = (type: string, effectiveDate: string) => ({ type, data: { projectId: 'ECAB-TR-01', effectiveDate } });
const refusal = (project: ProjectState, events: { type: string; data: object }[]) => {
  try {
    refuseRecordsAfterEnd(project, events);
  } catch (error) {
    return error as DomainRuleViolation;
  }
  return undefined;
};

describe('records after a project ended', () => {
  const implementing = [projectRegistered(), statusChanged('1', '2', 'implementation', { effectiveDate: '2020-01-01' })];
  const closed = projectAfter(
    ...implementing,
    statusChanged('2', '3', 'completed', { effectiveDate: '2025-12-31' }),
    statusChanged('3', '4', 'closed', { effectiveDate: '2026-06-30' }),
  );
  const cancelled = projectAfter(...implementing, statusChanged('2', '5', 'implementation', { effectiveDate: '2024-03-15', reason: 'Financing withdrawn' }));

  it('remembers the day the project was closed or cancelled, and forgets it when a correction reopens it', () => {
    expect(closed).toMatchObject({ status: '4', endedOn: '2026-06-30' });
    expect(cancelled).toMatchObject({ status: '5', endedOn: '2024-03-15' });
    expect(projectAfter(...implementing)).toMatchObject({ endedOn: undefined });
    const reopened = projectAfter(
      ...implementing,
      statusChanged('2', '5', 'implementation', { effectiveDate: '2024-03-15', reason: 'x' }),
      statusChanged('5', '2', 'implementation', { effectiveDate: '2024-04-01', reason: 'Cancelled by mistake', correction: true }),
    );
    expect(reopened).toMatchObject({ status: '2', endedOn: undefined });
    expect(refusal(reopened, [record('FundsReceived', '2024-05-01')])).toBeUndefined();
  });

  it('refuses a record effective after the end, naming the project, the day and the record', () => {
    const violation = refusal(closed, [record('FundsReceived', '2026-07-01')]);
    expect(violation).toBeInstanceOf(DomainRuleViolation);
    expect(violation).toMatchObject({
      code: 'PROJECT_ENDED',
      message: 'Project ECAB-TR-01 was closed on 2026-06-30; nothing new is recorded for it after that day (FundsReceived effective 2026-07-01)',
      details: { projectId: 'ECAB-TR-01', status: '4', endedOn: '2026-06-30', eventType: 'FundsReceived', effectiveDate: '2026-07-01' },
    });
    expect(refusal(cancelled, [record('MilestoneAchieved', '2024-03-16')])?.message).toBe(
      'Project ECAB-TR-01 was cancelled on 2024-03-15; nothing new is recorded for it after that day (MilestoneAchieved effective 2024-03-16)',
    );
    // Any event of the decision is enough to refuse it.
    expect(refusal(closed, [record('ContractAwarded', '2026-06-01'), record('ContractAwarded', '2026-07-01')])?.code).toBe('PROJECT_ENDED');
  });

  it('accepts a late report of what happened on or before the end, and the records that wind the project down', () => {
    expect(refusal(closed, [record('FundsReceived', '2026-06-30'), record('ActualReported', '2025-01-01')])).toBeUndefined();
    for (const type of ['FundsCancelled', 'TransactionReversed', 'MilestoneDropped', 'IssueResolved', 'ContractTerminated']) {
      expect(refusal(closed, [record(type, '2027-01-15')])).toBeUndefined();
    }
  });

  it('leaves a project that goes on, or one not registered, to the other rules', () => {
    expect(refusal(projectAfter(...implementing), [record('FundsReceived', '2099-01-01')])).toBeUndefined();
    expect(refusal(initialProjectState(), [record('FundsReceived', '2099-01-01')])).toBeUndefined();
  });
});
