import { extendClosingDateUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, effectiveDateField, pathIds, requiredText, sourceField } from '@ecab/contracts/commands';
import { exampleAgreementId } from '../agreement-fields.js';

export const extendClosingDateEndpoint = defineEndpoint({
  name: extendClosingDateUseCase.commandType,
  aggregate: 'agreement',
  method: 'put',
  path: 'agreements/:agreementId/closing-date',
  tag: 'Financing',
  summary: 'Extend the closing date of the agreement, with the reason',
  description: 'The new closing date must be later than the current one (or than the signing date when there is none).',
  creates: false,
  params: pathIds('agreementId'),
  body: z.object({ closingDate: dateField, reason: requiredText(1000), source: sourceField.optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: extendClosingDateUseCase.commandType, data: { agreementId: params.agreementId, ...body } }),
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: { closingDate: '2030-06-30', reason: 'Civil works delayed by the late handover of the right of way (example)', effectiveDate: '2026-04-15' },
  }),
});
