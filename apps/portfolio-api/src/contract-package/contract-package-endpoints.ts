import { approveContractVariationEndpoint } from './approve-contract-variation/approve-contract-variation.endpoint.js';
import { awardContractEndpoint } from './award-contract/award-contract.endpoint.js';
import { completeContractEndpoint } from './complete-contract/complete-contract.endpoint.js';
import { planProcurementPackageEndpoint } from './plan-procurement-package/plan-procurement-package.endpoint.js';
import { terminateContractEndpoint } from './terminate-contract/terminate-contract.endpoint.js';

/**
 * The procurement use cases, one folder each; this table is their table of contents, in the order a
 * contract package lives them: planned, awarded, varied, then completed or terminated (the examples
 * run in this order end to end).
 */
export const contractPackageEndpoints = [
  planProcurementPackageEndpoint,
  awardContractEndpoint,
  approveContractVariationEndpoint,
  completeContractEndpoint,
  terminateContractEndpoint,
];
