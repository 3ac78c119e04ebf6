// The shape of the quarter's facts (quarter-facts.ts folds them from the events).

/**
 * What the quarterly lists, the results scorecard and the programme KPIs read, folded from the report's
 * events as they stood at the quarter's end: a change counts when the date it gives its fact (effectiveness,
 * extension, reschedule, achievement, completion…) is on or before the quarter's last day, however late it
 * was recorded. What was planned or defined (an agreement, a milestone's baseline, an action, an indicator, a
 * target) is read as the events leave it. Each fact keeps the ids of the events behind it, for its lineage.
 */
export interface QuarterFacts {
  agreements: AgreementFacts[];
  milestones: MilestoneFacts[];
  actions: ActionFacts[];
  indicators: IndicatorFacts[];
  kpis: KpiFacts[];
}

export interface AgreementFacts {
  agreementId: string;
  projectId: string;
  agreementNumber: string | undefined;
  financier: string;
  instrument: string | undefined;
  currency: string | undefined;
  signedAmount: string | undefined;
  signedDate: string | undefined;
  /** The effectiveness date when it is on or before the quarter's end (an opened agreement: the day it was opened). */
  effectiveDate: string | undefined;
  originalClosingDate: string | undefined;
  /** The closing date as it stood at the quarter's end. */
  closingDate: string | undefined;
  extensions: number;
  /** FundsCancelled (positive) and their reversals (negative), at the date each counts on; the value date converts. */
  cancellations: { transactionId: string; amount: string; currency: string; date: string; valueDate: string; eventId: string }[];
  events: string[];
}

export interface MilestoneFacts {
  projectId: string;
  milestoneId: string;
  category: string;
  title: string | undefined;
  baselineDate: string;
  forecastDate: string | undefined;
  achievedDate: string | undefined;
  dropped: boolean;
  events: string[];
}

export interface ActionFacts {
  programmeId: string;
  actionId: string;
  decisionId: string;
  meeting: { meetingId: string; body: string; date: string } | undefined;
  description: string;
  owner: string;
  assignedOn: string;
  dueDate: string;
  completedOn: string | undefined;
  events: string[];
}

export interface Dated<T> {
  value: T;
  eventId: string;
}

export interface IndicatorFacts {
  projectId: string;
  resultId: string;
  resultType: string;
  indicatorId: string;
  title: string;
  measure: string;
  ascending: boolean;
  unit: string | undefined;
  baseline: Dated<{ year: number; value: string }> | undefined;
  /** Per period (start|end), the target last set. */
  targets: Map<string, Dated<{ start: string; end: string; value: string }>>;
  /** Per period, the actual last reported or verified, and whether it stands verified or rejected. */
  actuals: Map<string, Dated<{ start: string; end: string; value: string; state: 'reported' | 'verified' | 'rejected' }>>;
  defined: string;
}

export interface KpiFacts {
  kpi: string;
  unit: string;
  /** Observations dated (year's last day, or the date) on or before the quarter's end, in log order. */
  observations: Dated<{ asOf: string; label: string; value: string }>[];
  /** Per year or date, the target last set. */
  targets: Map<string, Dated<{ asOf: string; label: string; value: string }>>;
}
