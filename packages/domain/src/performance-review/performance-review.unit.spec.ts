import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { PerformanceReviewCommand } from './commands.js';
import { performanceReviewDecider } from './decide.js';
import type { PerformanceReviewEvent } from './events.js';
import { DEFAULT_RATING_THRESHOLDS, rateDisbursement } from './rate-disbursement.js';
import { reviewPeriodDates } from './review-period.js';
import { performanceReviewStreamId } from './stream.js';

const given = deciderSpecification(performanceReviewDecider, context);
const ids = { projectId: 'ECAB-TR-02', period: '2026-Q3' };
const command = (type: PerformanceReviewCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as PerformanceReviewCommand;
const event = (type: PerformanceReviewEvent['type'], data: object) =>
  ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as PerformanceReviewEvent;

const ratings = { outputs: 'on_track', contract_awards: 'for_attention', disbursements: 'on_track', financial_management: 'on_track', safeguards: 'on_track' };
const rate = (data: object = {}) => command('RatePerformance', { ratings, overall: 'on_track', ...data });
const rated = (data: object = {}) => event('PerformanceRated', { ratings, overall: 'on_track', thresholds: DEFAULT_RATING_THRESHOLDS, ...data });
const { disbursements: _ignored, ...withoutDisbursements } = ratings;
const stricter = { version: 'adb-2027-1', forAttentionGapPoints: 10, atRiskGapPoints: 20 };

describe('RatePerformance', () => {
  it('rates every dimension and overall, recording the thresholds in force', () => {
    given([])
      .when(rate({ worldBankRating: 'MS', rationale: ' Awards slow ' }))
      .then([rated({ worldBankRating: 'MS', rationale: 'Awards slow' })]);
  });
  it('rates disbursement from progress with the thresholds given, and records their version', () => {
    const progress = { disbursedPct: '40', elapsedPct: '55' };
    given([])
      .when(rate({ ratings: withoutDisbursements, disbursementProgress: progress }))
      .then([rated({ disbursementProgress: progress })]);
    given([])
      .when(rate({ ratings: withoutDisbursements, disbursementProgress: progress, thresholds: stricter }))
      .then([rated({ ratings: { ...ratings, disbursements: 'for_attention' }, disbursementProgress: progress, thresholds: stricter })]);
  });
  it('rejects a disbursement rating the progress and thresholds contradict', () => {
    given([])
      .when(rate({ disbursementProgress: { disbursedPct: '20', elapsedPct: '55' } }))
      .thenThrows('DISBURSEMENT_RATING_CONTRADICTS_THRESHOLDS');
  });
  it('rejects a missing dimension, an unknown dimension, rating or World Bank rating', () => {
    given([])
      .when(rate({ ratings: withoutDisbursements }))
      .thenThrows('PERFORMANCE_RATING_MISSING');
    given([])
      .when(rate({ ratings: { ...ratings, procurement: 'on_track' } }))
      .thenThrows('UNKNOWN_PERFORMANCE_DIMENSION');
    given([])
      .when(rate({ ratings: { ...ratings, safeguards: 'satisfactory' } }))
      .thenThrows('UNKNOWN_PERFORMANCE_RATING');
    given([])
      .when(rate({ overall: 'green' }))
      .thenThrows('UNKNOWN_PERFORMANCE_RATING');
    given([])
      .when(rate({ worldBankRating: 'A' }))
      .thenThrows('UNKNOWN_WORLD_BANK_RATING');
  });
  it('rejects progress that is not a percentage between 0 and 100', () => {
    given([])
      .when(rate({ ratings: withoutDisbursements, disbursementProgress: { disbursedPct: '40%', elapsedPct: '55' } }))
      .thenThrows('VALUE_NOT_DECIMAL');
    given([])
      .when(rate({ ratings: withoutDisbursements, disbursementProgress: { disbursedPct: '40', elapsedPct: '100.5' } }))
      .thenThrows('PROGRESS_PERCENTAGE_OUT_OF_RANGE');
    given([])
      .when(rate({ ratings: withoutDisbursements, disbursementProgress: { disbursedPct: '-1', elapsedPct: '55' } }))
      .thenThrows('PROGRESS_PERCENTAGE_OUT_OF_RANGE');
  });
  it('rejects thresholds without a version or with at risk not beyond for attention', () => {
    given([])
      .when(rate({ thresholds: { ...stricter, version: ' ' } }))
      .thenThrows('RATING_THRESHOLDS_INVALID');
    given([])
      .when(rate({ thresholds: { ...stricter, atRiskGapPoints: 10 } }))
      .thenThrows('RATING_THRESHOLDS_INVALID');
    given([])
      .when(rate({ thresholds: { ...stricter, forAttentionGapPoints: -5 } }))
      .thenThrows('RATING_THRESHOLDS_INVALID');
  });
  it('rejects a malformed period and one that has not started', () => {
    given([])
      .when(rate({ period: '2026-3' }))
      .thenThrows('REVIEW_PERIOD_INVALID');
    given([])
      .when(rate({ period: '2027-Q1' }))
      .thenThrows('REVIEW_PERIOD_NOT_STARTED');
    given([])
      .when(rate({ effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
  });
  it('re-rates a period only as a correction with a reason', () => {
    given([rated()]).when(rate()).thenThrows('PERFORMANCE_ALREADY_RATED');
    given([rated()])
      .when(rate({ correction: { reason: ' ' } }))
      .thenThrows('REASON_REQUIRED');
    given([rated()])
      .when(rate({ overall: 'for_attention', correction: { reason: 'Safeguards audit received late' } }))
      .then([rated({ overall: 'for_attention', correctionReason: 'Safeguards audit received late' })]);
  });
  it('lives in the stream performance-<projectId>-<period>', () => {
    expect(performanceReviewStreamId('ECAB-TR-02', '2026-Q3')).toBe('performance-ECAB-TR-02-2026-Q3');
  });
});

describe('rateDisbursement', () => {
  it('is on track until disbursement trails elapsed time by more than the for-attention gap, exactly', () => {
    expect(rateDisbursement({ disbursedPct: '40', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('on_track');
    expect(rateDisbursement({ disbursedPct: '39.99', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('for_attention');
    expect(rateDisbursement({ disbursedPct: 80, elapsedPct: 50 })).toBe('on_track');
  });
  it('is at risk beyond the at-risk gap, and a new threshold version rates the same progress differently', () => {
    expect(rateDisbursement({ disbursedPct: '25', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('for_attention');
    expect(rateDisbursement({ disbursedPct: '24.9', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('at_risk');
    expect(rateDisbursement({ disbursedPct: '25', elapsedPct: '55' }, stricter)).toBe('at_risk');
  });
  it('keeps the illustrative defaults of docs/DOMAIN.md §2', () => {
    expect(DEFAULT_RATING_THRESHOLDS).toEqual({ version: 'illustrative-1', forAttentionGapPoints: 15, atRiskGapPoints: 30 });
  });
  it('maps a quarter to its dates', () => {
    expect(reviewPeriodDates('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(reviewPeriodDates('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });
});

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

describe('RegisterRisk', () => {
  const register = (data: object = {}) =>
    command('RegisterRisk', {
      riskId: 'R-1',
      description: 'Border works delay traffic',
      likelihood: 'medium',
      impact: 'high',
      mitigation: 'Phase works by lane',
      ...data,
    });
  const registered = event('RiskRegistered', {
    riskId: 'R-1',
    description: 'Border works delay traffic',
    likelihood: 'medium',
    impact: 'high',
    mitigation: 'Phase works by lane',
  });
  it('registers a risk with its likelihood, impact and mitigation', () => {
    given([]).when(register()).then([registered]);
  });
  it('rejects a risk id used before, a blank description or mitigation, and unknown levels', () => {
    given([registered]).when(register()).thenThrows('DUPLICATE_RISK_ID');
    given([])
      .when(register({ description: '' }))
      .thenThrows('RISK_DESCRIPTION_REQUIRED');
    given([])
      .when(register({ mitigation: ' ' }))
      .thenThrows('RISK_MITIGATION_REQUIRED');
    given([])
      .when(register({ likelihood: 'certain' }))
      .thenThrows('UNKNOWN_RISK_LEVEL');
    given([])
      .when(register({ impact: '5' }))
      .thenThrows('UNKNOWN_RISK_LEVEL');
    given([])
      .when(register({ period: '2026Q3' }))
      .thenThrows('REVIEW_PERIOD_INVALID');
  });
});
