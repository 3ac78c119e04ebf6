import { context } from './decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { ResultsCommand } from '../results/commands.js';
import { resultsDecider } from '../results/decide.js';
import type { ResultsEvent } from '../results/events.js';

/** The Given/When/Then fixtures the results use cases' specs share: one project's results framework and its events. */
export const given = deciderSpecification(resultsDecider, context);
export const command = (type: ResultsCommand['type'], data: object) => ({ type, data: { projectId: 'ECAB-AQ-02', ...data } }) as ResultsCommand;
export const event = (type: ResultsEvent['type'], data: object) =>
  ({ type, data: { projectId: 'ECAB-AQ-02', effectiveDate: '2026-11-26', ...data } }) as ResultsEvent;
export const coded = (codelist: string, code: string) => ({ code, codelist, version: '2.03' });
export const outcome = event('ResultDefined', { resultId: 'OUTCOME-1', resultType: coded('ResultType', '2'), title: 'Cleaner winter air in Bishkek' });
export const pm25 = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'PM25',
  title: 'Winter mean PM2.5',
  measure: coded('IndicatorMeasure', '1'),
  ascending: false,
  unit: 'µg/m³',
});
export const story = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'STORY',
  title: 'Data sharing agreed',
  measure: coded('IndicatorMeasure', '5'),
  ascending: true,
});
export const framework = [outcome, pm25, story];
export const winter = { start: '2025-12-01', end: '2026-02-28' };
export const cleanerAir = event('ResultDefined', { resultId: 'OUTCOME-1', resultType: coded('ResultType', '2'), title: 'Cleaner air' });
export const pm25Indicator = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'PM25',
  title: 'PM2.5',
  measure: coded('IndicatorMeasure', '1'),
  ascending: false,
});
export const dataSharing = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'STORY',
  title: 'Data sharing',
  measure: coded('IndicatorMeasure', '5'),
  ascending: true,
});
export const cleanerAirFramework = [cleanerAir, pm25Indicator, dataSharing];
