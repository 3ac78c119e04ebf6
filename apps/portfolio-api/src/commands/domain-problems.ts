import { isDomainRuleViolation } from '@ecab/domain';
import { WrongExpectedVersionError } from '@ecab/event-store';
import { ProblemError, type ProblemMapper } from '@ecab/platform';
import { ChangedMeanwhileError, describeChanges } from './changed-meanwhile.js';

/** Creating what already exists (a registration, a signature, a plan, an id in use): 409, not 422. */
const CREATION_CONFLICTS = new Set(['AGREEMENT_ALREADY_SIGNED', 'CONTRACT_PACKAGE_ALREADY_PLANNED']);
function isCreationConflict(code: string): boolean {
  return code.endsWith('_ALREADY_REGISTERED') || CREATION_CONFLICTS.has(code) || (code.startsWith('DUPLICATE_') && code.endsWith('_ID'));
}

/** Domain rejections and concurrency conflicts, mapped once to problem+json. */
export const mapDomainProblems: ProblemMapper = (error) => {
  if (isDomainRuleViolation(error)) {
    if (error.code.endsWith('_NOT_FOUND')) return ProblemError.notFound(error.message);
    // Doing twice what may be done once is a conflict with the current state, not bad input.
    if (isCreationConflict(error.code)) {
      return new ProblemError({ ...ProblemError.conflict(error.message).problem, code: error.code });
    }
    return ProblemError.ruleViolated(error.code, error.message, error.details ? { details: error.details } : {});
  }
  if (error instanceof ChangedMeanwhileError && error.changes.length > 0) {
    return ProblemError.conflict(
      `The record changed meanwhile: expected version ${error.expectedVersion}, it is at ${error.actualVersion}; since then: ${describeChanges(error.changes)}. Reload and retry.`,
      { expectedVersion: error.expectedVersion, actualVersion: error.actualVersion, changes: error.changes },
    );
  }
  if (error instanceof WrongExpectedVersionError) {
    return ProblemError.conflict(
      `The record changed meanwhile: expected version ${error.expectedVersion}, it is at ${error.actualVersion}. Reload and retry.`,
      { expectedVersion: error.expectedVersion, actualVersion: error.actualVersion, changes: [] },
    );
  }
  return undefined;
};
