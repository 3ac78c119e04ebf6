import { award, awarded, command, completed, event, given, planned, terminated, vary, varied } from '../test-support/contract-package-fixtures.js';

// What a client sees when a contract-package command is refused, and the edges of the rules.

const CONTRACT = 'TR-02-CW-01';

describe('refusals name the package and what stands in the way', () => {
  it('a package not planned, not awarded, awarded already, or closed', () => {
    given([])
      .when(award())
      .thenThrows('CONTRACT_PACKAGE_NOT_FOUND', { message: `Procurement package ${CONTRACT} is not planned`, details: { contractId: CONTRACT } });
    given([planned])
      .when(vary('1000'))
      .thenThrows('CONTRACT_NOT_AWARDED', { message: `Contract ${CONTRACT} has not been awarded`, details: { contractId: CONTRACT } });
    given([planned, awarded])
      .when(award())
      .thenThrows('CONTRACT_ALREADY_AWARDED', { message: `Contract ${CONTRACT} was awarded on 2026-10-15`, details: { contractId: CONTRACT } });
    given([planned, awarded, completed])
      .when(vary('1000'))
      .thenThrows('CONTRACT_CLOSED', { message: `Contract ${CONTRACT} is completed`, details: { contractId: CONTRACT, status: 'completed' } });
    given([planned, awarded, terminated])
      .when(vary('1000'))
      .thenThrows('CONTRACT_CLOSED', { message: `Contract ${CONTRACT} is terminated`, details: { contractId: CONTRACT, status: 'terminated' } });
  });

  it('a date before the award names the field', () => {
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-10-14' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD', {
        message: 'completionDate 2026-10-14 is before the award on 2026-10-15',
        details: { field: 'completionDate', date: '2026-10-14', awardDate: '2026-10-15' },
      });
    given([planned, awarded])
      .when(vary('1000', { effectiveDate: '2026-10-14' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD', { field: 'effectiveDate' });
  });
});

describe('edges', () => {
  it('allows a variation, a completion and a termination on the award day', () => {
    given([planned, awarded])
      .when(vary('1000', { effectiveDate: '2026-10-15' }))
      .then([varied('1000.00', '11501000.00', { effectiveDate: '2026-10-15' })]);
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-10-15' }))
      .then([event('ContractCompleted', { completionDate: '2026-10-15', effectiveDate: '2026-10-15' })]);
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'Default', effectiveDate: '2026-10-15' }))
      .then([event('ContractTerminated', { reason: 'Default', effectiveDate: '2026-10-15' })]);
  });

  it('checks the variation id, and keeps the source of a variation, award, completion and termination', () => {
    given([planned, awarded])
      .when(vary('1000', { variationId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'variationId' });
    const source = { citation: 'Variation order 1', confidence: 'confirmed' };
    given([planned, awarded])
      .when(vary('1000', { source }))
      .then([varied('1000.00', '11501000.00', { source })]);
    given([planned])
      .when(award({ source }))
      .then([event('ContractAwarded', { ...awarded.data, source })]);
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-11-20', source }))
      .then([event('ContractCompleted', { ...completed.data, source })]);
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'Contractor default', source }))
      .then([event('ContractTerminated', { ...terminated.data, source })]);
  });
});
