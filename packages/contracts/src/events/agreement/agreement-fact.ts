import type { z } from 'zod';
import { coded, currencyCode, identifier, isoDate, occurredOn, projectId, source } from '../values.js';

/** What every financing-agreement event carries: which agreement, of which project, effective when. */
export const agreementFact = {
  agreementId: identifier.describe('The financing agreement; one per loan, grant, TA, counterpart line or PPP tranche'),
  projectId,
  effectiveDate: occurredOn.describe('When it took effect in the world (YYYY-MM-DD); for money movements the value date'),
} as const;

/**
 * A recorded money movement. Its amount is positive, except on an amendment, which carries its sign:
 * each event passes the amount schema it needs.
 */
export const agreementTransaction = <Amount extends z.ZodType<string>>(amount: Amount) => ({
  ...agreementFact,
  transactionId: identifier.describe('Unique within the agreement; a reversal names it'),
  transactionType: coded('TransactionType').describe('The IATI transaction type: 11 incoming commitment, 1 incoming funds, 3 disbursement, 4 expenditure'),
  amount,
  currency: currencyCode,
  valueDate: isoDate.describe('The value date (YYYY-MM-DD)'),
  source: source.optional(),
});
