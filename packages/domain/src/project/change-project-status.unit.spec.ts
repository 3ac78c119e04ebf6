import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, projectEvent, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const ended = dateRecorded('4', '2026-10-31', '2026-10-31');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];
const changeStatus = (status: string, extra: { reason?: string; correction?: { reason: string } } = {}) =>
  projectCommand('ChangeProjectStatus', { status, ...extra });

const changeStatusTo = (status: string) => projectCommand('ChangeProjectStatus', { status });

describe('ApproveProject', () => {
  const approved = projectEvent('ProjectApproved', { approvalDate: '2025-10-01', stage: 'approved', effectiveDate: '2025-10-01' });

  it('keeps the approved stage when a correction takes the project back to the pipeline', () => {
    given([registered, approved, started, statusChanged('1', '2', 'implementation')])
      .when(changeStatus('1', { correction: { reason: 'Start recorded too early' } }))
      .then([statusChanged('2', '1', 'approved', { reason: 'Start recorded too early', correction: true })]);
  });
});

describe('ChangeProjectStatus', () => {
  it('starts implementation (1 → 2) once an actual start is recorded', () => {
    given([registered, started])
      .when(changeStatus('2'))
      .then([statusChanged('1', '2', 'implementation')]);
  });

  it('rejects 1 → 2 without an actual start: approval alone does not start a project', () => {
    given([registered]).when(changeStatus('2')).thenThrows('ACTUAL_START_REQUIRED');
  });

  it('moves 2 → 3 → 4, closing only with an actual end', () => {
    given(implementing)
      .when(changeStatus('3'))
      .then([statusChanged('2', '3', 'completed')]);
    const finalising = [...implementing, statusChanged('2', '3', 'completed')];
    given(finalising).when(changeStatus('4')).thenThrows('ACTUAL_END_REQUIRED');
    given([...finalising, ended])
      .when(changeStatus('4'))
      .then([statusChanged('3', '4', 'closed')]);
  });

  it.each([
    ['1', '3', [registered]],
    ['1', '4', [registered]],
    ['2', '4', implementing],
    ['2', '1', implementing],
    ['6', '3', [...implementing, statusChanged('2', '6', 'implementation')]],
  ])('rejects %s → %s', (_from, to, history) => {
    given(history).when(changeStatus(to)).thenThrows('STATUS_TRANSITION_NOT_ALLOWED');
  });

  it('cancels from 1, 2, 3 or 6', () => {
    given([registered])
      .when(changeStatus('5', { reason: 'Dropped by the IGC' }))
      .then([statusChanged('1', '5', 'pipeline', { reason: 'Dropped by the IGC' })]);
    given([...implementing, statusChanged('2', '6', 'implementation')])
      .when(changeStatus('5'))
      .then([statusChanged('6', '5', 'implementation')]);
  });

  it('treats closed and cancelled as terminal', () => {
    given([registered, statusChanged('1', '5', 'pipeline')])
      .when(changeStatus('1'))
      .thenThrows('STATUS_TERMINAL');
  });

  it('leaves a terminal status by a correction with a reason, and only so', () => {
    const cancelled = [registered, statusChanged('1', '5', 'pipeline')];
    given(cancelled)
      .when(changeStatus('1', { correction: { reason: 'Cancelled by mistake' } }))
      .then([statusChanged('5', '1', 'pipeline', { reason: 'Cancelled by mistake', correction: true })]);
    given(cancelled)
      .when(changeStatus('1', { correction: { reason: '' } }))
      .thenThrows('REASON_REQUIRED');
  });

  it('rejects a move to the current status and an unknown status', () => {
    given([registered]).when(changeStatus('1')).thenThrows('STATUS_UNCHANGED');
    given([registered]).when(changeStatus('7')).thenThrows('CODE_NOT_IN_LIST');
  });

  it('records a late report with its own effective date', () => {
    given([registered, started])
      .when(projectCommand('ChangeProjectStatus', { status: '2', effectiveDate: '2025-01-15' }))
      .then([statusChanged('1', '2', 'implementation', { effectiveDate: '2025-01-15' })]);
    given([registered, started])
      .when(projectCommand('ChangeProjectStatus', { status: '2', effectiveDate: '2026-12-01' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
  });
});

describe('status refusals name the statuses', () => {
  it('unchanged, terminal, or a move not allowed', () => {
    given([registered])
      .when(changeStatusTo('1'))
      .thenThrows('STATUS_UNCHANGED', { message: 'The project is already in status 1', details: { from: '1', to: '1' } });
    given([registered, statusChanged('1', '5', 'pipeline')])
      .when(changeStatusTo('1'))
      .thenThrows('STATUS_TERMINAL', {
        message: 'Status 5 is terminal; only a correction with a reason can change it',
        details: { from: '5', to: '1' },
      });
    given([registered])
      .when(changeStatusTo('3'))
      .thenThrows('STATUS_TRANSITION_NOT_ALLOWED', { message: 'A project cannot move from status 1 to 3', details: { from: '1', to: '3' } });
  });

  it('an actual start or end that is missing', () => {
    given([registered])
      .when(changeStatusTo('2'))
      .thenThrows('ACTUAL_START_REQUIRED', {
        message: 'Implementation (2) needs an actual start date; approval alone does not start a project',
        details: { from: '1', to: '2' },
      });
    const finalising = [...implementing, statusChanged('2', '3', 'completed')];
    given(finalising)
      .when(changeStatusTo('4'))
      .thenThrows('ACTUAL_END_REQUIRED', { message: 'Closed (4) needs an actual end date', details: { from: '3', to: '4' } });
  });
});
