import type { PortfolioEvent } from '@ecab/contracts';
import { formatAmount, percentageToHundredths, toMinorUnits, type CurrencyCode } from '@ecab/domain';
import type { Data } from '../iati/event-data.js';
import { foldPortfolioFacts } from '../iati/fold-events.js';
import type { ProjectFacts } from '../iati/portfolio-facts.js';
import { inQuarter, inYearToDate, type Quarter } from './quarter.js';

export const GROUPINGS = ['cluster', 'country'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const FIGURES = ['netCommitment', 'disbursed', 'spent', 'contractAwards'] as const;
export type Figure = (typeof FIGURES)[number];
export const RATINGS = ['on_track', 'for_attention', 'at_risk'] as const;

/** One figure in one currency, for the quarter and for the year to the quarter's end (decimal strings). */
export interface Amounts {
  currency: string;
  quarter: string;
  yearToDate: string;
}

export interface GroupFigures {
  group: string;
  projects: number;
  byStatus: Record<string, number>;
  figures: Record<Figure, Amounts[]>;
  ratings: Record<(typeof RATINGS)[number], number>;
}

export interface QuarterlyFigures {
  quarter: Quarter;
  groupBy: Grouping;
  groups: GroupFigures[];
}

/** A money movement counted in a figure: its project, currency, signed minor units and date. */
interface Movement {
  projectId: string;
  figure: Figure;
  currency: CurrencyCode;
  minorUnits: bigint;
  date: string;
}

/** IATI transaction types per figure: net commitment (11, signed), disbursement (1, funds received), spending (3, 4). */
const FIGURE_OF_TYPE: Record<string, Figure> = { '11': 'netCommitment', '1': 'disbursed', '3': 'spent', '4': 'spent' };

/**
 * The quarterly portfolio figures per cluster or per country (countries share a project's money and ratings
 * by their recipient-country percentage; amounts in each currency as recorded, rounded to its minor unit).
 * Built from the same stored events as the IATI files; it is an internal report, so nothing is filtered.
 */
export function quarterlyFigures(events: readonly PortfolioEvent[], quarter: Quarter, groupBy: Grouping): QuarterlyFigures {
  const facts = foldPortfolioFacts(events);
  const movements: Movement[] = [];
  for (const project of facts.projects.values()) {
    for (const t of project.transactions) {
      const figure = FIGURE_OF_TYPE[t.type];
      if (figure) movements.push({ projectId: project.projectId, figure, ...toMinorUnits({ amount: t.amount, currency: t.currency }), date: t.date });
    }
  }
  const ratings = new Map<string, string>();
  for (const event of events) {
    const data = event.data as Data;
    if (event.type === 'ContractAwarded') {
      movements.push({ projectId: data.projectId, figure: 'contractAwards', ...toMinorUnits(data.contractValue), date: data.awardDate });
    }
    if (event.type === 'PerformanceRated' && data.period === quarter.label) ratings.set(data.projectId, data.overall);
  }
  const groups = new Map<string, GroupFigures>();
  const groupFor = (name: string): GroupFigures => {
    if (!groups.has(name)) groups.set(name, { group: name, projects: 0, byStatus: {}, figures: { netCommitment: [], disbursed: [], spent: [], contractAwards: [] }, ratings: { on_track: 0, for_attention: 0, at_risk: 0 } });
    return groups.get(name) as GroupFigures;
  };
  const totals = new Map<string, { quarter: bigint; yearToDate: bigint }>();
  for (const project of facts.projects.values()) {
    for (const { group, hundredths } of sharesOf(project, groupBy)) {
      const figures = groupFor(group);
      figures.projects += 1;
      figures.byStatus[project.status] = (figures.byStatus[project.status] ?? 0) + 1;
      const rating = ratings.get(project.projectId) as (typeof RATINGS)[number] | undefined;
      if (rating) figures.ratings[rating] += 1;
      for (const m of movements.filter((x) => x.projectId === project.projectId)) {
        const key = `${group}|${m.figure}|${m.currency}`;
        const total = totals.get(key) ?? { quarter: 0n, yearToDate: 0n };
        const share = shareOf(m.minorUnits, hundredths);
        if (inQuarter(quarter, m.date)) total.quarter += share;
        if (inYearToDate(quarter, m.date)) total.yearToDate += share;
        totals.set(key, total);
      }
    }
  }
  for (const [key, total] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    const [group, figure, currency] = key.split('|') as [string, Figure, CurrencyCode];
    groupFor(group).figures[figure].push({ currency, quarter: formatAmount({ currency, minorUnits: total.quarter }), yearToDate: formatAmount({ currency, minorUnits: total.yearToDate }) });
  }
  return { quarter, groupBy, groups: [...groups.values()].sort((a, b) => a.group.localeCompare(b.group)) };
}

/** A project's groups: its cluster (all of it), or each recipient country with its share in hundredths of a percent. */
function sharesOf(project: ProjectFacts, groupBy: Grouping): { group: string; hundredths: bigint }[] {
  if (groupBy === 'cluster') return [{ group: project.cluster, hundredths: 10_000n }];
  const countries = project.draft.countries ?? project.countries;
  return countries.map((c) => ({ group: c.code, hundredths: BigInt(percentageToHundredths(c.percentage) ?? 0) }));
}

/** amount × share / 100 %, rounded half away from zero to the minor unit. */
function shareOf(minorUnits: bigint, hundredths: bigint): bigint {
  if (hundredths === 10_000n) return minorUnits;
  const scaled = minorUnits * hundredths;
  const sign = scaled < 0n ? -1n : 1n;
  return (sign * (sign * scaled + 5_000n)) / 10_000n;
}
