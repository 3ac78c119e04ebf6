import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];

describe('SuspendProject, ResumeProject, CancelProject, CloseProject', () => {
  it('cancels with a reason only', () => {
    given(implementing)
      .when(projectCommand('CancelProject', { reason: 'Financing withdrawn' }))
      .then([statusChanged('2', '5', 'implementation', { reason: 'Financing withdrawn' })]);
    given(implementing)
      .when(projectCommand('CancelProject', { reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
  });
});
