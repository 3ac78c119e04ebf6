import { raiseIssueEndpoint } from './raise-issue/raise-issue.endpoint.js';
import { ratePerformanceEndpoint } from './rate-performance/rate-performance.endpoint.js';
import { registerRiskEndpoint } from './register-risk/register-risk.endpoint.js';
import { resolveIssueEndpoint } from './resolve-issue/resolve-issue.endpoint.js';

/**
 * The performance review use cases, one folder each; this table is their table of contents, in the
 * order a quarter's review lives them: rated, issues raised and resolved, risks registered (the
 * examples run in this order end to end).
 */
export const performanceReviewEndpoints = [ratePerformanceEndpoint, raiseIssueEndpoint, resolveIssueEndpoint, registerRiskEndpoint];
