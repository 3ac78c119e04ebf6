import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import {
  agreementCommitmentRecordedV1,
  agreementDeclaredEffectiveV1,
  agreementDisbursementRecordedV1,
  agreementOpenedV1,
  agreementSignedV1,
  closingDateExtendedV1,
  commitmentAmendedV1,
  expenditureRecordedV1,
  fundsCancelledV1,
  fundsReceivedV1,
  plannedDisbursementScheduledV1,
  transactionReversedV1,
} from './index.js';

/** Financing agreements: one stream per agreement, keyed and routed by the agreement's project. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const AGREEMENT_CONTRACTS: readonly EventContract[] = [
  publishedEvent('AgreementSigned', {
    schema: agreementSignedV1,
    description: 'A financing agreement (grant, loan, TA, counterpart or PPP tranche) for a project was signed.',
  }),
  publishedEvent('AgreementOpened', {
    schema: agreementOpenedV1,
    description: 'The project-level shorthand opened the agreement <projectId>~<financier> for money of a financier the project had no agreement with.',
  }),
  publishedEvent('AgreementDeclaredEffective', { schema: agreementDeclaredEffectiveV1, description: 'A signed financing agreement was declared effective.' }),
  publishedEvent('AgreementCommitmentRecorded', {
    schema: agreementCommitmentRecordedV1,
    description: 'A commitment under a financing agreement was recorded (IATI incoming commitment).',
  }),
  publishedEvent('CommitmentAmended', {
    schema: commitmentAmendedV1,
    description: 'A commitment under a financing agreement was increased or decreased by the signed amount.',
  }),
  publishedEvent('FundsCancelled', { schema: fundsCancelledV1, description: 'Committed funds of a financing agreement were cancelled.' }),
  publishedEvent('ClosingDateExtended', { schema: closingDateExtendedV1, description: 'The closing date of a financing agreement was extended.' }),
  publishedEvent('PlannedDisbursementScheduled', {
    schema: plannedDisbursementScheduledV1,
    description: 'A disbursement under a financing agreement was planned for a period of at most a year.',
  }),
  publishedEvent('FundsReceived', { schema: fundsReceivedV1, description: 'Funds of a financing agreement were received (IATI incoming funds).' }),
  publishedEvent('AgreementDisbursementRecorded', {
    schema: agreementDisbursementRecordedV1,
    description: 'Funds of a financing agreement were disbursed (IATI disbursement).',
  }),
  publishedEvent('ExpenditureRecorded', {
    schema: expenditureRecordedV1,
    description: 'Funds of a financing agreement were spent on goods or services (IATI expenditure).',
  }),
  publishedEvent('TransactionReversed', {
    schema: transactionReversedV1,
    description: 'A recorded money movement of a financing agreement was reversed in full, as a correction.',
  }),
];
