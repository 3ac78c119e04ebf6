import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const assigned = (localId = 'ECAB-TR-01', extra: { supersededIdentifier?: string; correctionReason?: string } = {}) =>
  projectEvent('ProjectIdentifierAssigned', { iatiIdentifier: `XI-IATI-ECAB-${localId}`, reportingOrgRef: 'XI-IATI-ECAB', localId, ...extra });
const published = projectEvent('ProjectPublished', { iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01' });

describe('PublishProject', () => {
  it('publishes a project that has an identifier', () => {
    given([projectRegistered(), assigned()]).when(projectCommand('PublishProject', {})).then([published]);
  });

  it('rejects publishing without an IATI identifier', () => {
    given([projectRegistered()]).when(projectCommand('PublishProject', {})).thenThrows('IATI_IDENTIFIER_REQUIRED');
  });
});
