import { checkCode } from '../code-lists/coded.js';
import { RESULT_TYPE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import type { DefineResult } from './commands.js';
import type { ResultDefined } from './events.js';
import type { ResultsState } from './results-state.js';
import type { ResultsRuleCode } from './rule-codes.js';

export function decideDefineResult({ data }: DefineResult, state: ResultsState, { today }: DecisionContext): ResultDefined[] {
  checkIdentifier(data.resultId, 'resultId');
  if (state.resultIds.has(data.resultId)) {
    throw new DomainRuleViolation<ResultsRuleCode>('DUPLICATE_RESULT_ID', `Result ${data.resultId} is already defined`, { resultId: data.resultId });
  }
  const resultType = checkCode(RESULT_TYPE, data.resultType, 'resultType');
  const title = data.title.trim();
  if (title === '') throw new DomainRuleViolation<ResultsRuleCode>('RESULT_TITLE_REQUIRED', 'A result needs a title', { resultId: data.resultId });
  return [
    {
      type: 'ResultDefined',
      data: { projectId: data.projectId, effectiveDate: resolveEffectiveDate(data.effectiveDate, today), resultId: data.resultId, resultType, title },
    },
  ];
}

/** `DefineResult`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const defineResultUseCase = useCase('DefineResult', decideDefineResult);
