import { ratePerformanceUseCase } from '@ecab/domain';
import { ratePerformanceRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const ratePerformanceEndpoint = defineEndpoint({
  name: ratePerformanceUseCase.commandType,
  aggregate: 'performance-review',
  method: 'post',
  tag: 'Performance',
  summary:
    'Rate a started quarter: each dimension (outputs, contract_awards, disbursements, financial_management, safeguards) and overall as on_track, for_attention or at_risk; rating it again is a correction with a reason',
  description:
    'The disbursements rating may be left out when disbursementProgress is given: the configured thresholds (RATING_THRESHOLDS; default illustrative-1, recorded with the rating) then compute it, and a rating given with it must agree.',
  creates: true,
  ...ratePerformanceRequest,
  // The thresholds are the platform's (RATING_THRESHOLDS), never the client's: a rating cannot pick its own.
  toCommand: ({ params, body, settings }) => ({
    type: ratePerformanceUseCase.commandType,
    data: { projectId: params.projectId, period: params.period, ...body, thresholds: settings.ratingThresholds },
  }),
  resourceId: (command) => command.data.period,
  example: ({ projectId }) => ({
    params: { projectId, period: '2026-Q3' },
    body: {
      ratings: { outputs: 'on_track', contract_awards: 'for_attention', disbursements: 'on_track', financial_management: 'on_track', safeguards: 'on_track' },
      overall: 'on_track',
      worldBankRating: 'MS',
      disbursementProgress: { disbursedPct: '40', elapsedPct: '55' },
      rationale: 'Contract awards slower than planned (example)',
      effectiveDate: '2026-10-15',
    },
  }),
});
