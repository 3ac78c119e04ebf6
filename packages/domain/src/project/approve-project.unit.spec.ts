import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, projectEvent, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];

describe('ApproveProject', () => {
  const approve = (approvalDate = '2025-10-01') => projectCommand('ApproveProject', { approvalDate });

  const approved = projectEvent('ProjectApproved', { approvalDate: '2025-10-01', stage: 'approved', effectiveDate: '2025-10-01' });

  it('moves the stage to approved and leaves the status in the pipeline', () => {
    given([registered]).when(approve()).then([approved]);
  });

  it('rejects approving twice, or a project past the pipeline', () => {
    given([registered, approved]).when(approve()).thenThrows('PROJECT_ALREADY_APPROVED');
    given(implementing).when(approve()).thenThrows('PROJECT_NOT_IN_PIPELINE');
  });

  it('rejects an approval date in the future', () => {
    given([registered]).when(approve('2026-12-01')).thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
});

describe('registration and approval refusals', () => {
  it('names the project approved already, and the status of one past the pipeline', () => {
    const approved = projectEvent('ProjectApproved', { approvalDate: '2025-10-01', stage: 'approved', effectiveDate: '2025-10-01' });
    const approve = projectCommand('ApproveProject', { approvalDate: '2025-10-01' });
    given([registered, approved])
      .when(approve)
      .thenThrows('PROJECT_ALREADY_APPROVED', { message: 'Project ECAB-TR-01 is already approved', details: { projectId: 'ECAB-TR-01' } });
    given(implementing)
      .when(approve)
      .thenThrows('PROJECT_NOT_IN_PIPELINE', { message: 'Only a project in the pipeline (status 1) can be approved', details: { status: '2' } });
  });
});
