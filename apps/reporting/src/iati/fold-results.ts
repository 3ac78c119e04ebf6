import { codeOf, isIllustrative, type Data } from './event-data.js';
import type { IndicatorFacts, ProjectFacts } from './portfolio-facts.js';

/**
 * The results framework (descriptive: internal until published) and verified actuals (partner-facing).
 * Reported actuals stay internal (docs/DOMAIN.md §3.2); only their source's confidence is kept, for the verified value.
 */
export function applyResultsEvent(project: ProjectFacts, type: string, data: Data): void {
  const results = project.draft.results;
  const indicator = (): IndicatorFacts | undefined => results.flatMap((r) => r.indicators).find((i) => i.indicatorId === data.indicatorId);
  switch (type) {
    case 'ResultDefined':
      results.push({ resultId: data.resultId, type: codeOf(data.resultType), title: data.title, indicators: [] });
      return;
    case 'IndicatorDefined':
      results
        .find((r) => r.resultId === data.resultId)
        ?.indicators.push({
          indicatorId: data.indicatorId,
          title: data.title,
          measure: codeOf(data.measure),
          ascending: data.ascending,
          unit: data.unit,
          baseline: undefined,
          targets: [],
        });
      return;
    case 'BaselineSet': {
      const found = indicator();
      if (found) found.baseline = { year: data.year, value: data.value, illustrative: isIllustrative(data) };
      return;
    }
    case 'TargetSet': {
      const found = indicator();
      if (!found) return;
      found.targets = found.targets.filter((t) => t.start !== data.period.start || t.end !== data.period.end);
      found.targets.push({ start: data.period.start, end: data.period.end, value: data.value, illustrative: isIllustrative(data) });
      return;
    }
    case 'ActualReported':
      project.reportedActualIllustrative.set(key(data), isIllustrative(data));
      return;
    case 'ActualVerified': {
      const illustrative = project.reportedActualIllustrative.get(key(data)) ?? false;
      project.verifiedActuals = project.verifiedActuals.filter(
        (a) => a.indicatorId !== data.indicatorId || a.start !== data.period.start || a.end !== data.period.end,
      );
      project.verifiedActuals.push({ indicatorId: data.indicatorId, start: data.period.start, end: data.period.end, value: data.value, illustrative });
      return;
    }
    default:
  }
}

const key = (data: Data) => `${data.indicatorId}|${data.period.start}|${data.period.end}`;
