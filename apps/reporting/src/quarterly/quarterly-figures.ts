import type { PortfolioEvent } from '@ecab/contracts';
import { formatAmount, percentageToHundredths, toMinorUnits, type CurrencyCode } from '@ecab/domain';
import { codeOf, type Data } from '../iati/event-data.js';
import { foldPortfolioFacts } from '../iati/fold-events.js';
import type { ProjectFacts } from '../iati/portfolio-facts.js';
import { cellKey, LineageCollector, type FigureCell } from './lineage.js';
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
  /** Per figure cell (lineage.ts's cellKey), the ids of the events behind it, in log order; a figure no event is behind has no entry. */
  lineage: Map<string, string[]>;
  /** Every figure in page order, when the code version lists them itself (quarterly/2); else quarterly-cells.ts makes them. */
  cells?: FigureCell[];
}

/** quarterly/1 counts projects by their status as the events leave it; quarterly/2 by their status at the quarter's end. */
export interface FiguresOptions {
  statusAtQuarterEnd?: boolean;
}

/** A money movement counted in a figure: its project, currency, signed minor units, date and the event behind it. */
interface Movement {
  figure: Figure;
  currency: CurrencyCode;
  minorUnits: bigint;
  date: string;
  eventId: string;
}

/** The events a project's counted facts come from: its registration, current status, countries and quarter's rating. */
interface ProjectSources {
  registered: string;
  status: string;
  /** The status at the quarter's end (the last change effective by then) and its event. */
  statusAtEnd?: { code: string; eventId: string };
  countries: string;
  rating: { overall: (typeof RATINGS)[number]; eventId: string } | undefined;
}

/** IATI transaction types per figure: net commitment (11, signed), disbursement (1, funds received), spending (3, 4). */
const FIGURE_OF_TYPE: Record<string, Figure> = { '11': 'netCommitment', '1': 'disbursed', '3': 'spent', '4': 'spent' };

/**
 * The quarterly portfolio figures per cluster or per country (countries share a project's money and ratings
 * by their recipient-country percentage; amounts in each currency as recorded, rounded to its minor unit).
 * Built from the same stored events as the IATI files; it is an internal report, so nothing is filtered.
 * A currency's row appears once the group has a movement of it in the year to the quarter's end: a later
 * quarter's movements leave the report as it was. Each figure's lineage lists the events behind it.
 */
