import {
  agreementEvent,
  agreementSigned,
  declaredEffective,
  signAgreement,
  givenAgreement,
  AGREEMENT_ID,
  givenAgreement as given,
} from '../test-support/agreement-fixtures.js';
import { commitmentRecorded, context, disbursementRecorded } from '../test-support/project-fixtures.js';
import { deciderSpecification, expectRuleViolation } from '../testing/decider-spec.js';
import { evolveAgreement, evolveAgreementWithProjectMoney, type AgreementState, type LegacyProjectMoney } from './agreement-state.js';
import type { RecordCommitment, RecordDisbursement } from './commands.js';
import { agreementDecider } from './decide.js';
import type { AgreementEvent } from './events.js';
import { chooseFinancierAgreement } from './financier-agreement.js';
import { parseShorthandAgreementId, shorthandAgreementId } from './stream.js';

const PROJECT = 'ECAB-TR-02';
const ADB = 'XM-DAC-46004';
const SHORTHAND = `${PROJECT}~${ADB}`;
const coded = (code: string) => ({ code, codelist: 'TransactionType', version: '2.03' });
const recordCommitment = (data: Partial<RecordCommitment['data']> = {}): RecordCommitment => ({
  type: 'RecordCommitment',
  data: { agreementId: SHORTHAND, projectId: PROJECT, financier: ADB, commitmentId: 'C-1', amount: '1500000', currency: 'USD', date: '2024-06-01', ...data },
});
const recordDisbursement = (data: Partial<RecordDisbursement['data']> = {}): RecordDisbursement => ({
  type: 'RecordDisbursement',
  data: { agreementId: SHORTHAND, projectId: PROJECT, financier: ADB, disbursementId: 'D-1', amount: '250000', currency: 'USD', date: '2024-09-15', ...data },
});
const opened = (data: Record<string, unknown> = {}) =>
  agreementEvent('AgreementOpened', {
    agreementId: SHORTHAND,
    projectId: PROJECT,
    effectiveDate: '2024-06-01',
    financier: { ref: ADB },
    currency: 'USD',
    openedBy: 'shorthand',
    ...data,
  });
const money = (type: 'AgreementCommitmentRecorded' | 'FundsReceived', id: string, amount: string, valueDate: string, agreementId = SHORTHAND) =>
  agreementEvent(type, {
    agreementId,
    projectId: PROJECT,
    effectiveDate: valueDate,
    transactionId: id,
    transactionType: coded(type === 'FundsReceived' ? '1' : '11'),
    amount,
    currency: 'USD',
    valueDate,
  });
/** The state the API folds for a shorthand agreement: its project-stream money of before agreements, then its own stream. */
type Folded = AgreementEvent | LegacyProjectMoney;
const givenWithProjectMoney = deciderSpecification<RecordCommitment | RecordDisbursement, Folded, AgreementState, typeof context>(
  {
    decide: (command, state, ctx) => agreementDecider.decide(command, state, ctx),
    evolve: (state, event) =>
      event.type === 'CommitmentRecorded' || event.type === 'DisbursementRecorded'
        ? evolveAgreementWithProjectMoney(state, event)
        : evolveAgreement(state, event),
    initialState: agreementDecider.initialState,
  },
  context,
);
const legacyCommitment = commitmentRecorded({ projectId: PROJECT, commitmentId: 'OLD-C', amount: '1000.00', agreementId: SHORTHAND, valueDate: '2023-01-10' });
const legacyDisbursement = disbursementRecorded({
  projectId: PROJECT,
  disbursementId: 'OLD-D',
  amount: '400.00',
  agreementId: SHORTHAND,
  valueDate: '2023-02-10',
});

// What a client sees when an agreement command is refused: each rule's code, message and details.

const signed = agreementSigned();

