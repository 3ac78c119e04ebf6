import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, dateType, projectCommand, projectEvent, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const ended = dateRecorded('4', '2026-10-31', '2026-10-31');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];
const changeStatus = (status: string, extra: { reason?: string; correction?: { reason: string } } = {}) =>
  projectCommand('ChangeProjectStatus', { status, ...extra });

describe('RecordProjectDate', () => {
  it('records a planned date, effective today', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '3', date: '2027-11-30' }))
      .then([dateRecorded('3', '2027-11-30')]);
  });
  it('records an actual date as effective on that date', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '2', date: '2025-01-15' }))
      .then([started]);
  });
  it('keeps the source of a date', () => {
    const source = { citation: 'inform.kz, 21 Jan 2026', date: '2026-01-21', confidence: 'confirmed' as const };
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '3', date: '2026-11-30', source }))
      .then([projectEvent('ProjectDateRecorded', { dateType: dateType('3'), date: '2026-11-30', source })]);
  });
  it('rejects an actual date in the future', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '4', date: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
  it('rejects a date type outside 1–4 and a date that does not exist', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '5', date: '2025-01-01' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '1', date: '2025-02-29' }))
      .thenThrows('DATE_INVALID');
  });
  it('rejects a start that is not before its end, planned and actual alike', () => {
    given([registered, dateRecorded('3', '2025-01-01')])
      .when(projectCommand('RecordProjectDate', { dateType: '1', date: '2025-01-01' }))
      .thenThrows('PROJECT_START_NOT_BEFORE_END');
    given([registered, started])
      .when(projectCommand('RecordProjectDate', { dateType: '4', date: '2024-12-31' }))
      .thenThrows('PROJECT_START_NOT_BEFORE_END');
  });
  it('rejects a source without citation, with an unknown confidence, or dated in the future', () => {
    const record = (source: object) => projectCommand('RecordProjectDate', { dateType: '1', date: '2027-01-01', source: source as never });
    given([registered])
      .when(record({ citation: ' ', confidence: 'confirmed' }))
      .thenThrows('SOURCE_CITATION_REQUIRED');
    given([registered])
      .when(record({ citation: 'x', confidence: 'likely' }))
      .thenThrows('UNKNOWN_CONFIDENCE');
    given([registered])
      .when(record({ citation: 'x', confidence: 'confirmed', date: '2027-01-01' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
});

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
  it('rejects suspending without a reason, or a project in the pipeline', () => {
    given(implementing)
      .when(projectCommand('SuspendProject', { reason: '' }))
      .thenThrows('REASON_REQUIRED');
    given([registered])
      .when(projectCommand('SuspendProject', { reason: 'x' }))
      .thenThrows('STATUS_TRANSITION_NOT_ALLOWED');
  });
  it('rejects resuming a project that is not suspended', () => {
    given([registered, started]).when(projectCommand('ResumeProject', {})).thenThrows('PROJECT_NOT_SUSPENDED');
  });
  it('cancels with a reason only', () => {
    given(implementing)
      .when(projectCommand('CancelProject', { reason: 'Financing withdrawn' }))
      .then([statusChanged('2', '5', 'implementation', { reason: 'Financing withdrawn' })]);
    given(implementing)
      .when(projectCommand('CancelProject', { reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
  });
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

describe('LinkRelatedActivity', () => {
  const link = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectCommand('LinkRelatedActivity', { relatedActivityId, relationType, ...(checkpoint ? { checkpoint } : {}) });
  const linked = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectEvent('RelatedActivityLinked', {
      relatedActivityId,
      relationType: { code: relationType, codelist: 'RelatedActivityType', version: '2.03' },
      ...(checkpoint ? { checkpoint } : {}),
    });
  it('links a child per border checkpoint', () => {
    given([registered])
      .when(link('ECAB-TR-03-KARASU', '2', 'Karasu'))
      .then([linked('ECAB-TR-03-KARASU', '2', 'Karasu')]);
  });
  it('rejects a second child for the same checkpoint', () => {
    given([registered, linked('ECAB-TR-03-KARASU', '2', 'Karasu')])
      .when(link('ECAB-TR-03-KARASU-2', '2', 'Karasu'))
      .thenThrows('CHECKPOINT_ALREADY_HAS_CHILD');
  });
  it('rejects a checkpoint on anything but a child', () => {
    given([registered])
      .when(link('ECAB-PROG', '1', 'Karasu'))
      .thenThrows('CHECKPOINT_ONLY_ON_CHILD');
  });
  it('links one parent at most', () => {
    given([registered])
      .when(link('ECAB-PROG', '1'))
      .then([linked('ECAB-PROG', '1')]);
    given([registered, linked('ECAB-PROG', '1')])
      .when(link('OTHER-PROG', '1'))
      .thenThrows('PARENT_ALREADY_LINKED');
  });
  it('rejects a link to itself, a link made twice, and an unknown relation type', () => {
    given([registered]).when(link('ECAB-TR-01', '3')).thenThrows('RELATED_ACTIVITY_IS_SELF');
    given([registered, linked('ECAB-TR-02', '3')])
      .when(link('ECAB-TR-02', '3'))
      .thenThrows('DUPLICATE_RELATED_ACTIVITY');
    given([registered]).when(link('ECAB-TR-02', '6')).thenThrows('CODE_NOT_IN_LIST');
  });
  it('links a sibling, effective today', () => {
    given([registered])
      .when(link('ECAB-TR-02', '3'))
      .then([linked('ECAB-TR-02', '3')]);
  });
});
