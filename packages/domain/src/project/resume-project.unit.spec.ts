import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');

const implementing = [registered, started, statusChanged('1', '2', 'implementation')];

describe('SuspendProject, ResumeProject, CancelProject, CloseProject', () => {
  it('rejects resuming a project that is not suspended', () => {
    given([registered, started]).when(projectCommand('ResumeProject', {})).thenThrows('PROJECT_NOT_SUSPENDED');
  });
});

describe('status refusals name the statuses', () => {
  it('a project resumed that is not suspended', () => {
    given(implementing)
      .when(projectCommand('ResumeProject', {}))
      .thenThrows('PROJECT_NOT_SUSPENDED', { message: 'Project ECAB-TR-01 is not suspended', details: { status: '2' } });
  });
});
