import { shorthandAgreementId, recordCommitmentUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { amountField, currencyField, dateField, organisationIdField, pathIds } from '@ecab/contracts/commands';

export const recordCommitmentEndpoint = defineEndpoint({
  name: recordCommitmentUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  path: 'projects/:projectId/commitments',
  tag: 'Financing',
  summary: "Record a commitment of a financier to the project, on the project's agreement with that financier",
  description:
    'A shorthand for POST /agreements/{agreementId}/commitments (IATI 11): it acts on the only agreement of the project with that financier ' +
    '(signed, or opened by an earlier shorthand). When there is none it first opens one, `<projectId>~<financier>` (AgreementOpened, openedBy shorthand); ' +
    'when there are several it refuses (422 FINANCIER_AGREEMENT_AMBIGUOUS) — use the agreement endpoints. ' +
    'The answer names the agreement stream (`streamId: agreement-…`, `consistentWith: agreement-…@<version>`); If-Match compares that stream’s version.',
  creates: true,
  params: pathIds('projectId'),
  body: z.object({ amount: amountField, currency: currencyField, date: dateField, financier: organisationIdField }).strict(),
  // The agreement is the shorthand one until the executor looks up the project's agreements with the financier.
  toCommand: ({ params, body, newId }) => ({
    type: recordCommitmentUseCase.commandType,
    data: { agreementId: shorthandAgreementId(params.projectId, body.financier), projectId: params.projectId, commitmentId: newId(), ...body },
  }),
  resourceId: (command) => command.data.commitmentId,
  example: ({ projectId }) => ({ params: { projectId }, body: { amount: '1500000.00', currency: 'USD', date: '2024-06-01', financier: 'XM-DAC-46004' } }),
});
