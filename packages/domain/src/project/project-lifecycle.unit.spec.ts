import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];

describe('SuspendProject, ResumeProject, CancelProject, CloseProject', () => {
  const suspended = [...implementing, statusChanged('2', '6', 'implementation', { reason: 'Border closed' })];

  it('suspends an implementing project with a reason, and resumes it', () => {
    given(implementing)
      .when(projectCommand('SuspendProject', { reason: 'Border closed' }))
      .then([statusChanged('2', '6', 'implementation', { reason: 'Border closed' })]);
    given(suspended)
      .when(projectCommand('ResumeProject', {}))
      .then([statusChanged('6', '2', 'implementation')]);
  });
});
