import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, pathIds, sourceField } from '../../commands/fields.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const declareAgreementEffectiveEndpoint = defineEndpoint({
  name: 'DeclareAgreementEffective',
  aggregate: 'agreement',
  method: 'post',
  path: 'agreements/:agreementId/effectiveness',
  tag: 'Financing',
  summary: 'Declare the agreement effective: from then on money may flow under it',
  description: 'Once per agreement; the effectiveness date is not before signing and not in the future.',
  creates: false,
  params: pathIds('agreementId'),
  body: z.object({ effectivenessDate: dateField, source: sourceField.optional() }).strict(),
  toCommand: ({ params, body }) => ({ type: 'DeclareAgreementEffective', data: { agreementId: params.agreementId, ...body } }),
  example: ({ projectId }) => ({ params: { agreementId: exampleAgreementId(projectId) }, body: { effectivenessDate: '2025-06-01' } }),
});
