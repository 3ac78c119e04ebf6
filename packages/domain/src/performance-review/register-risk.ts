import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import type { RegisterRisk } from './commands.js';
import type { RiskRegistered } from './events.js';
import type { PerformanceReviewState } from './performance-review-state.js';
import { checkDimension } from './ratings.js';
import { requireStartedPeriod } from './review-period.js';
import { checkRiskLevel } from './risk-level.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

export function decideRegisterRisk({ data }: RegisterRisk, state: PerformanceReviewState, { today }: DecisionContext): RiskRegistered[] {
  const period = requireStartedPeriod(data.period, today, 'a risk cannot be registered for it yet');
  checkIdentifier(data.riskId, 'riskId');
  const fail = (code: PerformanceReviewRuleCode, message: string) => new DomainRuleViolation<PerformanceReviewRuleCode>(code, message, { riskId: data.riskId });
  if (state.riskIds.has(data.riskId)) throw fail('DUPLICATE_RISK_ID', `Risk ${data.riskId} is already registered`);
  const description = data.description.trim();
  if (description === '') throw fail('RISK_DESCRIPTION_REQUIRED', 'A risk needs a description');
  const mitigation = data.mitigation.trim();
  if (mitigation === '') throw fail('RISK_MITIGATION_REQUIRED', 'A risk needs a mitigation');
  return [
    {
      type: 'RiskRegistered',
      data: {
        projectId: data.projectId,
        period,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        riskId: data.riskId,
        description,
        likelihood: checkRiskLevel(data.likelihood, 'likelihood'),
        impact: checkRiskLevel(data.impact, 'impact'),
        mitigation,
        ...(data.dimension !== undefined ? { dimension: checkDimension(data.dimension) } : {}),
      },
    },
  ];
}

/** `RegisterRisk`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const registerRiskUseCase = useCase('RegisterRisk', decideRegisterRisk);
