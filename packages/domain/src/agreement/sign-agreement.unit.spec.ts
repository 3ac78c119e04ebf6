import { agreementEvent, agreementSigned, givenAgreement as given, signAgreement, AGREEMENT_ID } from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();

describe('signing', () => {
  it('accepts a closing date the day after signing, and no closing date at all', () => {
    given([])
      .when(signAgreement({ closingDate: '2025-03-15' }))
      .then([agreementSigned({ closingDate: '2025-03-15' })]);
    const { closingDate: _none, ...withoutClosing } = agreementSigned().data;
    given([])
      .when(signAgreement({ closingDate: undefined }))
      .then([agreementEvent('AgreementSigned', withoutClosing)]);
  });

  it('keeps the provider activity id and the source it was signed on', () => {
    const source = { citation: 'Grant agreement 0900-KGZ', confidence: 'confirmed' as const };
    given([])
      .when(signAgreement({ providerActivityId: '46004-52096-001', source }))
      .then([agreementSigned({ providerActivityId: '46004-52096-001', source })]);
  });

  it('checks the identifiers it is given', () => {
    given([])
      .when(signAgreement({ providerActivityId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'providerActivityId' });
    given([])
      .when(signAgreement({ projectId: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'projectId' });
    given([])
      .when(signAgreement({ agreementNumber: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'agreementNumber' });
    given([])
      .when(signAgreement({ agreementId: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'agreementId' });
  });

  it('signs a counterpart line or a PPP tranche with any finance and aid type', () => {
    const codes = { financeType: '421', aidType: 'D02' };
    const stored = { financeType: { code: '421', codelist: 'FinanceType', version: '2.03' }, aidType: { code: 'D02', codelist: 'AidType', version: '2.03' } };
    given([])
      .when(signAgreement({ instrument: 'counterpart', ...codes }))
      .then([agreementSigned({ instrument: 'counterpart', ...stored })]);
    given([])
      .when(signAgreement({ instrument: 'ppp', ...codes }))
      .then([agreementSigned({ instrument: 'ppp', ...stored })]);
  });
});

describe('signing and effectiveness refusals', () => {
  it('names the agreement already signed, and the reserved shorthand id', () => {
    given([signed])
      .when(signAgreement())
      .thenThrows('AGREEMENT_ALREADY_SIGNED', { message: `Agreement ${AGREEMENT_ID} is already signed`, details: { agreementId: AGREEMENT_ID } });
    given([])
      .when(signAgreement({ agreementId: 'P~ADB' }))
      .thenThrows('AGREEMENT_ID_RESERVED', {
        message: 'Agreement ids containing "~" are reserved for the agreements the project-level shorthand opens',
        details: { agreementId: 'P~ADB' },
      });
  });

  it('lists the instruments, and says which codes an instrument needs', () => {
    given([])
      .when(signAgreement({ instrument: 'bond' }))
      .thenThrows('UNKNOWN_INSTRUMENT', {
        message: '"bond" is not a financing instrument',
        details: { instrument: 'bond', allowed: ['grant', 'loan', 'ta', 'counterpart', 'ppp'] },
      });
    given([])
      .when(signAgreement({ instrument: 'loan' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', {
        message: 'A loan is finance type 421',
        details: { instrument: 'loan', financeType: '110', aidType: 'C01' },
      });
    given([])
      .when(signAgreement({ instrument: 'ta' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', {
        message: 'A ta is finance type 110 with aid type D02',
        details: { instrument: 'ta', financeType: '110', aidType: 'C01' },
      });
    given([])
      .when(signAgreement({ instrument: 'ta', financeType: '421', aidType: 'D02' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', {
        message: 'A ta is finance type 110 with aid type D02',
        details: { instrument: 'ta', financeType: '421', aidType: 'D02' },
      });
    given([])
      .when(signAgreement({ financeType: '421' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', { message: 'A grant is finance type 110' });
  });

  it('gives the signing and closing dates of a closing date not after signing', () => {
    given([])
      .when(signAgreement({ closingDate: '2025-03-14' }))
      .thenThrows('CLOSING_DATE_NOT_AFTER_SIGNING', {
        message: 'The closing date must be after the signing date',
        details: { signedDate: '2025-03-14', closingDate: '2025-03-14' },
      });
  });
});

describe('SignAgreement', () => {
  it('signs an ADF grant with its IATI finance, flow and aid types', () => {
    given([]).when(signAgreement()).then([signed]);
  });

  it('signs a TA grant (110 + D02) and a concessional loan (421)', () => {
    given([])
      .when(signAgreement({ instrument: 'ta', aidType: 'D02' }))
      .then([agreementSigned({ instrument: 'ta', aidType: { code: 'D02', codelist: 'AidType', version: '2.03' } })]);
    given([])
      .when(signAgreement({ instrument: 'loan', financeType: '421' }))
      .then([agreementSigned({ instrument: 'loan', financeType: { code: '421', codelist: 'FinanceType', version: '2.03' } })]);
  });

  it('rejects signing twice', () => {
    given([signed]).when(signAgreement()).thenThrows('AGREEMENT_ALREADY_SIGNED');
  });

  it('rejects an unknown instrument, and codes that contradict the instrument', () => {
    given([])
      .when(signAgreement({ instrument: 'bond' }))
      .thenThrows('UNKNOWN_INSTRUMENT');
    given([])
      .when(signAgreement({ instrument: 'loan' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH');
    given([])
      .when(signAgreement({ instrument: 'ta' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH');
  });

  it.each([
    ['financeType', '410'],
    ['flowType', '30'],
    ['aidType', 'A01'],
  ])('rejects %s %s', (field, value) => {
    given([])
      .when(signAgreement({ [field]: value }))
      .thenThrows('CODE_NOT_IN_LIST');
  });

  it('rejects a signing date in the future and a closing date not after signing', () => {
    given([])
      .when(signAgreement({ signedDate: '2026-12-01', closingDate: '2030-01-01' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([])
      .when(signAgreement({ closingDate: '2025-03-14' }))
      .thenThrows('CLOSING_DATE_NOT_AFTER_SIGNING');
  });

  it('rejects a financier with neither id nor name, and a bad amount', () => {
    given([])
      .when(signAgreement({ financier: {} }))
      .thenThrows('ORGANISATION_REFERENCE_REQUIRED');
    given([])
      .when(signAgreement({ amount: '1,000' }))
      .thenThrows('AMOUNT_MALFORMED');
  });
});
