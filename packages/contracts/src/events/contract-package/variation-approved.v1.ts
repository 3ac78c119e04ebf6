import { z } from 'zod';
import { identifier, money, signedMoney, source } from '../values.js';
import { contractFact } from './contract-fact.js';

export const contractVariationApprovedV1 = z
  .object({
    ...contractFact,
    variationId: identifier.describe('Unique within the contract'),
    amountDelta: signedMoney.describe('The change to the contract value; negative for a decrease'),
    contractValue: money.describe('The contract value after the variation'),
    reason: z.string().min(1),
    source: source.optional(),
  })
  .loose();

export type ContractVariationApprovedDataV1 = z.infer<typeof contractVariationApprovedV1>;
