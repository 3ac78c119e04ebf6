import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];

describe('SuspendProject, ResumeProject, CancelProject, CloseProject', () => {
  it('rejects suspending without a reason, or a project in the pipeline', () => {
    given(implementing)
      .when(projectCommand('SuspendProject', { reason: '' }))
      .thenThrows('REASON_REQUIRED');
    given([registered])
      .when(projectCommand('SuspendProject', { reason: 'x' }))
      .thenThrows('STATUS_TRANSITION_NOT_ALLOWED');
  });
});
