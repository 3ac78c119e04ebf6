import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const assign = (localId = 'ECAB-TR-01', extra: { correction?: { reason: string }; effectiveDate?: string } = {}) =>
  projectCommand('AssignIatiIdentifier', { reportingOrgRef: 'XI-IATI-ECAB', localId, ...extra });
const assigned = (localId = 'ECAB-TR-01', extra: { supersededIdentifier?: string; correctionReason?: string } = {}) =>
  projectEvent('ProjectIdentifierAssigned', { iatiIdentifier: `XI-IATI-ECAB-${localId}`, reportingOrgRef: 'XI-IATI-ECAB', localId, ...extra });
const published = projectEvent('ProjectPublished', { iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01' });

describe('AssignIatiIdentifier', () => {
  it('assigns <reporting-org ref>-<local id>', () => {
    given([projectRegistered()]).when(assign()).then([assigned()]);
  });

  it('lets an unpublished identifier be replaced', () => {
    given([projectRegistered(), assigned()])
      .when(assign('TR-01'))
      .then([assigned('TR-01')]);
  });

  it('does nothing when the same identifier is assigned again', () => {
    given([projectRegistered(), assigned(), published]).when(assign()).then([]);
  });

  it.each(['TR/01', 'TR&01', 'TR|01', 'TR?01', 'TR 01', ''])('rejects a local id %j', (localId) => {
    given([projectRegistered()]).when(assign(localId)).thenThrows('IATI_IDENTIFIER_INVALID');
  });

  it('rejects a reporting-org ref with a forbidden character', () => {
    given([projectRegistered()])
      .when(projectCommand('AssignIatiIdentifier', { reportingOrgRef: 'XI/IATI', localId: '1' }))
      .thenThrows('IATI_IDENTIFIER_INVALID');
  });

  it('rejects a project that is not registered', () => {
    given([]).when(assign()).thenThrows('PROJECT_NOT_FOUND');
  });

  it('never changes a published identifier without a correction', () => {
    const violation = given([projectRegistered(), assigned(), published]).when(assign('TR-01')).thenThrows('IATI_IDENTIFIER_PUBLISHED');
    expect(violation.details).toEqual({ iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01', requested: 'XI-IATI-ECAB-TR-01' });
  });

  it('replaces a published identifier by a correction, keeping the old one as other-identifier A3', () => {
    given([projectRegistered(), assigned(), published])
      .when(assign('TR-01', { correction: { reason: 'Registered prefix changed' } }))
      .then([
        assigned('TR-01', { supersededIdentifier: 'XI-IATI-ECAB-ECAB-TR-01', correctionReason: 'Registered prefix changed' }),
        projectEvent('OtherIdentifierAdded', { ref: 'XI-IATI-ECAB-ECAB-TR-01', identifierType: coded('OtherIdentifierType', 'A3') }),
      ]);
  });

  it('rejects a correction without a reason', () => {
    given([projectRegistered(), assigned(), published])
      .when(assign('TR-01', { correction: { reason: ' ' } }))
      .thenThrows('REASON_REQUIRED');
  });
});
