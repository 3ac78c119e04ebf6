import { checkCode } from '../code-lists/coded.js';
import { INDICATOR_MEASURE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import type { DefineIndicator } from './commands.js';
import type { IndicatorDefined } from './events.js';
import type { ResultsState } from './results-state.js';
import type { ResultsRuleCode } from './rule-codes.js';

export function decideDefineIndicator({ data }: DefineIndicator, state: ResultsState, { today }: DecisionContext): IndicatorDefined[] {
  if (!state.resultIds.has(data.resultId)) {
    throw new DomainRuleViolation<ResultsRuleCode>('RESULT_NOT_FOUND', `Result ${data.resultId} is not defined`, { resultId: data.resultId });
  }
  checkIdentifier(data.indicatorId, 'indicatorId');
  if (state.indicators.has(data.indicatorId)) {
    throw new DomainRuleViolation<ResultsRuleCode>('DUPLICATE_INDICATOR_ID', `Indicator ${data.indicatorId} is already defined`, {
      indicatorId: data.indicatorId,
    });
  }
  const title = data.title.trim();
  if (title === '') throw new DomainRuleViolation<ResultsRuleCode>('RESULT_TITLE_REQUIRED', 'An indicator needs a title', { indicatorId: data.indicatorId });
  const measure = checkCode(INDICATOR_MEASURE, data.measure, 'measure');
  const unit = data.unit?.trim();
  return [
    {
      type: 'IndicatorDefined',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        resultId: data.resultId,
        indicatorId: data.indicatorId,
        title,
        measure,
        ascending: data.ascending,
        ...(unit ? { unit } : {}),
      },
    },
  ];
}

/** `DefineIndicator`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const defineIndicatorUseCase = useCase('DefineIndicator', decideDefineIndicator);
