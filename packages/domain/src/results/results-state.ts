import type { IndicatorMeasureCode } from '../code-lists/iati-code-lists.js';
import { periodKey } from '../dates/date-period.js';
import type { ResultsEvent } from './events.js';

export interface ReportedActual {
  readonly value: string;
  readonly status: 'reported' | 'verified' | 'rejected';
}

export interface IndicatorState {
  readonly measure: IndicatorMeasureCode;
  /** Keyed by `start/end` of the period. */
  readonly actuals: ReadonlyMap<string, ReportedActual>;
}

export interface ResultsState {
  readonly resultIds: ReadonlySet<string>;
  readonly indicators: ReadonlyMap<string, IndicatorState>;
}

export function initialResultsState(): ResultsState {
  return { resultIds: new Set(), indicators: new Map() };
}

export function evolveResults(state: ResultsState, event: ResultsEvent): ResultsState {
  switch (event.type) {
    case 'ResultDefined':
      return { ...state, resultIds: new Set(state.resultIds).add(event.data.resultId) };
    case 'IndicatorDefined':
      return { ...state, indicators: new Map(state.indicators).set(event.data.indicatorId, { measure: event.data.measure.code, actuals: new Map() }) };
    case 'BaselineSet':
    case 'TargetSet':
      return state;
    case 'ActualReported':
    case 'ActualVerified':
    case 'ActualRejected': {
      const indicator = state.indicators.get(event.data.indicatorId);
      if (indicator === undefined) return state;
      const status = event.type === 'ActualReported' ? 'reported' : event.type === 'ActualVerified' ? 'verified' : 'rejected';
      const actuals = new Map(indicator.actuals).set(periodKey(event.data.period), { value: event.data.value, status });
      return { ...state, indicators: new Map(state.indicators).set(event.data.indicatorId, { ...indicator, actuals }) };
    }
  }
}
