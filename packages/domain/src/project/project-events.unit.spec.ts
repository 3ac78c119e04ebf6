import {
  PROJECT_EVENT_SCHEMA_VERSION,
  PROJECT_EVENT_TYPES,
  projectCloudEventType,
  type ProjectEvent,
} from './events.js';
import { evolveProject, initialProjectState } from './project-state.js';
import { projectStreamId } from './stream.js';
import { commitmentRecorded, disbursementRecorded, projectRegistered } from '../test-support/project-fixtures.js';

describe('Project events', () => {
  it('are all at schema version 1, the first three unchanged', () => {
    expect(PROJECT_EVENT_SCHEMA_VERSION).toMatchObject({ ProjectRegistered: 1, CommitmentRecorded: 1, DisbursementRecorded: 1 });
    expect(new Set(Object.values(PROJECT_EVENT_SCHEMA_VERSION))).toEqual(new Set([1]));
  });

  it('have public CloudEvents type names', () => {
    expect(PROJECT_EVENT_TYPES.map(projectCloudEventType)).toEqual(
      expect.arrayContaining([
        'ecab.project.registered.v1',
        'ecab.project.commitment-recorded.v1',
        'ecab.project.disbursement-recorded.v1',
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

  it('sums commitments and disbursements per currency in minor units, beyond Number precision', () => {
    const state = [
      projectRegistered(),
      commitmentRecorded({ amount: '999999999999999.99' }),
      commitmentRecorded({ commitmentId: 'G-0002', amount: '999999999999999.99' }),
      commitmentRecorded({ commitmentId: 'G-0003', amount: '1000', currency: 'JPY' }),
      disbursementRecorded({ amount: '0.10' }),
      disbursementRecorded({ disbursementId: 'D-0002', amount: '0.20' }),
    ].reduce(evolveProject, initialProjectState());

    expect(state.exists && state.cluster).toBe('transport');
    if (!state.exists) throw new Error('project should exist');
    expect(state.committed).toEqual(new Map([['USD', 199999999999999998n], ['JPY', 1000n]]));
    expect(state.disbursed).toEqual(new Map([['USD', 30n]]));
    expect([...state.commitmentIds]).toEqual(['G-0001', 'G-0002', 'G-0003']);
    expect([...state.disbursementIds]).toEqual(['D-0001', 'D-0002']);
  });

  it('does not change the state it is given', () => {
    const registered = evolveProject(initialProjectState(), projectRegistered());
    evolveProject(registered, commitmentRecorded());
    expect(registered.exists && registered.committed.size).toBe(0);
  });
});
