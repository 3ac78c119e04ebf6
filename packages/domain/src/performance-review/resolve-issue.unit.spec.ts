import { given, command, event } from '../test-support/performance-review-fixtures.js';

describe('issues and risks', () => {
  const raised = event('IssueRaised', { issueId: 'I-1', description: 'Counterpart funds late', effectiveDate: '2026-10-05' });

  it('resolves an issue on the day it was raised, each issue on its own', () => {
    given([raised])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'Paid', effectiveDate: '2026-10-05' }))
      .then([event('IssueResolved', { issueId: 'I-1', resolution: 'Paid', effectiveDate: '2026-10-05' })]);
    const other = event('IssueRaised', { issueId: 'I-2', description: 'x', effectiveDate: '2026-10-05' });
    given([raised, other, event('IssueResolved', { issueId: 'I-2', resolution: 'x' })])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'Paid' }))
      .then([event('IssueResolved', { issueId: 'I-1', resolution: 'Paid' })]);
    given([event('IssueResolved', { issueId: 'I-1', resolution: 'x' })])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'Paid' }))
      .thenThrows('ISSUE_NOT_FOUND');
  });
});

describe('RaiseIssue and ResolveIssue', () => {
  const raised = event('IssueRaised', {
    issueId: 'I-1',
    description: 'Counterpart funds late',
    dimension: 'financial_management',
    effectiveDate: '2026-10-05',
  });

  it('resolves a raised issue with a resolution', () => {
    given([raised])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'Budget released' }))
      .then([event('IssueResolved', { issueId: 'I-1', resolution: 'Budget released' })]);
  });

  it('rejects resolving an unknown or resolved issue, without a resolution, or before it was raised', () => {
    given([])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'x' }))
      .thenThrows('ISSUE_NOT_FOUND');
    given([raised, event('IssueResolved', { issueId: 'I-1', resolution: 'x' })])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'y' }))
      .thenThrows('ISSUE_ALREADY_RESOLVED');
    given([raised])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: '' }))
      .thenThrows('REASON_REQUIRED');
    given([raised])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'x', effectiveDate: '2026-10-04' }))
      .thenThrows('ISSUE_RESOLVED_BEFORE_RAISED');
  });
});
