import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { PerformanceReviewCommand } from './commands.js';
import { performanceReviewDecider } from './decide.js';
import type { PerformanceReviewEvent } from './events.js';
import { DEFAULT_RATING_THRESHOLDS } from './rate-disbursement.js';

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

const stricter = { version: 'adb-2027-1', forAttentionGapPoints: 10, atRiskGapPoints: 20 };

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
});

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
});