describe('the project-level shorthand: RecordCommitment', () => {
  it('opens the shorthand agreement <projectId>~<financier> when it has no events, then records the commitment (IATI 11) on it', () => {
    givenAgreement([])
      .when(recordCommitment())
      .then([opened(), money('AgreementCommitmentRecorded', 'C-1', '1500000.00', '2024-06-01')]);
  });

  it('records on an agreement that already exists without opening it again', () => {
    givenAgreement([opened(), money('AgreementCommitmentRecorded', 'C-1', '1500000.00', '2024-06-01')])
      .when(recordCommitment({ commitmentId: 'C-2', amount: '10', date: '2024-07-01' }))
      .then([money('AgreementCommitmentRecorded', 'C-2', '10.00', '2024-07-01')]);
  });

  it('records on a signed agreement of the project when the caller chose it', () => {
    givenAgreement([agreementSigned({ projectId: PROJECT })])
      .when(recordCommitment({ agreementId: AGREEMENT_ID, date: '2025-03-14' }))
      .then([money('AgreementCommitmentRecorded', 'C-1', '1500000.00', '2025-03-14', AGREEMENT_ID)]);
  });

  it('opens nothing when the money is refused', () => {
    givenAgreement([])
      .when(recordCommitment({ amount: '1e5' }))
      .thenThrows('AMOUNT_MALFORMED');
    givenAgreement([])
      .when(recordCommitment({ currency: 'ABC' }))
      .thenThrows('UNKNOWN_CURRENCY');
    givenAgreement([])
      .when(recordCommitment({ date: '2026-11-27' }))
      .thenThrows('VALUE_DATE_IN_FUTURE');
    givenAgreement([])
      .when(recordCommitment({ financier: ' ' }))
      .thenThrows('IDENTIFIER_INVALID');
  });

  it('never opens an agreement that is not the shorthand one', () => {
    givenAgreement([])
      .when(recordCommitment({ agreementId: 'SOMETHING-ELSE' }))
      .thenThrows('AGREEMENT_NOT_FOUND');
  });

  it('refuses an agreement of another project', () => {
    givenAgreement([agreementSigned()])
      .when(recordCommitment({ agreementId: AGREEMENT_ID, projectId: 'ECAB-HE-01' }))
      .thenThrows('AGREEMENT_OF_ANOTHER_PROJECT');
  });

  it('refuses a commitment id already recorded on the agreement, also one recorded on the project stream before agreements', () => {
    givenAgreement([opened(), money('AgreementCommitmentRecorded', 'C-1', '1.00', '2024-06-01')])
      .when(recordCommitment())
      .thenThrows('DUPLICATE_TRANSACTION_ID');
    givenWithProjectMoney([legacyCommitment])
      .when(recordCommitment({ commitmentId: 'OLD-C' }))
      .thenThrows('DUPLICATE_TRANSACTION_ID');
  });
});

describe('the project-level shorthand: RecordDisbursement (money released, IATI 1)', () => {
  const committedOnShorthand = [opened(), money('AgreementCommitmentRecorded', 'C-1', '1000000.00', '2024-06-01')];

  it('records funds received on the shorthand agreement, which is effective from its opening', () => {
    givenAgreement(committedOnShorthand)
      .when(recordDisbursement())
      .then([money('FundsReceived', 'D-1', '250000.00', '2024-09-15')]);
  });

  it('allows the whole commitment to the cent, and refuses one cent more, per currency', () => {
    givenAgreement([...committedOnShorthand, money('FundsReceived', 'D-1', '999999.99', '2024-09-15')])
      .when(recordDisbursement({ disbursementId: 'D-2', amount: '0.01' }))
      .then([money('FundsReceived', 'D-2', '0.01', '2024-09-15')]);
    const refused = givenAgreement([...committedOnShorthand, money('FundsReceived', 'D-1', '999999.99', '2024-09-15')])
      .when(recordDisbursement({ disbursementId: 'D-2', amount: '0.02' }))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
    expect(refused.details).toMatchObject({ currency: 'USD', netCommitment: '1000000.00', fundsReceived: '1000000.01' });
    givenAgreement(committedOnShorthand)
      .when(recordDisbursement({ amount: '100', currency: 'KZT' }))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
  });

  it('refuses a first disbursement with nothing committed, and then opens nothing', () => {
    givenAgreement([]).when(recordDisbursement()).thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
  });

  it('counts the project-stream money of before agreements under the shorthand agreement', () => {
    givenWithProjectMoney([legacyCommitment, legacyDisbursement])
      .when(recordDisbursement({ amount: '600' }))
      .then([opened({ effectiveDate: '2024-09-15' }), money('FundsReceived', 'D-1', '600.00', '2024-09-15')]);
    givenWithProjectMoney([legacyCommitment, legacyDisbursement])
      .when(recordDisbursement({ amount: '600.01' }))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
    givenWithProjectMoney([legacyCommitment, legacyDisbursement])
      .when(recordDisbursement({ disbursementId: 'OLD-D', amount: '1' }))
      .thenThrows('DUPLICATE_TRANSACTION_ID');
  });

  it('keeps both old ids when a commitment and a disbursement of before agreements share one', () => {
    const state = [legacyCommitment, disbursementRecorded({ projectId: PROJECT, disbursementId: 'OLD-C', amount: '5.00', agreementId: SHORTHAND })].reduce(
      (s: AgreementState, e: LegacyProjectMoney) => evolveAgreementWithProjectMoney(s, e),
      agreementDecider.initialState(),
    );
    expect([...(state.transactions?.keys() ?? [])]).toEqual(['OLD-C', 'OLD-C#FundsReceived']);
  });

  it('on a signed agreement, waits for effectiveness like RecordFundsReceived', () => {
    const signed = agreementSigned({ projectId: PROJECT });
    const committed = money('AgreementCommitmentRecorded', 'C-1', '1000.00', '2025-03-14', AGREEMENT_ID);
    givenAgreement([signed, committed])
      .when(recordDisbursement({ agreementId: AGREEMENT_ID, date: '2025-07-01' }))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE');
    givenAgreement([signed, committed, declaredEffective])
      .when(recordDisbursement({ agreementId: AGREEMENT_ID, amount: '10', date: '2025-07-01' }))
      .then([money('FundsReceived', 'D-1', '10.00', '2025-07-01', AGREEMENT_ID)]);
  });

  it('a shorthand agreement is already effective and cannot be signed', () => {
    givenAgreement([opened()])
      .when({ type: 'DeclareAgreementEffective', data: { agreementId: SHORTHAND, effectivenessDate: '2024-07-01' } })
      .thenThrows('AGREEMENT_ALREADY_EFFECTIVE');
    givenAgreement([])
      .when(signAgreement({ agreementId: SHORTHAND }))
      .thenThrows('AGREEMENT_ID_RESERVED');
  });
});

