import { checkCode } from '../code-lists/coded.js';
import { ACTIVITY_STATUS, type ActivityStatusCode } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason, type Correction } from '../reasons/reason.js';
import type { ChangeProjectStatus } from './commands.js';
import type { ProjectStatusChanged } from './events.js';
import type { ProjectState, RegisteredProject } from './project-state.js';
import { stageAfterStatus } from './project-stage.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';
import { isTerminalStatus, STATUS_TRANSITIONS } from './status-transitions.js';

export interface StatusChangeRequest {
  readonly to: string;
  readonly reason?: string | undefined;
  readonly correction?: Correction | undefined;
  readonly effectiveDate?: string | undefined;
}

/** The one place a status moves; the convenience commands (suspend, resume, cancel, close) come here. */
export function decideStatusChange(project: RegisteredProject, request: StatusChangeRequest, today: string): ProjectStatusChanged[] {
  const to = checkCode(ACTIVITY_STATUS, request.to, 'status');
  const from = project.status;
  const effectiveDate = resolveEffectiveDate(request.effectiveDate, today);
  const violation = (code: ProjectRuleCode, message: string) => new DomainRuleViolation<ProjectRuleCode>(code, message, { from, to: to.code });
  if (to.code === from) throw violation('STATUS_UNCHANGED', `The project is already in status ${from}`);
  const correctionReason = request.correction === undefined ? undefined : requireReason(request.correction.reason, 'correction.reason');
  if (correctionReason === undefined) {
    if (isTerminalStatus(from)) throw violation('STATUS_TERMINAL', `Status ${from} is terminal; only a correction with a reason can change it`);
    if (!STATUS_TRANSITIONS[from].includes(to.code))
      throw violation('STATUS_TRANSITION_NOT_ALLOWED', `A project cannot move from status ${from} to ${to.code}`);
  }
  if (to.code === '2' && project.dates['2'] === undefined) {
    throw violation('ACTUAL_START_REQUIRED', 'Implementation (2) needs an actual start date; approval alone does not start a project');
  }
  if (to.code === '4' && project.dates['4'] === undefined) throw violation('ACTUAL_END_REQUIRED', 'Closed (4) needs an actual end date');
  const reason = request.reason?.trim() || correctionReason;
  return [
    {
      type: 'ProjectStatusChanged',
      data: {
        projectId: project.projectId,
        effectiveDate,
        // Stryker disable next-line StringLiteral: equivalent: the field name only appears in a refusal, and the current status is always a valid code
        from: checkCode(ACTIVITY_STATUS, from, 'status'),
        to,
        stage: stageAfterStatus(to.code as ActivityStatusCode, project.stage, project.approved),
        ...(reason ? { reason } : {}),
        ...(correctionReason !== undefined ? { correction: true } : {}),
      },
    },
  ];
}

export function decideChangeProjectStatus({ data }: ChangeProjectStatus, state: ProjectState, { today }: DecisionContext): ProjectStatusChanged[] {
  const project = requireRegisteredProject(state, data.projectId);
  return decideStatusChange(project, { to: data.status, reason: data.reason, correction: data.correction, effectiveDate: data.effectiveDate }, today);
}

/** `ChangeProjectStatus`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const changeProjectStatusUseCase = useCase('ChangeProjectStatus', decideChangeProjectStatus);
