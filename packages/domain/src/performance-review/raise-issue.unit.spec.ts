import { given, command, event } from '../test-support/performance-review-fixtures.js';

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
