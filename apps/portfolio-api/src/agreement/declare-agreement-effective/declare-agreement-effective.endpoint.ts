import { declareAgreementEffectiveUseCase } from '@ecab/domain';
import { declareAgreementEffectiveRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const declareAgreementEffectiveEndpoint = defineEndpoint({
  name: declareAgreementEffectiveUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  tag: 'Financing',
  summary: 'Declare the agreement effective: from then on money may flow under it',
  description: 'Once per agreement; the effectiveness date is not before signing and not in the future.',
  creates: false,
  ...declareAgreementEffectiveRequest,
  toCommand: ({ params, body }) => ({ type: declareAgreementEffectiveUseCase.commandType, data: { agreementId: params.agreementId, ...body } }),
  example: ({ projectId }) => ({ params: { agreementId: exampleAgreementId(projectId) }, body: { effectivenessDate: '2025-06-01' } }),
});
