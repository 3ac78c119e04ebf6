import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import { issueRaisedV1, issueResolvedV1, performanceRatedV1, riskRegisteredV1 } from './index.js';

/** Performance reviews: one stream per project and quarter. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const PERFORMANCE_REVIEW_CONTRACTS: readonly EventContract[] = [
  publishedEvent('PerformanceRated', {
    schema: performanceRatedV1,
    description: 'A project was rated for a quarter, per dimension and overall, under recorded thresholds.',
  }),
  publishedEvent('IssueRaised', { schema: issueRaisedV1, description: 'An implementation issue of a project was raised in a quarterly review.' }),
  publishedEvent('IssueResolved', { schema: issueResolvedV1, description: 'An implementation issue of a project was resolved.' }),
  publishedEvent('RiskRegistered', {
    schema: riskRegisteredV1,
    description: 'A risk to a project was registered, with its likelihood, impact and mitigation.',
  }),
];