describe('which agreement the shorthand acts on', () => {
  const signedWith = (agreementId: string, financier: object) => ({ agreementId, financier });

  it('names the shorthand agreement <projectId>~<financierRef> and reads it back', () => {
    expect(shorthandAgreementId(PROJECT, ADB)).toBe(SHORTHAND);
    expect(parseShorthandAgreementId(SHORTHAND)).toEqual({ projectId: PROJECT, financierRef: ADB });
    expect([AGREEMENT_ID, '~X', 'P~', 'a~b~c'].map(parseShorthandAgreementId)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('opens the shorthand agreement when the project has none with that financier', () => {
    expect(chooseFinancierAgreement(PROJECT, ADB, [signedWith('WB-1', { organisationId: 'XM-DAC-44000' })])).toBe(SHORTHAND);
  });

  it('uses the only agreement with that financier: signed (by id or exact name) or opened before', () => {
    expect(
      chooseFinancierAgreement(PROJECT, ADB, [signedWith('G-1', { organisationId: ADB, name: 'ADB' }), signedWith('WB-1', { organisationId: 'XM-DAC-44000' })]),
    ).toBe('G-1');
    expect(chooseFinancierAgreement(PROJECT, 'EBRD', [signedWith('E-1', { name: 'EBRD' })])).toBe('E-1');
    expect(chooseFinancierAgreement(PROJECT, ADB, [signedWith(SHORTHAND, { ref: ADB }), signedWith(SHORTHAND, { ref: ADB })])).toBe(SHORTHAND);
  });

  it('refuses to guess between several agreements with that financier', () => {
    expectRuleViolation(
      () => chooseFinancierAgreement(PROJECT, ADB, [signedWith('G-1', { organisationId: ADB }), signedWith(SHORTHAND, { ref: ADB })]),
      'FINANCIER_AGREEMENT_AMBIGUOUS',
      {
        message: `Project ${PROJECT} has 2 agreements with ${ADB}; record the money on one of them (POST /agreements/{agreementId}/commitments or …/funds-received)`,
        details: { projectId: PROJECT, financier: ADB, agreementIds: ['ECAB-TR-02~XM-DAC-46004', 'G-1'] },
      },
    );
  });
});

describe('project-level shorthand refusals', () => {
  const commit = (data: object) =>
    ({
      type: 'RecordCommitment',
      data: {
        agreementId: AGREEMENT_ID,
        projectId: 'ECAB-TR-02',
        financier: 'XM-DAC-46004',
        commitmentId: 'C-9',
        amount: '1',
        currency: 'USD',
        date: '2025-07-01',
        ...data,
      },
    }) as never;

  it('name the agreement of another project, or one never signed', () => {
    given([signed])
      .when(commit({ projectId: 'ECAB-TR-09' }))
      .thenThrows('AGREEMENT_OF_ANOTHER_PROJECT', {
        message: `Agreement ${AGREEMENT_ID} belongs to project ECAB-TR-02, not ECAB-TR-09`,
        details: { agreementId: AGREEMENT_ID, projectId: 'ECAB-TR-02' },
      });
    given([])
      .when(commit({}))
      .thenThrows('AGREEMENT_NOT_FOUND', { message: `Agreement ${AGREEMENT_ID} has not been signed`, details: { agreementId: AGREEMENT_ID } });
  });

  it('check the project and financier ids', () => {
    given([])
      .when(commit({ projectId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'projectId' });
    given([])
      .when(commit({ financier: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'financier' });
  });
});
