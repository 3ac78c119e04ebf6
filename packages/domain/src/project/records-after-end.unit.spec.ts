import type { Decider } from '../decider/decider.js';
import { context, projectRegistered } from '../test-support/project-fixtures.js';
import { statusChanged } from '../test-support/project-lifecycle-fixtures.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { ProjectEvent } from './events.js';
import { evolveProject, initialProjectState, type ProjectState } from './project-state.js';
import { refuseRecordsAfterEnd } from './records-after-end.js';

// The executor's step, as a decider: given the project's events, when another aggregate of the project has decided
// some events, then they are stored as they are, or refused.
type Decided = { type: string; data: { projectId: string; effectiveDate: string } };
type Recording = { type: 'Record'; data: { events: Decided[] } };
const recordsOfProject: Decider<Recording, ProjectEvent | Decided, ProjectState, typeof context> = {
  initialState: initialProjectState,
  evolve: (state, event) => evolveProject(state, event as ProjectEvent),
  decide: ({ data }, state) => {
    refuseRecordsAfterEnd(state, data.events);
    return data.events;
  },
};
const given = deciderSpecification(recordsOfProject, context);
const decided = (type: string, effectiveDate: string): Decided => ({ type, data: { projectId: 'ECAB-TR-01', effectiveDate } });
const recording = (...events: Decided[]): Recording => ({ type: 'Record', data: { events } });
const projectAfter = (events: ProjectEvent[]): ProjectState => events.reduce(evolveProject, initialProjectState());

describe('records after a project ended', () => {
  const implementing = [projectRegistered(), statusChanged('1', '2', 'implementation', { effectiveDate: '2020-01-01' })];

  const closed = [
    ...implementing,
    statusChanged('2', '3', 'completed', { effectiveDate: '2025-12-31' }),
    statusChanged('3', '4', 'closed', { effectiveDate: '2026-06-30' }),
  ];

  const cancelled = [...implementing, statusChanged('2', '5', 'implementation', { effectiveDate: '2024-03-15', reason: 'Financing withdrawn' })];

  it('remembers the day the project was closed or cancelled, and forgets it when a correction reopens it', () => {
    expect(projectAfter(closed)).toMatchObject({ status: '4', endedOn: '2026-06-30' });
    expect(projectAfter(cancelled)).toMatchObject({ status: '5', endedOn: '2024-03-15' });
    expect(projectAfter(implementing)).toMatchObject({ endedOn: undefined });
    const reopened = [
      ...cancelled,
      statusChanged('5', '2', 'implementation', { effectiveDate: '2024-04-01', reason: 'Cancelled by mistake', correction: true }),
    ];
    expect(projectAfter(reopened)).toMatchObject({ status: '2', endedOn: undefined });
    given(reopened)
      .when(recording(decided('FundsReceived', '2024-05-01')))
      .then([decided('FundsReceived', '2024-05-01')]);
  });

  it('refuses a record effective after the end, naming the project, the day and the record', () => {
    given(closed)
      .when(recording(decided('FundsReceived', '2026-07-01')))
      .thenThrows('PROJECT_ENDED', {
        message: 'Project ECAB-TR-01 was closed on 2026-06-30; nothing new is recorded for it after that day (FundsReceived effective 2026-07-01)',
        details: { projectId: 'ECAB-TR-01', status: '4', endedOn: '2026-06-30', eventType: 'FundsReceived', effectiveDate: '2026-07-01' },
      });
    given(cancelled)
      .when(recording(decided('MilestoneAchieved', '2024-03-16')))
      .thenThrows('PROJECT_ENDED', {
        message: 'Project ECAB-TR-01 was cancelled on 2024-03-15; nothing new is recorded for it after that day (MilestoneAchieved effective 2024-03-16)',
      });
    // Any event of the decision is enough to refuse it.
    given(closed)
      .when(recording(decided('ContractAwarded', '2026-06-01'), decided('ContractAwarded', '2026-07-01')))
      .thenThrows('PROJECT_ENDED', {
        details: { projectId: 'ECAB-TR-01', status: '4', endedOn: '2026-06-30', eventType: 'ContractAwarded', effectiveDate: '2026-07-01' },
      });
  });

  it('accepts a late report of what happened on or before the end, and the records that wind the project down', () => {
    given(closed)
      .when(recording(decided('FundsReceived', '2026-06-30'), decided('ActualReported', '2025-01-01')))
      .then([decided('FundsReceived', '2026-06-30'), decided('ActualReported', '2025-01-01')]);
    for (const type of ['FundsCancelled', 'TransactionReversed', 'MilestoneDropped', 'IssueResolved', 'ContractTerminated']) {
      given(closed)
        .when(recording(decided(type, '2027-01-15')))
        .then([decided(type, '2027-01-15')]);
    }
  });

  it('leaves a project that goes on, or one not registered, to the other rules', () => {
    given(implementing)
      .when(recording(decided('FundsReceived', '2099-01-01')))
      .then([decided('FundsReceived', '2099-01-01')]);
    given([])
      .when(recording(decided('FundsReceived', '2099-01-01')))
      .then([decided('FundsReceived', '2099-01-01')]);
  });
});
