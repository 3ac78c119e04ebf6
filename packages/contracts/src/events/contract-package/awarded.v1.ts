import { z } from 'zod';
import { isoDate, money, organisationReference, source } from '../values.js';
import { contractFact } from './contract-fact.js';

export const contractAwardedV1 = z
  .object({
    ...contractFact,
    contractor: organisationReference.describe('The organisation the contract was awarded to'),
    contractValue: money.describe('The value of the contract as awarded'),
    awardDate: isoDate.describe('The award date (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type ContractAwardedDataV1 = z.infer<typeof contractAwardedV1>;
