import { z } from 'zod';
import { isoDate, money, source } from '../values.js';
import { contractFact } from './contract-fact.js';

export const procurementPackagePlannedV1 = z
  .object({
    ...contractFact,
    title: z.string().min(1),
    method: z
      .enum(['ICB', 'NCB', 'QCBS', 'QBS', 'CQS', 'ICS', 'shopping', 'direct'])
      .describe(
        'How it is procured: international or national competitive bidding, consultant selection (QCBS, QBS, CQS, ICS), shopping or direct contracting; more may be added',
      ),
    estimatedValue: money.describe('The estimated contract value'),
    plannedAwardDate: isoDate.describe('When the contract is planned to be awarded (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type ProcurementPackagePlannedDataV1 = z.infer<typeof procurementPackagePlannedV1>;
