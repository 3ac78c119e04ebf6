import { given, projectRegistered, registerProject } from '../test-support/project-fixtures.js';
import { coded, dateRecorded, projectCommand, projectEvent, statusChanged } from '../test-support/project-lifecycle-fixtures.js';

// What a client sees when a project command is refused: each rule's code, message and details.

const registered = projectRegistered();
const started = dateRecorded('2', '2025-01-15', '2025-01-15');
const implementing = [registered, started, statusChanged('1', '2', 'implementation')];
const changeStatus = (status: string) => projectCommand('ChangeProjectStatus', { status });

describe('registration and approval refusals', () => {
  it('names the project not registered, or registered already', () => {
    given([])
      .when(projectCommand('CloseProject', {}))
      .thenThrows('PROJECT_NOT_FOUND', { message: 'Project ECAB-TR-01 is not registered', details: { projectId: 'ECAB-TR-01' } });
    given([registered])
      .when(registerProject())
      .thenThrows('PROJECT_ALREADY_REGISTERED', { message: 'Project ECAB-TR-01 is already registered', details: { projectId: 'ECAB-TR-01' } });
  });
  it('says a title is needed, and how long it may be', () => {
    given([])
      .when(registerProject({ title: ' ' }))
      .thenThrows('TITLE_REQUIRED', { message: 'The project needs a title', details: {} });
    given([])
      .when(registerProject({ title: 'ж'.repeat(501) }))
      .thenThrows('TITLE_TOO_LONG', {
        message: 'The title has 501 characters; at most 500 are allowed',
        details: { length: 501, maxLength: 500 },
      });
  });
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

describe('status refusals name the statuses', () => {
  it('unchanged, terminal, or a move not allowed', () => {
    given([registered])
      .when(changeStatus('1'))
      .thenThrows('STATUS_UNCHANGED', { message: 'The project is already in status 1', details: { from: '1', to: '1' } });
    given([registered, statusChanged('1', '5', 'pipeline')])
      .when(changeStatus('1'))
      .thenThrows('STATUS_TERMINAL', {
        message: 'Status 5 is terminal; only a correction with a reason can change it',
        details: { from: '5', to: '1' },
      });
    given([registered])
      .when(changeStatus('3'))
      .thenThrows('STATUS_TRANSITION_NOT_ALLOWED', { message: 'A project cannot move from status 1 to 3', details: { from: '1', to: '3' } });
  });
  it('an actual start or end that is missing', () => {
    given([registered])
      .when(changeStatus('2'))
      .thenThrows('ACTUAL_START_REQUIRED', {
        message: 'Implementation (2) needs an actual start date; approval alone does not start a project',
        details: { from: '1', to: '2' },
      });
    const finalising = [...implementing, statusChanged('2', '3', 'completed')];
    given(finalising)
      .when(changeStatus('4'))
      .thenThrows('ACTUAL_END_REQUIRED', { message: 'Closed (4) needs an actual end date', details: { from: '3', to: '4' } });
  });
  it('a project resumed that is not suspended', () => {
    given(implementing)
      .when(projectCommand('ResumeProject', {}))
      .thenThrows('PROJECT_NOT_SUSPENDED', { message: 'Project ECAB-TR-01 is not suspended', details: { status: '2' } });
  });
});

describe('identifier, participant and location refusals', () => {
  const assigned = projectEvent('ProjectIdentifierAssigned', {
    iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01',
    reportingOrgRef: 'XI-IATI-ECAB',
    localId: 'ECAB-TR-01',
  });
  it('a published IATI identifier, or none to publish', () => {
    const published = projectEvent('ProjectPublished', { iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01' });
    given([registered, assigned, published])
      .when(projectCommand('AssignIatiIdentifier', { reportingOrgRef: 'XI-IATI-ECAB', localId: 'TR-01' }))
      .thenThrows('IATI_IDENTIFIER_PUBLISHED', {
        message: 'The IATI identifier XI-IATI-ECAB-ECAB-TR-01 has been published and never changes; only a correction with a reason can replace it',
        details: { iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01', requested: 'XI-IATI-ECAB-TR-01' },
      });
    given([registered])
      .when(projectCommand('PublishProject', {}))
      .thenThrows('IATI_IDENTIFIER_REQUIRED', {
        message: 'A project needs an IATI identifier before it is published',
        details: { projectId: 'ECAB-TR-01' },
      });
  });
  it('another identifier recorded twice, or a previous one added directly', () => {
    const other = projectEvent('OtherIdentifierAdded', { ref: 'G-0900', identifierType: coded('OtherIdentifierType', 'A9') });
    given([registered, other])
      .when(projectCommand('AddOtherIdentifier', { ref: 'G-0900', identifierType: 'A9' }))
      .thenThrows('DUPLICATE_OTHER_IDENTIFIER', {
        message: 'G-0900 (A9) is already recorded',
        details: { ref: 'G-0900', identifierType: 'A9' },
      });
    given([registered])
      .when(projectCommand('AddOtherIdentifier', { ref: 'XI-OLD', identifierType: 'A3' }))
      .thenThrows('PREVIOUS_IDENTIFIER_ONLY_BY_CORRECTION', {
        message: 'A previous activity identifier (A3) is added by correcting the IATI identifier, not directly',
        details: { ref: 'XI-OLD' },
      });
  });
  it('an organisation already in the role, by id or by name', () => {
    const assign = (organisation: object) => projectCommand('AssignParticipant', { organisation, role: '1' } as never);
    const byId = projectEvent('ParticipantAssigned', { organisation: { organisationId: 'XM-DAC-46004' }, role: coded('OrganisationRole', '1') });
    given([registered, byId])
      .when(assign({ organisationId: 'XM-DAC-46004' }))
      .thenThrows('DUPLICATE_PARTICIPANT', {
        message: 'This organisation already participates in this role',
        details: { role: '1', organisation: 'XM-DAC-46004' },
      });
    const byName = projectEvent('ParticipantAssigned', { organisation: { name: 'KazAvtoZhol JSC' }, role: coded('OrganisationRole', '1') });
    given([registered, byName])
      .when(assign({ name: 'KazAvtoZhol JSC' }))
      .thenThrows('DUPLICATE_PARTICIPANT', { details: { role: '1', organisation: 'KazAvtoZhol JSC' } });
  });
  it('a location recorded twice, unnamed, or off the globe', () => {
    const karasu = { locationId: 'BCP-KARASU', name: 'Karasu BCP' };
    given([registered, projectEvent('LocationAdded', karasu)])
      .when(projectCommand('AddLocation', karasu))
      .thenThrows('DUPLICATE_LOCATION_ID', {
        message: 'Location BCP-KARASU is already recorded',
        details: { locationId: 'BCP-KARASU' },
      });
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, name: ' ' }))
      .thenThrows('LOCATION_NAME_REQUIRED', { message: 'A location needs a name', details: { locationId: 'BCP-KARASU' } });
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, point: { latitude: 90.5, longitude: -180.5 } }))
      .thenThrows('COORDINATES_OUT_OF_RANGE', {
        message: 'Latitude is -90 to 90 and longitude -180 to 180 degrees',
        details: { latitude: '90.5', longitude: '-180.5' },
      });
  });
});

