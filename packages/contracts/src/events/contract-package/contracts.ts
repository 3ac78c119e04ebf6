import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import { contractAwardedV1, contractCompletedV1, contractTerminatedV1, contractVariationApprovedV1, procurementPackagePlannedV1 } from './index.js';

/** Contract packages: one stream per procurement package, from plan to completion or termination. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const CONTRACT_PACKAGE_CONTRACTS: readonly EventContract[] = [
  publishedEvent('ProcurementPackagePlanned', {
    schema: procurementPackagePlannedV1,
    description: 'A procurement package of a project was planned, with its method, estimated value and planned award date.',
  }),
  publishedEvent('ContractAwarded', { schema: contractAwardedV1, description: 'The contract of a procurement package was awarded to a contractor.' }),
  publishedEvent('ContractVariationApproved', {
    schema: contractVariationApprovedV1,
    description: 'A variation changing the value of an awarded contract was approved.',
  }),
  publishedEvent('ContractCompleted', { schema: contractCompletedV1, description: 'An awarded contract was completed.' }),
  publishedEvent('ContractTerminated', { schema: contractTerminatedV1, description: 'An awarded contract was terminated before completion.' }),
];
