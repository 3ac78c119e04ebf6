import { TODAY, given, projectRegistered, registerProject } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const assign = (localId = 'ECAB-TR-01', extra: { correction?: { reason: string }; effectiveDate?: string } = {}) =>
  projectCommand('AssignIatiIdentifier', { reportingOrgRef: 'XI-IATI-ECAB', localId, ...extra });
const assigned = (localId = 'ECAB-TR-01', extra: { supersededIdentifier?: string; correctionReason?: string } = {}) =>
  projectEvent('ProjectIdentifierAssigned', { iatiIdentifier: `XI-IATI-ECAB-${localId}`, reportingOrgRef: 'XI-IATI-ECAB', localId, ...extra });
const published = projectEvent('ProjectPublished', { iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01' });

describe('RegisterProject effective date', () => {
  it('records when the project was registered in the world, today by default', () => {
    given([])
      .when(registerProject({ effectiveDate: '2024-12-05' }))
      .then([projectRegistered({ effectiveDate: '2024-12-05' })]);
  });
  it('rejects an effective date in the future', () => {
    given([])
      .when(registerProject({ effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
  });
  it('rejects an effective date that does not exist', () => {
    given([])
      .when(registerProject({ effectiveDate: '2026-02-29' }))
      .thenThrows('DATE_INVALID');
  });
});

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

describe('PublishProject', () => {
  it('publishes a project that has an identifier', () => {
    given([projectRegistered(), assigned()]).when(projectCommand('PublishProject', {})).then([published]);
  });
  it('rejects publishing without an IATI identifier', () => {
    given([projectRegistered()]).when(projectCommand('PublishProject', {})).thenThrows('IATI_IDENTIFIER_REQUIRED');
  });
});

describe('AddOtherIdentifier', () => {
  const add = (ref: string, identifierType: string, extra: object = {}) => projectCommand('AddOtherIdentifier', { ref, identifierType, ...extra });
  it('records an ADB project number with its owner', () => {
    given([projectRegistered()])
      .when(add('54439-001', 'B9', { kind: 'adb-project', owner: { organisationId: 'XM-DAC-46004' } }))
      .then([
        projectEvent('OtherIdentifierAdded', {
          ref: '54439-001',
          identifierType: coded('OtherIdentifierType', 'B9'),
          kind: 'adb-project',
          owner: { organisationId: 'XM-DAC-46004' },
        }),
      ]);
  });
  it('rejects the same id of the same type twice', () => {
    given([projectRegistered(), projectEvent('OtherIdentifierAdded', { ref: 'G-0900', identifierType: coded('OtherIdentifierType', 'A9') })])
      .when(add('G-0900', 'A9'))
      .thenThrows('DUPLICATE_OTHER_IDENTIFIER');
  });
  it('rejects a previous identifier (A3) added directly', () => {
    given([projectRegistered()]).when(add('XI-IATI-OLD-1', 'A3')).thenThrows('PREVIOUS_IDENTIFIER_ONLY_BY_CORRECTION');
  });
  it('rejects a type that is not in OtherIdentifierType', () => {
    const violation = given([projectRegistered()]).when(add('X', 'Z1')).thenThrows('CODE_NOT_IN_LIST');
    expect(violation.details).toMatchObject({ codelist: 'OtherIdentifierType', field: 'identifierType' });
  });
  it('rejects a blank ref and an owner with neither id nor name', () => {
    given([projectRegistered()]).when(add(' ', 'A9')).thenThrows('IDENTIFIER_INVALID');
    given([projectRegistered()])
      .when(add('X', 'A9', { owner: { name: ' ' } }))
      .thenThrows('ORGANISATION_REFERENCE_REQUIRED');
  });
  it('rejects an effective date in the future', () => {
    given([projectRegistered()])
      .when(add('X', 'A9', { effectiveDate: '2027-01-01' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
  });
  it('keeps today as the effective date by default', () => {
    given([projectRegistered()])
      .when(add('X', 'A1'))
      .then([projectEvent('OtherIdentifierAdded', { ref: 'X', identifierType: coded('OtherIdentifierType', 'A1'), effectiveDate: TODAY })]);
  });
});
