import type { Command } from '../decider/decider.js';
import type { DatePeriod } from '../dates/date-period.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { Source } from '../sourcing/source.js';

export interface IndicatorRef {
  projectId: string;
  indicatorId: string;
}

/** IATI ResultType: 1 output, 2 outcome, 3 impact (DMF levels), 9 other. */
export type DefineResult = Command<'DefineResult', { projectId: string; resultId: string; resultType: string; title: string } & EffectiveDated>;
export type DefineIndicator = Command<
  'DefineIndicator',
  {
    projectId: string;
    resultId: string;
    indicatorId: string;
    title: string;
    /** IATI IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative. */
    measure: string;
    /** False for indicators that should fall, e.g. PM2.5. */
    ascending: boolean;
    unit?: string;
  } & EffectiveDated
>;
/** Values are decimal strings ("14200", "35.5"), free text only for qualitative indicators. */
export type SetBaseline = Command<'SetBaseline', IndicatorRef & { year: number; value: string; source?: Source } & EffectiveDated>;
export type SetTarget = Command<'SetTarget', IndicatorRef & { period: DatePeriod; value: string; source?: Source } & EffectiveDated>;
export type ReportActual = Command<'ReportActual', IndicatorRef & { period: DatePeriod; value: string; source?: Source } & EffectiveDated>;
export type VerifyActual = Command<'VerifyActual', IndicatorRef & { period: DatePeriod } & EffectiveDated>;
export type RejectActual = Command<'RejectActual', IndicatorRef & { period: DatePeriod; reason: string } & EffectiveDated>;

export type ResultsCommand = DefineResult | DefineIndicator | SetBaseline | SetTarget | ReportActual | VerifyActual | RejectActual;
