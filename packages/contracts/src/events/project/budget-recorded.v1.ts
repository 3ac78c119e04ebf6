import { z } from 'zod';
import { coded, currencyCode, datePeriod, decimalAmount, identifier, isoDate, source } from '../values.js';
import { projectFact } from './project-fact.js';

export const budgetRecordedV1 = z
  .object({
    ...projectFact,
    budgetId: identifier.describe('Unique within the project'),
    budgetType: coded('BudgetType').describe('1 original, 2 revised'),
    budgetStatus: coded('BudgetStatus').describe('1 indicative, 2 committed'),
    period: datePeriod.describe('The period the budget is for: at most one year; budgets of one type do not overlap'),
    amount: decimalAmount,
    currency: currencyCode,
    valueDate: isoDate.describe('The date of the exchange rate for the value (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type BudgetRecordedDataV1 = z.infer<typeof budgetRecordedV1>;
