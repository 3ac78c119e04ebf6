import { checkCode } from '../code-lists/coded.js';
import { BUDGET_STATUS, BUDGET_TYPE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkPeriodAtMostOneYear, periodKey } from '../dates/date-period.js';
import { checkCalendarDate, resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { formatAmount, parseMoney } from '../money/money.js';
import { optionalSource } from '../sourcing/source.js';
import type { RecordBudget } from './commands.js';
import type { BudgetRecorded } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/**
 * IATI budget: the project's budget for one period of at most a year, starting before it ends. Budgets of one
 * type (original, revised) do not overlap, so that each type adds up to the project's budget over time; a
 * revision of an original budget is a revised budget (type 2) for the same period.
 */
export function decideRecordBudget({ data }: RecordBudget, state: ProjectState, { today }: DecisionContext): BudgetRecorded[] {
  const project = requireRegisteredProject(state, data.projectId);
  checkIdentifier(data.budgetId, 'budgetId');
  if (project.budgets.has(data.budgetId)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DUPLICATE_BUDGET_ID', `Budget ${data.budgetId} is already recorded`, { budgetId: data.budgetId });
  }
  const budgetType = checkCode(BUDGET_TYPE, data.budgetType, 'budgetType');
  const budgetStatus = checkCode(BUDGET_STATUS, data.budgetStatus, 'budgetStatus');
  const period = checkPeriodAtMostOneYear(data.period, 'period');
  if (period.start === period.end) {
    throw new DomainRuleViolation<ProjectRuleCode>('BUDGET_START_NOT_BEFORE_END', `A budget period starts before it ends (${periodKey(period)})`, {
      budgetId: data.budgetId,
      start: period.start,
      end: period.end,
    });
  }
  const overlapping = [...project.budgets].find(
    ([, other]) => other.budgetType === budgetType.code && other.period.start <= period.end && period.start <= other.period.end,
  );
  if (overlapping) {
    const [otherId, other] = overlapping;
    throw new DomainRuleViolation<ProjectRuleCode>(
      'BUDGETS_OVERLAP',
      `Budget ${data.budgetId} (${periodKey(period)}) overlaps budget ${otherId} (${periodKey(other.period)}) of the same type ${budgetType.code}`,
      { budgetId: data.budgetId, budgetType: budgetType.code, overlaps: otherId },
    );
  }
  const money = parseMoney({ amount: data.amount, currency: data.currency });
  return [
    {
      type: 'BudgetRecorded',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        budgetId: data.budgetId,
        budgetType,
        budgetStatus,
        period,
        amount: formatAmount(money),
        currency: money.currency,
        valueDate: data.valueDate === undefined ? period.start : checkCalendarDate(data.valueDate, 'valueDate'),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `RecordBudget`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordBudgetUseCase = useCase('RecordBudget', decideRecordBudget);
