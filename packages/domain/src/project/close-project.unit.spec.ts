import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const ended = dateRecorded('4', '2026-10-31', '2026-10-31');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];

describe('SuspendProject, ResumeProject, CancelProject, CloseProject', () => {
  it('closes a finalising project that has an actual end', () => {
    const finalising = [...implementing, statusChanged('2', '3', 'completed'), ended];
    given(finalising)
      .when(projectCommand('CloseProject', {}))
      .then([statusChanged('3', '4', 'closed')]);
    given(implementing).when(projectCommand('CloseProject', {})).thenThrows('STATUS_TRANSITION_NOT_ALLOWED');
  });

  it('rejects a command for a project that is not registered', () => {
    given([]).when(projectCommand('CloseProject', {})).thenThrows('PROJECT_NOT_FOUND');
  });
});
