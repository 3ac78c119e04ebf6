import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import { actualRejectedV1, actualReportedV1, actualVerifiedV1, baselineSetV1, indicatorDefinedV1, resultDefinedV1, targetSetV1 } from './index.js';

/** Results frameworks (DMF): one stream per project. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const RESULTS_CONTRACTS: readonly EventContract[] = [
  publishedEvent('ResultDefined', { schema: resultDefinedV1, description: "A result (output, outcome or impact) was added to a project's results framework." }),
  publishedEvent('IndicatorDefined', {
    schema: indicatorDefinedV1,
    description: 'An indicator measuring a result was defined, with its measure and direction.',
  }),
  publishedEvent('BaselineSet', { schema: baselineSetV1, description: 'The baseline value of an indicator was set for a year.' }),
  publishedEvent('TargetSet', { schema: targetSetV1, description: 'The target value of an indicator was set for a period.' }),
  publishedEvent('ActualReported', { schema: actualReportedV1, description: 'An actual value of an indicator was reported for a period, not yet verified.' }),
  publishedEvent('ActualVerified', { schema: actualVerifiedV1, description: 'A reported actual value of an indicator was verified; it carries the value.' }),
  publishedEvent('ActualRejected', { schema: actualRejectedV1, description: 'A reported actual value of an indicator was rejected.' }),
];
