import { agreementEndpoints } from '../agreement/agreement-endpoints.js';
import { exchangeRatesEndpoints } from '../exchange-rates/exchange-rates-endpoints.js';
import { milestoneEndpoints } from '../milestones/milestone-endpoints.js';
import { organisationEndpoints } from '../organisation/organisation-endpoints.js';
import { performanceReviewEndpoints } from '../performance-review/performance-review-endpoints.js';
import { contractPackageEndpoints } from '../contract-package/contract-package-endpoints.js';
import { programmeEndpoints } from '../programme/programme-endpoints.js';
import { projectEndpoints } from '../project/project-endpoints.js';
import { resultsEndpoints } from '../results/results-endpoints.js';
import type { AnyCommandEndpoint } from './command-endpoint.js';
import { commandController } from './command-controller.js';

/** Every command the API takes, by resource family; the OpenAPI document and the role tests read this table. */
export const COMMAND_ENDPOINTS: readonly AnyCommandEndpoint[] = [
  ...projectEndpoints,
  ...agreementEndpoints,
  ...contractPackageEndpoints,
  ...milestoneEndpoints,
  ...performanceReviewEndpoints,
  ...resultsEndpoints,
  ...programmeEndpoints,
  ...organisationEndpoints,
  ...exchangeRatesEndpoints,
];

export const commandControllers = COMMAND_ENDPOINTS.map(commandController);