describe('date and related-activity refusals', () => {
  it('a start not before its end gives both dates', () => {
    given([registered, dateRecorded('3', '2025-01-01')])
      .when(projectCommand('RecordProjectDate', { dateType: '1', date: '2025-01-01' }))
      .thenThrows('PROJECT_START_NOT_BEFORE_END', {
        message: 'The start (2025-01-01) must be before the end (2025-01-01)',
        details: { dateType: '1', start: '2025-01-01', end: '2025-01-01' },
      });
  });
  it('each related-activity rule names the link refused', () => {
    const link = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
      projectCommand('LinkRelatedActivity', { relatedActivityId, relationType, ...(checkpoint !== undefined ? { checkpoint } : {}) });
    const linked = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
      projectEvent('RelatedActivityLinked', {
        relatedActivityId,
        relationType: coded('RelatedActivityType', relationType),
        ...(checkpoint ? { checkpoint } : {}),
      });
    given([registered])
      .when(link('ECAB-TR-01', '3'))
      .thenThrows('RELATED_ACTIVITY_IS_SELF', {
        message: 'A project cannot be related to itself',
        details: { relatedActivityId: 'ECAB-TR-01', relationType: '3' },
      });
    given([registered, linked('ECAB-TR-02', '3')])
      .when(link('ECAB-TR-02', '3'))
      .thenThrows('DUPLICATE_RELATED_ACTIVITY', {
        message: 'ECAB-TR-02 is already linked',
        details: { relatedActivityId: 'ECAB-TR-02', relationType: '3' },
      });
    given([registered, linked('ECAB-PROG', '1')])
      .when(link('OTHER-PROG', '1'))
      .thenThrows('PARENT_ALREADY_LINKED', {
        message: 'A project has at most one parent activity',
        details: { relatedActivityId: 'OTHER-PROG', relationType: '1' },
      });
    given([registered])
      .when(link('ECAB-PROG', '1', 'Karasu'))
      .thenThrows('CHECKPOINT_ONLY_ON_CHILD', {
        message: 'Only a child activity (type 2) covers a checkpoint',
        details: { relatedActivityId: 'ECAB-PROG', relationType: '1' },
      });
    given([registered, linked('KARASU-1', '2', 'Karasu')])
      .when(link('KARASU-2', '2', ' Karasu '))
      .thenThrows('CHECKPOINT_ALREADY_HAS_CHILD', {
        message: 'Checkpoint "Karasu" is blank or already has its child activity',
        details: { relatedActivityId: 'KARASU-2', relationType: '2' },
      });
    given([registered])
      .when(link('KARASU-1', '2', '  '))
      .thenThrows('CHECKPOINT_ALREADY_HAS_CHILD', { message: 'Checkpoint "" is blank or already has its child activity' });
  });
});