export function quarterlyFigures(events: readonly PortfolioEvent[], quarter: Quarter, groupBy: Grouping, options: FiguresOptions = {}): QuarterlyFigures {
  const facts = foldPortfolioFacts(events);
  const movements = new Map<string, Movement[]>();
  const moved = (projectId: string, movement: Movement) => movements.set(projectId, [...(movements.get(projectId) ?? []), movement]);
  for (const project of facts.projects.values()) {
    for (const t of project.transactions) {
      const figure = FIGURE_OF_TYPE[t.type];
      if (figure) moved(project.projectId, { figure, ...toMinorUnits({ amount: t.amount, currency: t.currency }), date: t.date, eventId: t.eventId });
    }
  }
  const sources = new Map<string, ProjectSources>();
  for (const event of events) {
    const data = event.data as Data;
    const known = sources.get(data.projectId);
    if (event.type === 'ProjectRegistered')
      sources.set(data.projectId, { registered: event.eventId, status: event.eventId, countries: event.eventId, rating: known?.rating });
    if (event.type === 'ProjectStatusChanged' && known) {
      known.status = event.eventId;
      if (data.effectiveDate <= quarter.end) known.statusAtEnd = { code: codeOf(data.to), eventId: event.eventId };
    }
    if (event.type === 'RecipientCountriesSet' && known) known.countries = event.eventId;
    if (event.type === 'ContractAwarded')
      moved(data.projectId, { figure: 'contractAwards', ...toMinorUnits(data.contractValue), date: data.awardDate, eventId: event.eventId });
    if (event.type === 'PerformanceRated' && data.period === quarter.label) {
      const rating = { overall: data.overall, eventId: event.eventId };
      if (known) known.rating = rating;
      else sources.set(data.projectId, { registered: '', status: '', countries: '', rating });
    }
  }
  const groups = new Map<string, GroupFigures>();
  const groupFor = (name: string): GroupFigures => {
    if (!groups.has(name))
      groups.set(name, {
        group: name,
        projects: 0,
        byStatus: {},
        figures: { netCommitment: [], disbursed: [], spent: [], contractAwards: [] },
        ratings: { on_track: 0, for_attention: 0, at_risk: 0 },
      });
    return groups.get(name) as GroupFigures;
  };
  const lineage = new LineageCollector(events);
  const totals = new Map<string, { quarter: bigint; yearToDate: bigint }>();
  for (const project of facts.projects.values()) {
    const source = sources.get(project.projectId) as ProjectSources;
    // By country, the project's countries decide every share it adds: that event is behind each of its figures.
    const basis = groupBy === 'country' ? source.countries : undefined;
    for (const { group, hundredths } of sharesOf(project, groupBy)) {
      const figures = groupFor(group);
      figures.projects += 1;
      lineage.add(cellKey.projects(group), [source.registered, basis]);
      const [status, statusEvent] = options.statusAtQuarterEnd
        ? [source.statusAtEnd?.code ?? '1', source.statusAtEnd?.eventId ?? source.registered]
        : [project.status, source.status];
      figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
      lineage.add(cellKey.status(group, status), [statusEvent, basis]);
      if (source.rating) {
        figures.ratings[source.rating.overall] += 1;
        lineage.add(cellKey.rating(group, source.rating.overall), [source.rating.eventId, basis]);
      }
      for (const m of movements.get(project.projectId) ?? []) {
        if (!inYearToDate(quarter, m.date)) continue;
        const key = `${group}|${m.figure}|${m.currency}`;
        const total = totals.get(key) ?? { quarter: 0n, yearToDate: 0n };
        const share = shareOf(m.minorUnits, hundredths);
        if (inQuarter(quarter, m.date)) {
          total.quarter += share;
          lineage.add(cellKey.amount(group, m.figure, m.currency, 'quarter'), [m.eventId, basis]);
        }
        total.yearToDate += share;
        lineage.add(cellKey.amount(group, m.figure, m.currency, 'year-to-date'), [m.eventId, basis]);
        totals.set(key, total);
      }
    }
  }
  for (const [key, total] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    const [group, figure, currency] = key.split('|') as [string, Figure, CurrencyCode];
    groupFor(group).figures[figure].push({
      currency,
      quarter: formatAmount({ currency, minorUnits: total.quarter }),
      yearToDate: formatAmount({ currency, minorUnits: total.yearToDate }),
    });
  }
  return { quarter, groupBy, groups: [...groups.values()].sort((a, b) => a.group.localeCompare(b.group)), lineage: lineage.result() };
}

/** A project's groups: its cluster (all of it), or each recipient country with its share in hundredths of a percent. */
export function sharesOf(project: ProjectFacts, groupBy: Grouping): { group: string; hundredths: bigint }[] {
  if (groupBy === 'cluster') return [{ group: project.cluster, hundredths: 10_000n }];
  const countries = project.draft.countries ?? project.countries;
  return countries.map((c) => ({ group: c.code, hundredths: BigInt(percentageToHundredths(c.percentage) ?? 0) }));
}

/** amount × share / 100 %, rounded half away from zero to the minor unit. */
export function shareOf(minorUnits: bigint, hundredths: bigint): bigint {
  if (hundredths === 10_000n) return minorUnits;
  const scaled = minorUnits * hundredths;
  const sign = scaled < 0n ? -1n : 1n;
  return (sign * (sign * scaled + 5_000n)) / 10_000n;
}
