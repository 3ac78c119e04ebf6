import { z } from 'zod';
import { currencyCode, identifier } from '../values.js';
import { agreementFact } from './agreement-fact.js';

export const agreementOpenedV1 = z
  .object({
    ...agreementFact,
    agreementId: identifier.describe('The shorthand agreement: <projectId>~<financier ref>'),
    financier: z
      .object({
        ref: identifier.describe('The financier as the shorthand named it, usually an IATI organisation id, e.g. XM-DAC-46004'),
        name: z.string().min(1).optional().describe('Its name, when known'),
      })
      .loose()
      .describe('The organisation that provides the funds'),
    currency: currencyCode.describe('The currency of the money that opened it (later money may be in others)'),
    openedBy: z.enum(['shorthand']).describe('What opened it: the project-level shorthand (POST /projects/{id}/commitments or …/disbursements)'),
  })
  .loose();

export type AgreementOpenedDataV1 = z.infer<typeof agreementOpenedV1>;
