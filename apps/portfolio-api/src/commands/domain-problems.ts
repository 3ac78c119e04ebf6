import { isDomainRuleViolation } from '@ecab/domain';
import { WrongExpectedVersionError } from '@ecab/event-store';
import { ProblemError, type ProblemMapper } from '@ecab/platform';

/** Domain rejections and concurrency conflicts, mapped once to problem+json. */
export const mapDomainProblems: ProblemMapper = (error) => {
  if (isDomainRuleViolation(error)) {
    if (error.code.endsWith('_NOT_FOUND')) return ProblemError.notFound(error.message);
    // Doing twice what may be done once is a conflict with the current state, not bad input.
    if (error.code === 'PROJECT_ALREADY_REGISTERED' || (error.code.startsWith('DUPLICATE_') && error.code.endsWith('_ID'))) {
      return new ProblemError({ ...ProblemError.conflict(error.message).problem, code: error.code });
    }
    return ProblemError.ruleViolated(error.code, error.message, error.details ? { details: error.details } : {});
  }
  if (error instanceof WrongExpectedVersionError) {
    return ProblemError.conflict(
      `The project changed meanwhile: expected version ${error.expectedVersion}, it is at ${error.actualVersion}. Reload and retry.`,
      { expectedVersion: error.expectedVersion, actualVersion: error.actualVersion },
    );
  }
  return undefined;
};
