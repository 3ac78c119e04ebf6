import { checkCode } from '../code-lists/coded.js';
import { ACTIVITY_DATE_TYPE, type ActivityDateTypeCode } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { checkActualDate, checkCalendarDate, resolveEffectiveDate } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import type { RecordProjectDate } from './commands.js';
import type { ProjectDateRecorded } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/** Planned start pairs with planned end, actual start with actual end. */
const COUNTERPART: Record<ActivityDateTypeCode, ActivityDateTypeCode> = { '1': '3', '2': '4', '3': '1', '4': '2' };
const isStart = (type: ActivityDateTypeCode) => type === '1' || type === '2';
const isActual = (type: ActivityDateTypeCode) => type === '2' || type === '4';

export function decideRecordProjectDate({ data }: RecordProjectDate, state: ProjectState, { today }: DecisionContext): ProjectDateRecorded[] {
  const project = requireRegisteredProject(state, data.projectId);
  const dateType = checkCode(ACTIVITY_DATE_TYPE, data.dateType, 'dateType');
  const date = isActual(dateType.code) ? checkActualDate(data.date, 'date', today) : checkCalendarDate(data.date, 'date');
  const other = project.dates[COUNTERPART[dateType.code]];
  if (other !== undefined) {
    const [start, end] = isStart(dateType.code) ? [date, other] : [other, date];
    if (compareIsoDates(start, end) >= 0) {
      throw new DomainRuleViolation<ProjectRuleCode>('PROJECT_START_NOT_BEFORE_END', `The start (${start}) must be before the end (${end})`, {
        dateType: dateType.code,
        start,
        end,
      });
    }
  }
  // An actual date is when the fact happened; a planned date was set when the plan was made.
  const effectiveDate = resolveEffectiveDate(data.effectiveDate ?? (isActual(dateType.code) ? date : undefined), today);
  return [
    {
      type: 'ProjectDateRecorded',
      data: { projectId: data.projectId, effectiveDate, dateType, date, ...optionalSource(data.source, today) },
    },
  ];
}

/** `RecordProjectDate`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordProjectDateUseCase = useCase('RecordProjectDate', decideRecordProjectDate);
