import { given, projectRegistered, registerProject } from '../test-support/project-fixtures.js';
import { projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

// What a client sees when a project command is refused: each rule's code, message and details.

const registered = projectRegistered();

describe('registration and approval refusals', () => {
  it('names the project not registered, or registered already', () => {
    given([])
      .when(projectCommand('CloseProject', {}))
      .thenThrows('PROJECT_NOT_FOUND', { message: 'Project ECAB-TR-01 is not registered', details: { projectId: 'ECAB-TR-01' } });
    given([registered])
      .when(registerProject())
      .thenThrows('PROJECT_ALREADY_REGISTERED', { message: 'Project ECAB-TR-01 is already registered', details: { projectId: 'ECAB-TR-01' } });
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
});
