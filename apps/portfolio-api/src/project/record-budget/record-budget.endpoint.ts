import { recordBudgetUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { amountField, codeField, currencyField, dateField, effectiveDateField, idField, pathIds, periodField, sourceField } from '@ecab/contracts/commands';

export const recordBudgetEndpoint = defineEndpoint({
  name: recordBudgetUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/budgets',
  tag: 'Projects',
  summary: 'Record a budget of the project for a period of at most one year (IATI budget: type 1 original / 2 revised, status 1 indicative / 2 committed)',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the budget's id (e.g. B-2027); a UUID is assigned when absent. */
      id: idField.optional(),
      budgetType: codeField,
      budgetStatus: codeField,
      period: periodField,
      amount: amountField,
      currency: currencyField,
      valueDate: dateField.optional(),
      source: sourceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: recordBudgetUseCase.commandType,
    data: { projectId: params.projectId, budgetId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.budgetId,
  example: ({ projectId }) => ({
    params: { projectId },
    body: { id: 'B-2027', budgetType: '1', budgetStatus: '1', period: { start: '2027-01-01', end: '2027-12-31' }, amount: '8000000.00', currency: 'USD' },
  }),
});
