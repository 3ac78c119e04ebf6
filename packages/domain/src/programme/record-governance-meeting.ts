import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkActualDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { optionalSource } from '../sourcing/source.js';
import type { RecordGovernanceMeeting } from './commands.js';
import type { GovernanceMeetingRecorded } from './events.js';
import { DECISION_KINDS, GOVERNANCE_BODIES, type DecisionKind, type GovernanceBody, type GovernanceDecision } from './governance.js';
import type { ProgrammeState } from './programme-state.js';
import { requireRegisteredProgramme } from './registered-programme.js';
import type { ProgrammeRuleCode } from './rule-codes.js';

const fail = (code: ProgrammeRuleCode, message: string, details: Record<string, string | number | readonly string[]> = {}) =>
  new DomainRuleViolation<ProgrammeRuleCode>(code, message, details);

function checkDecisions(decisions: RecordGovernanceMeeting['data']['decisions'], state: ProgrammeState): GovernanceDecision[] {
  if (decisions.length === 0) throw fail('DECISIONS_REQUIRED', 'A meeting is recorded with at least one decision');
  const seen = new Set<string>();
  return decisions.map(({ decisionId, text, kind }) => {
    checkIdentifier(decisionId, 'decisionId');
    if (seen.has(decisionId) || state.decisionIds.has(decisionId))
      throw fail('DUPLICATE_DECISION_ID', `Decision ${decisionId} is already recorded`, { decisionId });
    seen.add(decisionId);
    const trimmed = text.trim();
    if (trimmed === '') throw fail('DECISION_TEXT_REQUIRED', `Decision ${decisionId} needs its text`, { decisionId });
    if (!(DECISION_KINDS as readonly string[]).includes(kind))
      throw fail('UNKNOWN_DECISION_KIND', `${JSON.stringify(kind)} is not a kind of decision`, { decisionId, kind, allowed: DECISION_KINDS });
    return { decisionId, text: trimmed, kind: kind as DecisionKind };
  });
}

export function decideRecordGovernanceMeeting(
  { data }: RecordGovernanceMeeting,
  state: ProgrammeState,
  { today }: DecisionContext,
): GovernanceMeetingRecorded[] {
  requireRegisteredProgramme(state, data.programmeId);
  checkIdentifier(data.meetingId, 'meetingId');
  if (state.meetingIds.has(data.meetingId)) throw fail('DUPLICATE_MEETING_ID', `Meeting ${data.meetingId} is already recorded`, { meetingId: data.meetingId });
  if (!(GOVERNANCE_BODIES as readonly string[]).includes(data.body)) {
    throw fail('UNKNOWN_GOVERNANCE_BODY', `${JSON.stringify(data.body)} is not a governance body`, { body: data.body, allowed: GOVERNANCE_BODIES });
  }
  if (data.meetingNumber !== undefined && !(Number.isInteger(data.meetingNumber) && data.meetingNumber > 0)) {
    throw fail('MEETING_NUMBER_INVALID', 'A meeting number is a positive whole number', { meetingNumber: data.meetingNumber });
  }
  const date = checkActualDate(data.date, 'date', today);
  const place = data.place.trim();
  if (place === '') throw fail('MEETING_PLACE_REQUIRED', 'A meeting needs the place it was held', { meetingId: data.meetingId });
  const bodyName = data.bodyName?.trim();
  return [
    {
      type: 'GovernanceMeetingRecorded',
      data: {
        programmeId: data.programmeId,
        effectiveDate: date,
        meetingId: data.meetingId,
        body: data.body as GovernanceBody,
        ...(bodyName ? { bodyName } : {}),
        ...(data.meetingNumber !== undefined ? { meetingNumber: data.meetingNumber } : {}),
        date,
        place,
        decisions: checkDecisions(data.decisions, state),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `RecordGovernanceMeeting`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordGovernanceMeetingUseCase = useCase('RecordGovernanceMeeting', decideRecordGovernanceMeeting);
