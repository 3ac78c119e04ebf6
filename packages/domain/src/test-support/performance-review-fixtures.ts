import { context } from './decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { PerformanceReviewCommand } from '../performance-review/commands.js';
import { performanceReviewDecider } from '../performance-review/decide.js';
import type { PerformanceReviewEvent } from '../performance-review/events.js';

/** The Given/When/Then fixtures the performance-review use cases' specs share: one project's review commands and events. */
export const given = deciderSpecification(performanceReviewDecider, context);
export const ids = { projectId: 'ECAB-TR-02', period: '2026-Q3' };
export const command = (type: PerformanceReviewCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as PerformanceReviewCommand;
export const event = (type: PerformanceReviewEvent['type'], data: object) =>
  ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as PerformanceReviewEvent;
