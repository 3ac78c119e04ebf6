import { agreementEndpoints } from '../financing/agreement-endpoints.js';
import { exchangeRatesEndpoints } from '../exchange-rates/exchange-rates-endpoints.js';
import { milestoneEndpoints } from '../milestones/milestone-endpoints.js';
import { organisationEndpoints } from '../organisations/organisation-endpoints.js';
import { performanceEndpoints } from '../performance/performance-endpoints.js';
import { procurementEndpoints } from '../procurement/procurement-endpoints.js';
import { programmeEndpoints } from '../programme/programme-endpoints.js';
import { projectEndpoints } from '../projects/project-endpoints.js';
import { resultsEndpoints } from '../results/results-endpoints.js';
import type { AnyCommandEndpoint } from './command-endpoint.js';
import { commandController } from './command-controller.js';

/** Every command the API takes, by resource family; the OpenAPI document and the role tests read this table. */
export const COMMAND_ENDPOINTS: readonly AnyCommandEndpoint[] = [...projectEndpoints, ...agreementEndpoints, ...procurementEndpoints, ...milestoneEndpoints, ...performanceEndpoints, ...resultsEndpoints, ...programmeEndpoints, ...organisationEndpoints, ...exchangeRatesEndpoints];

export const commandControllers = COMMAND_ENDPOINTS.map(commandController);
