import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { ProjectRuleCode } from './rule-codes.js';

export const PROJECT_TITLE_MAX_LENGTH = 500;

/** The title as it will be stored: trimmed, 1 to 500 characters (Unicode code points). */
export function normalizeProjectTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw new DomainRuleViolation<ProjectRuleCode>('TITLE_REQUIRED', 'The project needs a title', {});
  const length = [...trimmed].length;
  if (length > PROJECT_TITLE_MAX_LENGTH) {
    throw new DomainRuleViolation<ProjectRuleCode>('TITLE_TOO_LONG', `The title has ${length} characters; at most ${PROJECT_TITLE_MAX_LENGTH} are allowed`, {
      length,
      maxLength: PROJECT_TITLE_MAX_LENGTH,
    });
  }
  return trimmed;
}
