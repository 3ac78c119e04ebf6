import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { ProgrammeState } from './programme-state.js';
import type { ProgrammeRuleCode } from './rule-codes.js';

export function requireRegisteredProgramme(state: ProgrammeState, programmeId: string): ProgrammeState {
  if (!state.registered) throw new DomainRuleViolation<ProgrammeRuleCode>('PROGRAMME_NOT_FOUND', `Programme ${programmeId} is not registered`, { programmeId });
  return state;
}
