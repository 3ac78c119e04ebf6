import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { PerformanceReviewCommand } from './commands.js';
import { performanceReviewDecider } from './decide.js';
import type { PerformanceReviewEvent } from './events.js';

const given = deciderSpecification(performanceReviewDecider, context);
const ids = { projectId: 'ECAB-TR-02', period: '2026-Q3' };
const command = (type: PerformanceReviewCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as PerformanceReviewCommand;
const event = (type: PerformanceReviewEvent['type'], data: object) =>
  ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as PerformanceReviewEvent;

describe('RaiseIssue and ResolveIssue', () => {
  const raised = event('IssueRaised', {
    issueId: 'I-1',
    description: 'Counterpart funds late',
    dimension: 'financial_management',
    effectiveDate: '2026-10-05',
  });

  it('raises an issue, optionally against a dimension', () => {
    given([])
      .when(command('RaiseIssue', { issueId: 'I-1', description: ' Counterpart funds late ', dimension: 'financial_management', effectiveDate: '2026-10-05' }))
      .then([raised]);
  });

  it('rejects an issue id used before, a blank description and an unknown dimension', () => {
    given([raised])
      .when(command('RaiseIssue', { issueId: 'I-1', description: 'x' }))
      .thenThrows('DUPLICATE_ISSUE_ID');
    given([])
      .when(command('RaiseIssue', { issueId: 'I-1', description: ' ' }))
      .thenThrows('ISSUE_DESCRIPTION_REQUIRED');
    given([])
      .when(command('RaiseIssue', { issueId: 'I-1', description: 'x', dimension: 'weather' }))
      .thenThrows('UNKNOWN_PERFORMANCE_DIMENSION');
  });
});
