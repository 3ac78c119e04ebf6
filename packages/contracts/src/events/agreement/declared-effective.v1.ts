import { z } from 'zod';
import { isoDate, source } from '../values.js';
import { agreementFact } from './agreement-fact.js';

export const agreementDeclaredEffectiveV1 = z
  .object({
    ...agreementFact,
    effectivenessDate: isoDate.describe('The date the agreement became effective (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type AgreementDeclaredEffectiveDataV1 = z.infer<typeof agreementDeclaredEffectiveV1>;
