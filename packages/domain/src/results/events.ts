import type { Coded } from '../code-lists/coded.js';
import type { IndicatorMeasureCode } from '../code-lists/iati-code-lists.js';
import type { DatePeriod } from '../dates/date-period.js';
import type { Event, EventPublication } from '../decider/decider.js';
import type { Source } from '../sourcing/source.js';

export interface ResultsFact {
  projectId: string;
  effectiveDate: string;
}
export interface IndicatorFact extends ResultsFact {
  indicatorId: string;
}

export type ResultDefined = Event<'ResultDefined', ResultsFact & { resultId: string; resultType: Coded; title: string }>;
export type IndicatorDefined = Event<
  'IndicatorDefined',
  ResultsFact & { resultId: string; indicatorId: string; title: string; measure: Coded<IndicatorMeasureCode>; ascending: boolean; unit?: string }
>;
export type BaselineSet = Event<'BaselineSet', IndicatorFact & { year: number; value: string; source?: Source }>;
export type TargetSet = Event<'TargetSet', IndicatorFact & { period: DatePeriod; value: string; source?: Source }>;
export type ActualReported = Event<'ActualReported', IndicatorFact & { period: DatePeriod; value: string; source?: Source }>;
/** Carries the value, so that partners, who never see unverified actuals, get it here. */
export type ActualVerified = Event<'ActualVerified', IndicatorFact & { period: DatePeriod; value: string }>;
export type ActualRejected = Event<'ActualRejected', IndicatorFact & { period: DatePeriod; value: string; reason: string }>;

export type ResultsEvent = ResultDefined | IndicatorDefined | BaselineSet | TargetSet | ActualReported | ActualVerified | ActualRejected;
export type ResultsEventType = ResultsEvent['type'];

export const RESULTS_EVENT_SCHEMA_VERSION = {
  ResultDefined: 1,
  IndicatorDefined: 1,
  BaselineSet: 1,
  TargetSet: 1,
  ActualReported: 1,
  ActualVerified: 1,
  ActualRejected: 1,
} as const satisfies Record<ResultsEventType, number>;

/** docs/DOMAIN.md §3.2: verified actuals go to partners; unverified ones and the framework drafts stay internal. */
export const RESULTS_EVENT_PUBLICATION = {
  ResultDefined: { event: 'result-defined', partnerFacing: false },
  IndicatorDefined: { event: 'indicator-defined', partnerFacing: false },
  BaselineSet: { event: 'baseline-set', partnerFacing: false },
  TargetSet: { event: 'target-set', partnerFacing: false },
  ActualReported: { event: 'actual-reported', partnerFacing: false },
  ActualVerified: { event: 'actual-verified', partnerFacing: true },
  ActualRejected: { event: 'actual-rejected', partnerFacing: false },
} as const satisfies Record<ResultsEventType, EventPublication>;
