import { commitmentRecorded, disbursementRecorded, projectRegistered } from '../test-support/project-fixtures.js';
import { PROJECT_EVENT_SCHEMA_VERSION, PROJECT_EVENT_TYPES, projectCloudEventType, type ProjectEvent } from './events.js';
import { evolveProject, initialProjectState } from './project-state.js';
import { projectStreamId } from './stream.js';

describe('Project events', () => {
  it('are at schema version 1, except the money of before agreements, read as v2 (it names its agreement)', () => {
    const { CommitmentRecorded, DisbursementRecorded, ...others } = PROJECT_EVENT_SCHEMA_VERSION;
    expect({ CommitmentRecorded, DisbursementRecorded }).toEqual({ CommitmentRecorded: 2, DisbursementRecorded: 2 });
    expect(new Set(Object.values(others))).toEqual(new Set([1]));
  });

  it('have public CloudEvents type names', () => {
    expect(PROJECT_EVENT_TYPES.map(projectCloudEventType)).toEqual(
      expect.arrayContaining([
        'ecab.project.registered.v1',
        'ecab.project.commitment-recorded.v2',
        'ecab.project.disbursement-recorded.v2',
        'ecab.project.status-changed.v1',
      ]),
    );
  });

  it('are plain JSON that survives a round trip through the store unchanged', () => {
    const events: ProjectEvent[] = [projectRegistered(), commitmentRecorded(), disbursementRecorded()];
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('live in the stream project-<projectId>', () => {
    expect(projectStreamId('ECAB-TR-01')).toBe('project-ECAB-TR-01');
  });
});

describe('evolveProject', () => {
  it('starts from a project that does not exist', () => {
    expect(initialProjectState()).toEqual({ exists: false });
  });

  it('still folds an old stream with money on it (stored v1 rows): the money counts on the agreement, not here', () => {
    const { agreementId: _a, transactionId: _t, ...storedV1 } = commitmentRecorded().data;
    const oldStream = [
      projectRegistered(),
      { type: 'CommitmentRecorded', data: storedV1 } as unknown as ProjectEvent,
      disbursementRecorded({ amount: '0.10' }),
    ];
    const state = oldStream.reduce(evolveProject, initialProjectState());
    expect(state).toEqual(evolveProject(initialProjectState(), projectRegistered()));
  });
});
