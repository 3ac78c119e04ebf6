import { given, plan, planned, event, usd } from '../test-support/contract-package-fixtures.js';

const CONTRACT = 'TR-02-CW-01';

describe('refusals name the package and what stands in the way', () => {
  it('a package planned twice, untitled, or with an unknown method', () => {
    given([planned])
      .when(plan())
      .thenThrows('CONTRACT_PACKAGE_ALREADY_PLANNED', { message: `Procurement package ${CONTRACT} is already planned`, details: { contractId: CONTRACT } });
    given([])
      .when(plan({ title: ' ' }))
      .thenThrows('CONTRACT_TITLE_REQUIRED', { message: 'A procurement package needs a title', details: { contractId: CONTRACT } });
    given([])
      .when(plan({ method: 'auction' }))
      .thenThrows('UNKNOWN_PROCUREMENT_METHOD', {
        message: '"auction" is not a procurement method',
        details: { method: 'auction', allowed: ['ICB', 'NCB', 'QCBS', 'QBS', 'CQS', 'ICS', 'shopping', 'direct'] },
      });
  });
});

describe('PlanProcurementPackage', () => {
  it('plans a package with its method, estimated value and planned award date', () => {
    given([]).when(plan()).then([planned]);
  });

  it('accepts a planned award date in the future and cites a source', () => {
    const source = { citation: 'Procurement plan v2', date: '2026-09-01', confidence: 'illustrative' };
    given([])
      .when(plan({ plannedAwardDate: '2028-01-31', source }))
      .then([event('ProcurementPackagePlanned', { ...planned.data, plannedAwardDate: '2028-01-31', source })]);
  });

  it('rejects planning the same package twice', () => {
    given([planned]).when(plan()).thenThrows('CONTRACT_PACKAGE_ALREADY_PLANNED');
  });

  it('rejects an unknown method, a blank title, a bad estimate or planned date, and a future effective date', () => {
    given([])
      .when(plan({ method: 'auction' }))
      .thenThrows('UNKNOWN_PROCUREMENT_METHOD');
    given([])
      .when(plan({ title: '  ' }))
      .thenThrows('CONTRACT_TITLE_REQUIRED');
    given([])
      .when(plan({ estimatedValue: usd('0') }))
      .thenThrows('AMOUNT_NOT_POSITIVE');
    given([])
      .when(plan({ estimatedValue: { amount: '100', currency: 'XYZ' } }))
      .thenThrows('UNKNOWN_CURRENCY');
    given([])
      .when(plan({ plannedAwardDate: '2027-02-29' }))
      .thenThrows('DATE_INVALID');
    given([])
      .when(plan({ effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
    given([])
      .when(plan({ contractId: ' CW-01' }))
      .thenThrows('IDENTIFIER_INVALID');
  });
});
