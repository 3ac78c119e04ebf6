import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import {
  amountField,
  codeField,
  currencyField,
  dateField,
  idField,
  organisationReferenceField,
  pathIds,
  requiredText,
  sourceField,
} from '../../commands/fields.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const signAgreementEndpoint = defineEndpoint({
  name: 'SignAgreement',
  aggregate: 'agreement',
  method: 'post',
  path: 'projects/:projectId/agreements',
  tag: 'Financing',
  summary: 'Record a signed financing agreement (a loan, grant, TA, counterpart line or PPP tranche) of the project',
  description:
    'The instrument must agree with the IATI codes: a loan is finance type 421, a grant 110, TA 110 with aid type D02. ' +
    'The signing date may not be in the future and the closing date, if given, must be after it.',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the agreement's id (e.g. ADB-G0900-KGZ); a UUID is assigned when absent. */
      id: idField.optional(),
      /** The financier's number, e.g. grant 0900-KGZ or loan 4321-KGZ. */
      agreementNumber: requiredText(100),
      financier: organisationReferenceField,
      /** grant, loan, ta, counterpart or ppp. */
      instrument: codeField,
      /** IATI FinanceType, e.g. 110 grant, 421 loan. */
      financeType: codeField,
      /** IATI FlowType, e.g. 10 ODA, 21 OOF. */
      flowType: codeField,
      /** IATI AidType, e.g. C01 project-type intervention, D02 technical assistance. */
      aidType: codeField,
      amount: amountField,
      currency: currencyField,
      signedDate: dateField,
      closingDate: dateField.optional(),
      /** The financier's IATI activity, e.g. XM-DAC-46004-54439-001. */
      providerActivityId: requiredText(200).optional(),
      source: sourceField.optional(),
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: 'SignAgreement',
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
