import { amountField, currencyField, dateField, idField, sourceField } from '../commands/fields.js';

/**
 * What every money movement under a financing agreement carries (IATI transaction): the client may
 * name the transaction (`id`, so that it can reverse it later without reading it back); otherwise a
 * UUID is assigned. The value date may not be in the future and the balances must still hold: the
 * domain checks both.
 */
export const transactionFields = {
  /** Optional: the transaction's id under this agreement (e.g. the financier's reference); a UUID when absent. */
  id: idField.optional(),
  amount: amountField,
  currency: currencyField,
  /** When the money moved (IATI value-date), YYYY-MM-DD, not in the future. */
  valueDate: dateField,
  source: sourceField.optional(),
};

/** The agreement the examples sign and then act on, one per example project. */
export const exampleAgreementId = (projectId: string) => `AG-${projectId}`;

/** The transaction the reversal example undoes (recorded by the expenditure example). */
export const EXAMPLE_REVERSED_TRANSACTION_ID = 'EXP-2025-10-DUP';
