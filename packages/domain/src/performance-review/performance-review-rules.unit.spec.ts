import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { PerformanceReviewCommand } from './commands.js';
import { performanceReviewDecider } from './decide.js';
import type { PerformanceReviewEvent } from './events.js';
import { rateDisbursement } from './rate-disbursement.js';
import { reviewPeriodDates } from './review-period.js';

// What a client sees when a performance-review command is refused, and the edges of the rules.

const given = deciderSpecification(performanceReviewDecider, context);
const ids = { projectId: 'ECAB-TR-02', period: '2026-Q3' };
const command = (type: PerformanceReviewCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as PerformanceReviewCommand;
const event = (type: PerformanceReviewEvent['type'], data: object) =>
  ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as PerformanceReviewEvent;
const thresholds = { version: 'adb-2027-1', forAttentionGapPoints: 10, atRiskGapPoints: 20 };

describe('rating edges', () => {
  it('computes the disbursement rating the thresholds give at their edges', () => {
    expect(rateDisbursement({ disbursedPct: '40', elapsedPct: '50' }, thresholds)).toBe('on_track');
    expect(rateDisbursement({ disbursedPct: '39.99', elapsedPct: '50' }, thresholds)).toBe('for_attention');
    expect(rateDisbursement({ disbursedPct: '30', elapsedPct: '50' }, thresholds)).toBe('for_attention');
    expect(rateDisbursement({ disbursedPct: '29.99', elapsedPct: '50' }, thresholds)).toBe('at_risk');
    expect(() => rateDisbursement({ disbursedPct: 'much', elapsedPct: '50' })).toThrow('disbursedPct is not a decimal value: "much"');
  });

  it('maps the first and second quarters to their dates', () => {
    expect(reviewPeriodDates('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(reviewPeriodDates('2026-Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(() => reviewPeriodDates('2026-Q0')).toThrow('not a review period: "2026-Q0"');
  });
});

describe('issues and risks', () => {
  const raised = event('IssueRaised', { issueId: 'I-1', description: 'Counterpart funds late', effectiveDate: '2026-10-05' });

  const register = (data: object = {}) =>
    command('RegisterRisk', { riskId: 'R-1', description: 'Delay', likelihood: 'medium', impact: 'high', mitigation: 'Phase works', ...data });

  it('refusals name the issue', () => {
    given([raised])
      .when(command('RaiseIssue', { issueId: 'I-1', description: 'x' }))
      .thenThrows('DUPLICATE_ISSUE_ID', { message: 'Issue I-1 is already raised', details: { issueId: 'I-1' } });
    given([])
      .when(command('RaiseIssue', { issueId: 'I-1', description: ' ' }))
      .thenThrows('ISSUE_DESCRIPTION_REQUIRED', { message: 'An issue needs a description', details: { issueId: 'I-1' } });
    given([])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'x' }))
      .thenThrows('ISSUE_NOT_FOUND', { message: 'Issue I-1 was not raised', details: { issueId: 'I-1' } });
    const resolved = event('IssueResolved', { issueId: 'I-1', resolution: 'x' });
    given([raised, resolved])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'y' }))
      .thenThrows('ISSUE_ALREADY_RESOLVED', { message: 'Issue I-1 is already resolved', details: { issueId: 'I-1' } });
    given([raised])
      .when(command('ResolveIssue', { issueId: 'I-1', resolution: 'x', effectiveDate: '2026-10-04' }))
      .thenThrows('ISSUE_RESOLVED_BEFORE_RAISED', {
        message: 'Issue I-1 was raised on 2026-10-05',
        details: { issueId: 'I-1' },
      });
  });

  it('are not raised or registered for a quarter still to come; the current quarter is open', () => {
    given([])
      .when(command('RaiseIssue', { period: '2027-Q1', issueId: 'I-1', description: 'x' }))
      .thenThrows('REVIEW_PERIOD_NOT_STARTED', {
        message: '2027-Q1 starts on 2027-01-01; an issue cannot be raised for it yet',
        details: { period: '2027-Q1', today: '2026-11-26' },
      });
    given([])
      .when(register({ period: '2027-Q1' }))
      .thenThrows('REVIEW_PERIOD_NOT_STARTED', {
        message: '2027-Q1 starts on 2027-01-01; a risk cannot be registered for it yet',
        details: { period: '2027-Q1', today: '2026-11-26' },
      });
    given([])
      .when(command('RaiseIssue', { period: '2026-Q4', issueId: 'I-1', description: 'x' }))
      .then([
        { type: 'IssueRaised', data: { ...ids, period: '2026-Q4', effectiveDate: '2026-11-26', issueId: 'I-1', description: 'x' } } as PerformanceReviewEvent,
      ]);
  });
});
