import { signAgreementUseCase } from '@ecab/domain';
import { signAgreementRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const signAgreementEndpoint = defineEndpoint({
  name: signAgreementUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  tag: 'Financing',
  summary: 'Record a signed financing agreement (a loan, grant, TA, counterpart line or PPP tranche) of the project',
  description:
    'The instrument must agree with the IATI codes: a loan is finance type 421, a grant 110, TA 110 with aid type D02. ' +
    'The signing date may not be in the future and the closing date, if given, must be after it.',
  creates: true,
  ...signAgreementRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: signAgreementUseCase.commandType,
    data: { agreementId: id ?? newId(), projectId: params.projectId, ...rest },
  }),
  resourceId: (command) => command.data.agreementId,
  example: ({ projectId }) => ({
    params: { projectId },
    body: {
      id: exampleAgreementId(projectId),
      agreementNumber: '0900-KGZ',
      financier: { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' },
      instrument: 'grant',
      financeType: '110',
      flowType: '10',
      aidType: 'C01',
      amount: '24000000.00',
      currency: 'USD',
      signedDate: '2025-03-14',
      closingDate: '2029-12-31',
      source: { citation: 'ADB grant agreement 0900-KGZ (example)', date: '2025-03-14', confidence: 'illustrative' },
    },
  }),
});
