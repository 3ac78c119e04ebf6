import type { PortfolioFacts } from '../iati/portfolio-facts.js';
import type { FigureCell, LineageCollector } from './lineage.js';
import { PROGRAMME_GROUP } from './portfolio-money.js';
import { sharesOf, type Grouping } from './quarterly-figures.js';
import { LIST_NAMES, type ListName, type QuarterlyLists } from './quarterly-lists.js';
import type { ScorecardRow } from './scorecard.js';

/** The lists that are about projects: every list but the governance actions, which are the programme's. */
export type ProjectListName = Exclude<ListName, 'actionsPastDue'>;
export type ProjectLists = Pick<QuarterlyLists, ProjectListName>;
export const PROJECT_LIST_NAMES = LIST_NAMES.filter((n): n is ProjectListName => n !== 'actionsPastDue');

/** One group's own lists and results scorecard (quarterly/3). */
export interface GroupLists {
  group: string;
  lists: ProjectLists;
  scorecard: ScorecardRow[];
}

/** A group's copy of a programme-wide row's key: `<group>/lists/<list>/<id>` or `<group>/scorecard/<project>/<indicator>`. */
export const groupRowKey = (group: string, key: string) => `${group}/${key}`;

/**
 * The row a list, scorecard or KPI cell stands for, from its programme-wide key: `lists/<list>/<id…>` → `<id…>`,
 * `scorecard/<project>/<indicator>` → `<project>/<indicator>`, `kpis/<kpi>` → `<kpi>`.
 */
export function itemOf(programmeKey: string): string {
  const parts = programmeKey.split('/');
  return parts.slice(parts[0] === 'lists' ? 2 : 1).join('/');
}

/**
 * quarterly/3: each group's own lists and scorecard, the programme-wide rows of the projects in that group — by
 * cluster, the project's cluster; by country, each of its recipient countries (a project in KZ and KG is in both
 * countries' lists, whatever its percentages). Rows keep the programme-wide figures and events; their cells get
 * keys of their own (`<group>/lists/…`, `<group>/scorecard/…`) with the same lineage. The governance actions are
 * the programme's, not a project's, so they stay in the programme-wide list only.
 */
export function groupLists(
  groups: readonly string[],
  facts: PortfolioFacts,
  groupBy: Grouping,
  programme: { lists: QuarterlyLists; scorecard: ScorecardRow[]; cells: readonly FigureCell[] },
  lineage: LineageCollector,
): { groups: GroupLists[]; cells: Map<string, FigureCell[]> } {
  const groupsOf = new Map([...facts.projects.values()].map((p) => [p.projectId, new Set(sharesOf(p, groupBy).map((s) => s.group))]));
  const programmeCells = new Map(programme.cells.map((c) => [c.key, c]));
  const result: GroupLists[] = [];
  const cells = new Map<string, FigureCell[]>();
  for (const group of groups) {
    const own: FigureCell[] = [];
    const mine = <R extends { key: string; projectId: string }>(rows: readonly R[]): R[] =>
      rows
        .filter((r) => groupsOf.get(r.projectId)?.has(group) === true)
        .map((r) => {
          const key = groupRowKey(group, r.key);
          lineage.add(key, lineage.eventsOf(r.key));
          const cell = programmeCells.get(r.key);
          if (cell) own.push({ ...cell, key, group, item: itemOf(r.key) });
          return { ...r, key };
        });
    const l = programme.lists;
    const lists: ProjectLists = {
      awaitingEffectiveness: mine(l.awaitingEffectiveness),
      closingWithinSixMonths: mine(l.closingWithinSixMonths),
      extended: mine(l.extended),
      cancelled: mine(l.cancelled),
      overdueMilestones: mine(l.overdueMilestones),
    };
    result.push({ group, lists, scorecard: mine(programme.scorecard) });
    cells.set(group, own);
  }
  return { groups: result, cells };
}

/** The programme-wide list, scorecard and KPI cells as quarterly/3 writes them: of group `programme`, naming their row. */
export function programmeRowCells(cells: readonly FigureCell[]): FigureCell[] {
  return cells.map((c) => ({ ...c, group: PROGRAMME_GROUP, item: itemOf(c.key) }));
}
