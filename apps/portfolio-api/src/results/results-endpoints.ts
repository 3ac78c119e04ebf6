import { defineIndicatorEndpoint } from './define-indicator/define-indicator.endpoint.js';
import { defineResultEndpoint } from './define-result/define-result.endpoint.js';
import { rejectActualEndpoint } from './reject-actual/reject-actual.endpoint.js';
import { reportActualEndpoint } from './report-actual/report-actual.endpoint.js';
import { setBaselineEndpoint } from './set-baseline/set-baseline.endpoint.js';
import { setTargetEndpoint } from './set-target/set-target.endpoint.js';
import { verifyActualEndpoint } from './verify-actual/verify-actual.endpoint.js';

/**
 * The results framework use cases (a project's DMF: results, indicators, baselines, targets,
 * actuals), one folder each; this table is their table of contents, in the order a framework is
 * built and reported on (the examples run in this order end to end).
 */
export const resultsEndpoints = [
  defineResultEndpoint,
  defineIndicatorEndpoint,
  setBaselineEndpoint,
  setTargetEndpoint,
  reportActualEndpoint,
  verifyActualEndpoint,
  rejectActualEndpoint,
];
