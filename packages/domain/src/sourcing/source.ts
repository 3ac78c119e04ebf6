import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkActualDate } from '../dates/world-dates.js';

/** How far a sourced fact can be trusted (docs/DOMAIN.md): seed data and examples are `illustrative`. */
export const CONFIDENCE_LEVELS = ['confirmed', 'unconfirmed', 'illustrative'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Where a fact comes from: publication or site, its date, and how sure we are. */
export interface Source {
  readonly citation: string;
  /** Publication date, YYYY-MM-DD. */
  readonly date?: string;
  readonly confidence: Confidence;
}

export const SOURCE_RULE_CODES = ['SOURCE_CITATION_REQUIRED', 'UNKNOWN_CONFIDENCE'] as const;
export type SourceRuleCode = (typeof SOURCE_RULE_CODES)[number];

export function checkSource(source: Source, today: string): Source {
  const citation = source.citation.trim();
  if (citation === '') throw new DomainRuleViolation<SourceRuleCode>('SOURCE_CITATION_REQUIRED', 'A source needs a citation', {});
  if (!(CONFIDENCE_LEVELS as readonly string[]).includes(source.confidence)) {
    throw new DomainRuleViolation<SourceRuleCode>('UNKNOWN_CONFIDENCE', `${JSON.stringify(source.confidence)} is not a confidence level`, {
      confidence: source.confidence,
      allowed: CONFIDENCE_LEVELS,
    });
  }
  if (source.date !== undefined) checkActualDate(source.date, 'source.date', today);
  return { citation, ...(source.date !== undefined ? { date: source.date } : {}), confidence: source.confidence };
}

/** Optional sources are common; this keeps `source` out of the event when there is none. */
export function optionalSource(source: Source | undefined, today: string): { source?: Source } {
  return source === undefined ? {} : { source: checkSource(source, today) };
}
