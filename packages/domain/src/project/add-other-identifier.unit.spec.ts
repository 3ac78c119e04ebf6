import { TODAY, given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

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

describe('identifier, participant and location refusals', () => {
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
});
