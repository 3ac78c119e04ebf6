import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { PerformanceReviewCommand } from './commands.js';
import { performanceReviewDecider } from './decide.js';
import type { PerformanceReviewEvent } from './events.js';
import { DEFAULT_RATING_THRESHOLDS, rateDisbursement } from './rate-disbursement.js';
import { reviewPeriodDates } from './review-period.js';

// What a client sees when a performance-review command is refused, and the edges of the rules.

const given = deciderSpecification(performanceReviewDecider, context);
const ids = { projectId: 'ECAB-TR-02', period: '2026-Q3' };
const command = (type: PerformanceReviewCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as PerformanceReviewCommand;
const event = (type: PerformanceReviewEvent['type'], data: object) =>
  ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as PerformanceReviewEvent;
const ratings = { outputs: 'on_track', contract_awards: 'for_attention', disbursements: 'on_track', financial_management: 'on_track', safeguards: 'on_track' };
const { disbursements: _ignored, ...withoutDisbursements } = ratings;
const rate = (data: object = {}) => command('RatePerformance', { ratings, overall: 'on_track', ...data });
const rated = (data: object = {}) => event('PerformanceRated', { ratings, overall: 'on_track', thresholds: DEFAULT_RATING_THRESHOLDS, ...data });
const thresholds = { version: 'adb-2027-1', forAttentionGapPoints: 10, atRiskGapPoints: 20 };
const thresholdDetails = { version: 'adb-2027-1', forAttentionGapPoints: '10', atRiskGapPoints: '20' };

describe('rating refusals', () => {
  it('name the period not started, rated already, or malformed', () => {
    given([])
      .when(rate({ period: '2027-Q1' }))
      .thenThrows('REVIEW_PERIOD_NOT_STARTED', {
        message: '2027-Q1 starts on 2027-01-01; it cannot be rated yet',
        details: { period: '2027-Q1', today: '2026-11-26' },
      });
    given([rated()])
      .when(rate())
      .thenThrows('PERFORMANCE_ALREADY_RATED', {
        message: '2026-Q3 is already rated; a new rating is a correction with a reason',
        details: { period: '2026-Q3' },
      });
    given([])
      .when(rate({ period: '2026-Q5' }))
      .thenThrows('REVIEW_PERIOD_INVALID', { message: '"2026-Q5" is not a quarter written like 2026-Q3', details: { period: '2026-Q5' } });
  });
  it('name the dimension, rating or scale that is wrong', () => {
    given([])
      .when(rate({ ratings: withoutDisbursements }))
      .thenThrows('PERFORMANCE_RATING_MISSING', { message: 'No rating for disbursements', details: { dimension: 'disbursements' } });
    given([])
      .when(rate({ ratings: { ...ratings, procurement: 'on_track' } }))
      .thenThrows('UNKNOWN_PERFORMANCE_DIMENSION', {
        message: '"procurement" is not a performance dimension',
        details: { dimension: 'procurement', allowed: ['outputs', 'contract_awards', 'disbursements', 'financial_management', 'safeguards'] },
      });
    given([])
      .when(rate({ overall: 'green' }))
      .thenThrows('UNKNOWN_PERFORMANCE_RATING', {
        message: '"green" is not a rating for overall',
        details: { dimension: 'overall', rating: 'green', allowed: ['on_track', 'for_attention', 'at_risk'] },
      });
    given([])
      .when(rate({ worldBankRating: 'A' }))
      .thenThrows('UNKNOWN_WORLD_BANK_RATING', {
        message: '"A" is not on the HS–HU scale',
        details: { rating: 'A', allowed: ['HS', 'S', 'MS', 'MU', 'U', 'HU'] },
      });
  });
  it('give the progress, thresholds and ratings that disagree', () => {
    given([])
      .when(rate({ disbursementProgress: { disbursedPct: '20', elapsedPct: '55' }, thresholds }))
      .thenThrows('DISBURSEMENT_RATING_CONTRADICTS_THRESHOLDS', {
        message: 'Thresholds adb-2027-1 rate this disbursement progress at_risk, not on_track',
        details: { given: 'on_track', computed: 'at_risk', thresholdsVersion: 'adb-2027-1' },
      });
    given([])
      .when(rate({ ratings: withoutDisbursements, disbursementProgress: { disbursedPct: '40', elapsedPct: '100.5' } }))
      .thenThrows('PROGRESS_PERCENTAGE_OUT_OF_RANGE', {
        message: 'elapsedPct must be between 0 and 100',
        details: { field: 'elapsedPct', value: '100.5' },
      });
    given([])
      .when(rate({ thresholds: { ...thresholds, version: ' ' } }))
      .thenThrows('RATING_THRESHOLDS_INVALID', {
        message: 'Rating thresholds need a version',
        details: { ...thresholdDetails, version: ' ' },
      });
    given([])
      .when(rate({ thresholds: { ...thresholds, atRiskGapPoints: 10 } }))
      .thenThrows('RATING_THRESHOLDS_INVALID', {
        message: 'Gaps are non-negative decimals, the at-risk gap larger than the for-attention gap',
        details: { ...thresholdDetails, atRiskGapPoints: '10' },
      });
  });
});

describe('rating edges', () => {
  it('rates a period from its first day, and keeps the trimmed version of the thresholds', () => {
    given([])
      .when(rate({ period: '2026-Q4' }), { today: '2026-10-01' })
      .then([rated({ period: '2026-Q4', effectiveDate: '2026-10-01' })]);
    given([])
      .when(rate({ period: '2026-Q4' }), { today: '2026-09-30' })
      .thenThrows('REVIEW_PERIOD_NOT_STARTED');
    given([])
      .when(rate({ thresholds: { ...thresholds, version: ' adb-2027-1 ' } }))
      .then([rated({ thresholds })]);
  });
  it('accepts 0 and 100 per cent, and a zero for-attention gap', () => {
    const progress = { disbursedPct: '100', elapsedPct: '0' };
    given([])
      .when(rate({ ratings: withoutDisbursements, disbursementProgress: progress }))
      .then([rated({ disbursementProgress: progress })]);
    const strict = { version: 'zero', forAttentionGapPoints: 0, atRiskGapPoints: 0.5 };
    given([])
      .when(rate({ thresholds: strict }))
      .then([rated({ thresholds: strict })]);
    given([])
      .when(rate({ thresholds: { ...thresholds, forAttentionGapPoints: 'ten' } }))
      .thenThrows('RATING_THRESHOLDS_INVALID');
    given([])
      .when(rate({ thresholds: { ...thresholds, atRiskGapPoints: 'x' } }))
      .thenThrows('RATING_THRESHOLDS_INVALID');
  });
  it('re-rates as a correction, keeping its reason, and leaves out a blank rationale', () => {
    given([rated()])
      .when(rate({ correction: { reason: ' Outputs re-assessed ' }, rationale: ' ' }))
      .then([rated({ correctionReason: 'Outputs re-assessed' })]);
  });
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
  it('refusals name the risk, and the level field', () => {
    const registered = event('RiskRegistered', { riskId: 'R-1', description: 'Delay', likelihood: 'medium', impact: 'high', mitigation: 'Phase works' });
    given([registered])
      .when(register())
      .thenThrows('DUPLICATE_RISK_ID', { message: 'Risk R-1 is already registered', details: { riskId: 'R-1' } });
    given([])
      .when(register({ description: ' ' }))
      .thenThrows('RISK_DESCRIPTION_REQUIRED', { message: 'A risk needs a description', details: { riskId: 'R-1' } });
    given([])
      .when(register({ mitigation: '' }))
      .thenThrows('RISK_MITIGATION_REQUIRED', { message: 'A risk needs a mitigation', details: { riskId: 'R-1' } });
    given([])
      .when(register({ impact: 'severe' }))
      .thenThrows('UNKNOWN_RISK_LEVEL', {
        message: 'impact is low, medium or high',
        details: { field: 'impact', value: 'severe', allowed: ['low', 'medium', 'high'] },
      });
    given([])
      .when(register({ riskId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'riskId' });
  });
  it('keeps a risk trimmed, with its dimension', () => {
    given([])
      .when(register({ description: ' Delay ', mitigation: ' Phase works ', dimension: 'safeguards' }))
      .then([
        event('RiskRegistered', {
          riskId: 'R-1',
          description: 'Delay',
          likelihood: 'medium',
          impact: 'high',
          mitigation: 'Phase works',
          dimension: 'safeguards',
        }),
      ]);
    given([])
      .when(register({ dimension: 'weather' }))
      .thenThrows('UNKNOWN_PERFORMANCE_DIMENSION');
  });
});
