import type { AgreementCommand } from '../agreement/commands.js';
import { agreementDecider } from '../agreement/decide.js';
import type { AgreementEvent } from '../agreement/events.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import { context } from './decision-context.js';

export const givenAgreement = deciderSpecification(agreementDecider, context);
export const AGREEMENT_ID = 'ADB-G0900-KGZ';

type CommandOf<T extends AgreementCommand['type']> = Extract<AgreementCommand, { type: T }>;
type EventOf<T extends AgreementEvent['type']> = Extract<AgreementEvent, { type: T }>;

export function agreementCommand<T extends AgreementCommand['type']>(type: T, data: Partial<CommandOf<T>['data']>): CommandOf<T> {
  return { type, data: { agreementId: AGREEMENT_ID, ...data } } as unknown as CommandOf<T>;
}

/** Loosely typed on purpose: tests write coded fields as plain objects. */
export function agreementEvent<T extends AgreementEvent['type']>(type: T, data: Record<string, unknown>): EventOf<T> {
  return { type, data: { agreementId: AGREEMENT_ID, projectId: 'ECAB-TR-02', ...data } } as unknown as EventOf<T>;
}

const coded = (codelist: string, code: string) => ({ code, codelist, version: '2.03' });

export const signAgreement = (data: Partial<CommandOf<'SignAgreement'>['data']> = {}) =>
  agreementCommand('SignAgreement', {
    projectId: 'ECAB-TR-02',
    agreementNumber: '0900-KGZ',
    financier: { organisationId: 'XM-DAC-46004' },
    instrument: 'grant',
    financeType: '110',
    flowType: '10',
    aidType: 'C01',
    amount: '24000000',
    currency: 'USD',
    signedDate: '2025-03-14',
    closingDate: '2029-12-31',
    ...data,
  });

export const agreementSigned = (data: Record<string, unknown> = {}) =>
  agreementEvent('AgreementSigned', {
    effectiveDate: '2025-03-14',
    agreementNumber: '0900-KGZ',
    financier: { organisationId: 'XM-DAC-46004' },
    instrument: 'grant',
    financeType: coded('FinanceType', '110'),
    flowType: coded('FlowType', '10'),
    aidType: coded('AidType', 'C01'),
    amount: '24000000.00',
    currency: 'USD',
    signedDate: '2025-03-14',
    closingDate: '2029-12-31',
    ...data,
  });

export const declaredEffective = agreementEvent('AgreementDeclaredEffective', { effectiveDate: '2025-06-01', effectivenessDate: '2025-06-01' });

/** A transaction event as decide records it: IATI type, canonical amount, effective on its value date. */
export const transaction = <T extends AgreementEvent['type']>(
  type: T,
  iatiType: string,
  transactionId: string,
  amount: string,
  valueDate = '2025-07-01',
  extra: Record<string, unknown> = {},
) =>
  agreementEvent(type, {
    transactionId,
    transactionType: coded('TransactionType', iatiType),
    amount,
    currency: 'USD',
    valueDate,
    effectiveDate: valueDate,
    ...extra,
  });

export const committed = (amount = '24000000.00', id = 'C-1') => transaction('AgreementCommitmentRecorded', '11', id, amount, '2025-03-14');

/** A transaction's money fields: T-1, USD, valued 1 July 2025, with `extra` on top. */
export const tx = (amount: string, extra: object = {}) => ({ transactionId: 'T-1', amount, currency: 'USD', valueDate: '2025-07-01', ...extra });

/** The agreement's balances a refusal reports, in USD. */
export const balances = (netCommitment: string, fundsReceived: string, payments: string) => ({ currency: 'USD', netCommitment, fundsReceived, payments });

/** The start of the refusal of money that would leave more disbursed than committed. */
export const leaves = (disbursed: string, netCommitment: string) => `This would leave ${disbursed} USD disbursed against a net commitment of ${netCommitment}`;
