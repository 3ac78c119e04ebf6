import {
  AGREEMENT_ID,
  agreementCommand,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement,
  signAgreement,
  transaction,
} from './test-support/agreement-fixtures.js';
import { award, awarded, command as contractCommand, given as givenContract, plan, planned } from './test-support/contract-package-fixtures.js';
import { context } from './test-support/decision-context.js';
import { deciderSpecification } from './testing/decider-spec.js';
import { exchangeRatesDecider } from './exchange-rates/decide.js';
import { milestonesDecider } from './milestones/decide.js';
import type { MilestoneCommand } from './milestones/commands.js';
import { organisationDecider } from './organisation/decide.js';
import type { OrganisationCommand } from './organisation/commands.js';
import { resultsDecider } from './results/decide.js';
import type { ResultsCommand } from './results/commands.js';
import type { ResultsEvent } from './results/events.js';

// A refusal of a malformed input names the input (`details.field`), so that a client can point at it. One line per
// input of the agreement, contract-package, exchange-rates, milestones, organisation and results commands.

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];
const tx = { transactionId: 'T-1', amount: '1', currency: 'USD', valueDate: '2025-07-01' };

describe('agreement refusals name the field', () => {
  it.each([
    ['financier', signAgreement({ financier: {} }), 'ORGANISATION_REFERENCE_REQUIRED'],
    ['financeType', signAgreement({ financeType: '410' }), 'CODE_NOT_IN_LIST'],
    ['flowType', signAgreement({ flowType: '30' }), 'CODE_NOT_IN_LIST'],
    ['aidType', signAgreement({ aidType: 'A01' }), 'CODE_NOT_IN_LIST'],
    ['signedDate', signAgreement({ signedDate: '2026-12-01', closingDate: '2030-01-01' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['closingDate', signAgreement({ closingDate: '2030-02-30' }), 'DATE_INVALID'],
  ])('%s when signing', (field, command, code) => {
    givenAgreement([]).when(command).thenThrows(code, { field });
  });
  it.each([
    ['effectivenessDate', [signed], agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['closingDate', [signed], agreementCommand('ExtendClosingDate', { closingDate: '2030-02-30', reason: 'x' }), 'DATE_INVALID'],
    [
      'period',
      [signed],
      agreementCommand('SchedulePlannedDisbursement', {
        plannedDisbursementId: 'PD',
        period: { start: '2027-01-01', end: '2028-01-01' },
        amount: '1',
        currency: 'USD',
      }),
      'PERIOD_LONGER_THAN_A_YEAR',
    ],
    ['transactionId', [signed], agreementCommand('RecordAgreementCommitment', { ...tx, transactionId: ' ' }), 'IDENTIFIER_INVALID'],
    ['receiver', effective, agreementCommand('RecordAgreementDisbursement', { ...tx, receiver: {} }), 'ORGANISATION_REFERENCE_REQUIRED'],
    ['receiver', effective, agreementCommand('RecordExpenditure', { ...tx, receiver: { name: ' ' } }), 'ORGANISATION_REFERENCE_REQUIRED'],
  ])('%s of an agreement command', (field, history, command, code) => {
    givenAgreement(history).when(command).thenThrows(code, { field });
  });
  it('keeps the receiver of an expenditure', () => {
    const receiver = { organisationId: 'KZ-BIN-123' };
    givenAgreement(effective)
      .when(agreementCommand('RecordExpenditure', { ...tx, receiver }))
      .then([transaction('ExpenditureRecorded', '4', 'T-1', '1.00', '2025-07-01', { receiver })]);
    expect(AGREEMENT_ID).toBe('ADB-G0900-KGZ');
  });
});

describe('contract-package refusals name the field', () => {
  it.each([
    ['contractId', [], plan({ contractId: ' CW-01' }), 'IDENTIFIER_INVALID'],
    ['projectId', [], plan({ projectId: '' }), 'IDENTIFIER_INVALID'],
    ['plannedAwardDate', [], plan({ plannedAwardDate: '2027-02-29' }), 'DATE_INVALID'],
    ['contractor', [planned], award({ contractor: { name: ' ' } }), 'ORGANISATION_REFERENCE_REQUIRED'],
    ['awardDate', [planned], award({ awardDate: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['completionDate', [planned, awarded], contractCommand('CompleteContract', { completionDate: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['completionDate', [planned, awarded], contractCommand('CompleteContract', { completionDate: '2026-10-14' }), 'CONTRACT_DATE_BEFORE_AWARD'],
    ['effectiveDate', [planned, awarded], contractCommand('TerminateContract', { reason: 'x', effectiveDate: '2026-10-14' }), 'CONTRACT_DATE_BEFORE_AWARD'],
  ])('%s', (field, history, command, code) => {
    givenContract(history).when(command).thenThrows(code, { field });
  });
});

describe('exchange-rates, milestones and organisation refusals name the field', () => {
  it('a rate date', () => {
    deciderSpecification(
      exchangeRatesDecider,
      context,
    )([])
      .when({ type: 'RecordExchangeRates', data: { currency: 'KZT', rates: [{ date: '2024-02-30', usdPerUnit: '0.002' }] } })
      .thenThrows('DATE_INVALID', { field: 'date' });
  });
  const milestones = deciderSpecification(milestonesDecider, context);
  const milestone = (type: MilestoneCommand['type'], data: object) =>
    ({ type, data: { projectId: 'ECAB-TR-01', milestoneId: 'M', ...data } }) as MilestoneCommand;
  const plannedMilestone = {
    type: 'MilestonePlanned',
    data: { projectId: 'ECAB-TR-01', milestoneId: 'M', effectiveDate: '2026-11-26', category: 'signing', baselineDate: '2026-11-30' },
  } as never;
  it.each([
    ['baselineDate', [], milestone('PlanMilestone', { category: 'signing', baselineDate: '2027-02-29' }), 'DATE_INVALID'],
    ['actualDate', [plannedMilestone], milestone('AchieveMilestone', { actualDate: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['newDate', [plannedMilestone], milestone('RescheduleMilestone', { newDate: '2027-02-30', reason: 'x' }), 'DATE_INVALID'],
  ])('milestone %s', (field, history, command, code) => {
    milestones(history).when(command).thenThrows(code, { field });
  });
  it('an organisation type', () => {
    const register = { type: 'RegisterOrganisation', data: { organisationId: 'KZ-MNE', names: { en: 'Ministry' }, type: '99' } } as OrganisationCommand;
    deciderSpecification(organisationDecider, context)([]).when(register).thenThrows('CODE_NOT_IN_LIST', { field: 'type' });
  });
});

describe('results refusals name the field', () => {
  const given = deciderSpecification(resultsDecider, context);
  const command = (type: ResultsCommand['type'], data: object) => ({ type, data: { projectId: 'ECAB-AQ-02', ...data } }) as ResultsCommand;
  const event = (type: ResultsEvent['type'], data: object) =>
    ({ type, data: { projectId: 'ECAB-AQ-02', effectiveDate: '2026-11-26', ...data } }) as ResultsEvent;
  const coded = (codelist: string, code: string) => ({ code, codelist, version: '2.03' });
  const outcome = event('ResultDefined', { resultId: 'R', resultType: coded('ResultType', '2'), title: 'Cleaner air' });
  const pm25 = event('IndicatorDefined', { resultId: 'R', indicatorId: 'PM25', title: 'PM2.5', measure: coded('IndicatorMeasure', '1'), ascending: false });
  const framework = [outcome, pm25];
  const badPeriod = { start: '2025-12-01', end: '2025-11-30' };
  it.each([
    ['resultType', [], command('DefineResult', { resultId: 'R', resultType: '4', title: 'x' }), 'CODE_NOT_IN_LIST'],
    ['measure', [outcome], command('DefineIndicator', { resultId: 'R', indicatorId: 'I', title: 't', measure: '9', ascending: true }), 'CODE_NOT_IN_LIST'],
    ['value', framework, command('SetBaseline', { indicatorId: 'PM25', year: 2024, value: 'high' }), 'VALUE_NOT_DECIMAL'],
    ['value', framework, command('SetTarget', { indicatorId: 'PM25', period: { start: '2028-01-01', end: '2028-12-31' }, value: 'low' }), 'VALUE_NOT_DECIMAL'],
    [
      'value',
      framework,
      command('ReportActual', { indicatorId: 'PM25', period: { start: '2025-01-01', end: '2025-12-31' }, value: 'some' }),
      'VALUE_NOT_DECIMAL',
    ],
    ['period', framework, command('SetTarget', { indicatorId: 'PM25', period: badPeriod, value: '1' }), 'PERIOD_END_BEFORE_START'],
    ['period', framework, command('ReportActual', { indicatorId: 'PM25', period: badPeriod, value: '1' }), 'PERIOD_END_BEFORE_START'],
    ['period', framework, command('VerifyActual', { indicatorId: 'PM25', period: badPeriod }), 'PERIOD_END_BEFORE_START'],
  ])('%s', (field, history, cmd, code) => {
    given(history).when(cmd).thenThrows(code, { field });
  });
  it('defines an indicator without a unit', () => {
    given([outcome])
      .when(command('DefineIndicator', { resultId: 'R', indicatorId: 'I', title: 't', measure: '1', ascending: true }))
      .then([event('IndicatorDefined', { resultId: 'R', indicatorId: 'I', title: 't', measure: coded('IndicatorMeasure', '1'), ascending: true })]);
  });
});
