import { parseDecimal, subtractDecimals } from '@ecab/domain';
import type { PortfolioFacts } from '../iati/portfolio-facts.js';
import { daysBetween } from './dates.js';
import { clampRatio, ratioText } from './exact.js';
import type { FigureCell, LineageCollector } from './lineage.js';
import type { IndicatorFacts, KpiFacts, QuarterFacts } from './quarter-fact-types.js';
import type { Quarter } from './quarter.js';

export interface ScorecardRow {
  key: string;
  projectId: string;
  cluster: string;
  resultType: string;
  indicator: string;
  unit: string;
  ascending: boolean;
  baseline: string;
  target: string;
  actual: string;
  /** (actual − baseline) ÷ (target − baseline), clamped 0–1, 4 decimals; '' when it cannot be computed. */
  progress: string;
}

export interface KpiRow {
  key: string;
  kpi: string;
  unit: string;
  baseline: string;
  latest: string;
  target: string;
  /** (latest − baseline) ÷ (target − baseline), 4 decimals, not clamped; '' without a baseline, a target, or when they are equal. */
  progress: string;
  /** The share of the time from the baseline to the target gone by at the quarter's end (0–1): where a straight path would be. */
  elapsed: string;
}

const RESULT_TYPES: Record<string, string> = { '1': 'output', '2': 'outcome', '3': 'impact', '9': 'other' };
export const scorecardKey = (projectId: string, indicatorId: string) => `scorecard/${projectId}/${indicatorId}`;
export const kpiKey = (kpi: string) => `kpis/${kpi}`;

/** (value − from) ÷ (to − from) on the exact decimals; null when one is not numeric or to = from. */
function progressOf(value: string | undefined, from: string | undefined, to: string | undefined): string | null {
  const [v, f, t] = [value, from, to].map((x) => (x === undefined ? undefined : parseDecimal(x)));
  if (!v || !f || !t) return null;
  return ratioText(subtractDecimals(v, f), subtractDecimals(t, f));
}

/**
 * The results scorecard at the quarter's end, per indicator of each project (docs/DOMAIN.md §2, as portfolio-views'
 * scorecard): the baseline, the end target (the one whose period ends last) and the latest actual whose period has
 * ended by the quarter's end — the latest verified one, else the latest reported one (marked unverified), never a
 * rejected one; progress = (actual − baseline) ÷ (target − baseline) clamped to 0–1, which also holds for descending
 * indicators (PM2.5), and is empty for qualitative indicators or when target = baseline.
 */
export function resultsScorecard(facts: PortfolioFacts, quarter: QuarterFacts, lineage: LineageCollector): { rows: ScorecardRow[]; cells: FigureCell[] } {
  const rows: ScorecardRow[] = [];
  const cells: FigureCell[] = [];
  const indicators = quarter.indicators
    .filter((i) => facts.projects.has(i.projectId))
    .sort((a, b) => a.projectId.localeCompare(b.projectId) || a.indicatorId.localeCompare(b.indicatorId));
  for (const i of indicators) {
    const target = [...i.targets.values()].sort((a, b) => a.value.end.localeCompare(b.value.end)).at(-1);
    const actual = latestActual(i);
    const numeric = i.measure !== '5';
    const progress = numeric ? clampRatio(progressOf(actual?.value.value, i.baseline?.value.value, target?.value.value)) : null;
    const key = scorecardKey(i.projectId, i.indicatorId);
    rows.push({
      key,
      projectId: i.projectId,
      cluster: facts.projects.get(i.projectId)?.cluster ?? '',
      resultType: RESULT_TYPES[i.resultType] ?? i.resultType,
      indicator: i.title,
      unit: i.unit ?? '',
      ascending: i.ascending,
      baseline: i.baseline ? `${i.baseline.value.value} (${i.baseline.value.year})` : '',
      target: target ? `${target.value.value} (${target.value.end.slice(0, 4)})` : '',
      actual: actual ? `${actual.value.value} (${actual.value.end}${actual.value.state === 'verified' ? '' : ', unverified'})` : '',
      progress: progress ?? '',
    });
    lineage.add(key, [i.defined, i.baseline?.eventId, target?.eventId, actual?.eventId]);
    cells.push({ key, group: i.projectId, measure: `indicator:${i.indicatorId}`, currency: '', period: 'quarter-end', value: progress ?? '' });
  }
  return { rows, cells };
}

function latestActual(i: IndicatorFacts) {
  const standing = [...i.actuals.values()].filter((a) => a.value.state !== 'rejected').sort((a, b) => a.value.end.localeCompare(b.value.end));
  return standing.filter((a) => a.value.state === 'verified').at(-1) ?? standing.at(-1);
}

/**
 * The programme's KPIs against their targets (e.g. bilateral trade toward $3bn by 2030), at the quarter's end,
 * as portfolio-views reads them: the baseline is the earliest observation, the latest the one of the latest year
 * or date on or before the quarter's end (the last recorded among equals), the target the one furthest ahead (a
 * target set again for the same year or date replaces it); progress = (latest − baseline) ÷ (target − baseline),
 * not clamped. Conflicting observations for one year are all kept in the events; the latest recorded counts.
 */
export function programmeKpis(quarter: QuarterFacts, period: Quarter, lineage: LineageCollector): { rows: KpiRow[]; cells: FigureCell[] } {
  const rows: KpiRow[] = [];
  const cells: FigureCell[] = [];
  for (const k of [...quarter.kpis].sort((a, b) => a.kpi.localeCompare(b.kpi))) {
    const observations = [...k.observations].sort((a, b) => a.value.asOf.localeCompare(b.value.asOf));
    const [baseline, latest] = [observations[0], observations.at(-1)];
    const target = [...k.targets.values()].sort((a, b) => a.value.asOf.localeCompare(b.value.asOf)).at(-1);
    const progress = progressOf(latest?.value.value, baseline?.value.value, target?.value.value) ?? '';
    const key = kpiKey(k.kpi);
    rows.push({
      key,
      kpi: k.kpi,
      unit: k.unit,
      baseline: baseline ? `${baseline.value.value} (${baseline.value.label})` : '',
      latest: latest ? `${latest.value.value} (${latest.value.label})` : '',
      target: target ? `${target.value.value} (${target.value.label})` : '',
      progress,
      elapsed: elapsedShare(baseline, target, period),
    });
    lineage.add(key, [baseline?.eventId, latest?.eventId, target?.eventId]);
    cells.push({ key, group: 'programme', measure: `kpi:${k.kpi}`, currency: '', period: 'quarter-end', value: progress });
  }
  return { rows, cells };
}

type KpiPoint = KpiFacts['observations'][number];

function elapsedShare(baseline: KpiPoint | undefined, target: KpiPoint | undefined, period: Quarter): string {
  if (!baseline || !target) return '';
  const total = daysBetween(baseline.value.asOf, target.value.asOf);
  const gone = daysBetween(baseline.value.asOf, period.end);
  return clampRatio(ratioText({ units: BigInt(gone), scale: 0 }, { units: BigInt(total), scale: 0 })) ?? '';
}
