import { ProblemError } from '@ecab/platform';
import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import type { Sql } from '../../sql.js';
import {
  milestonesAndResults,
  milestonesAndResultsSql,
  PROJECT_MILESTONES_AND_RESULTS_CAP,
  type MilestonesAndResultsRows,
  type ProjectMilestone,
  type ProjectResult,
} from '../milestones-and-results/project-milestones-and-results.js';
import { canonicalAmount } from '../money.js';
import type { MoneyByCurrency } from '../portfolio-summary/portfolio-summary.controller.js';
import { PROJECT_COLUMNS, projectListItem, type ProjectListItem, type ProjectRow } from '../project-list/project-row.js';
import { ViewsReader } from '../views-reader.js';
import { todayIso } from '../pagination.js';
import { isoInstantSql, jsonListSql, jsonListTextSql } from '../sections.js';
import { answerJson, JsonText } from '../json-text.js';
import { agreementsJsonSql, contractEntries, contractsSql, type AgreementEntry, type ContractEntry } from './project-finance.js';
import { projectProfileQuery } from './project-profile.query.js';

/** The project's list entry (id, title, cluster, countries, status, stage, identifier, dates, rating…) and its sections. */
export interface ProjectView extends ProjectListItem {
  titles: Record<string, string> | null;
  financing: MoneyByCurrency[];
  /** How many events the project has lived, over all of its streams. */
  activityCount: number;
  /** The latest events (at most ACTIVITY_LIMIT), oldest first. */
  activity: ActivityEntry[];
  /** Every quarter rated, latest first; a corrected quarter shows the correction (and how many there were). */
  ratings: RatingEntry[];
  /** Risks registered in the reviews, latest first (at most SECTION_LIMIT). */
  risks: RiskEntry[];
  /** Issues raised in the reviews, latest first (at most SECTION_LIMIT), open or resolved. */
  issues: IssueEntry[];
  /** Financing agreements (signed, or opened by a project-level shorthand) with their transactions. */
  agreements: AgreementEntry[];
  /** Procurement packages and the contracts awarded under them. */
  contracts: ContractEntry[];
  /** Milestones, planned against actual, with slippage and whether overdue. */
  milestones: ProjectMilestone[];
  /** The results framework: results, their indicators and progress toward target. */
  results: ProjectResult[];
}

export interface RatingEntry {
  period: string;
  overall: string;
  ratings: Record<string, string>;
  worldBankRating: string | null;
  rationale: string | null;
  ratedOn: string;
  corrections: number;
  correctionReason: string | null;
  eventId: string;
  recordedAt: string;
}

export interface RiskEntry {
  period: string;
  id: string;
  description: string;
  likelihood: string;
  impact: string;
  mitigation: string;
  dimension: string | null;
  status: string;
  raisedOn: string;
}

export interface IssueEntry {
  period: string;
  id: string;
  description: string;
  dimension: string | null;
  status: 'open' | 'resolved';
  raisedOn: string;
  resolvedOn: string | null;
  resolution: string | null;
}

export interface ActivityEntry {
  streamId: string;
  version: number;
  type: string;
  /** When it happened in the world (YYYY-MM-DD), when the event says. */
  effectiveDate: string | null;
  /** When the platform learned it. */
  recordedAt: string;
  data: Record<string, unknown>;
}

export const ACTIVITY_LIMIT = 200;
export const SECTION_LIMIT = 500;

@Controller('api/v1')
export class ProjectProfileController {
  constructor(private readonly reader: ViewsReader) {}

  /** A ProjectView, as JSON text (most of it written by PostgreSQL: answerJson). */
  @Get(projectProfileQuery.path)
  @Header('Content-Type', 'application/json')
  async project(@Param('id') id: string, @Query() raw: unknown): Promise<string> {
    const parameters = this.reader.parameters(projectProfileQuery, raw);
    return this.reader.read(parameters, (sql) => readProject(sql, id));
  }
}

/**
 * The profile's lists, as they come out of its statement: JSON arrays of rows, parsed where Node still
 * works on them, else the text of ActivityEntry[], RatingEntry[], RiskEntry[], IssueEntry[] and AgreementEntry[] as answered.
 */
interface ProfileRow extends ProjectRow, MilestonesAndResultsRows {
  financing: MoneyByCurrency[];
  activity_count: number;
  activity: string;
  ratings: string;
  risks: string;
  issues: string;
  agreements: string;
  contracts: ContractEntry[];
}

/**
 * The project and every section of its profile in one statement (one round trip, one snapshot): each
 * section is a JSON list of its rows (the sections answered as they are, as JSON text). $1 the project, $2 the activity's limit, $3 the sections', $4 today,
 * $5 the milestones' and results' cap.
 */
const PROFILE_SQL = (() => {
  const lists = milestonesAndResultsSql('$1', '$4', '$5');
  return `select ${PROJECT_COLUMNS},
    -- Per currency, from the project's running totals (net commitment and funds received, as recorded).
    ${jsonListSql(`select currency, committed::text as committed, disbursed::text as disbursed from project_money where project_id = $1 order by currency`)} as financing,
    (select count(*)::int from project_activity where project_id = $1) as activity_count,
    ${jsonListTextSql(`select latest.stream_id as "streamId", latest.stream_version as version, latest.type, latest.effective_date as "effectiveDate",
            ${isoInstantSql('latest.recorded_at')} as "recordedAt", latest.data::jsonb as data
       from (
         select stream_id, stream_version, type, to_char(effective_date, 'YYYY-MM-DD') as effective_date, recorded_at, data
           from project_activity where project_id = $1
          order by recorded_at desc, stream_id collate "C" desc, stream_version desc limit $2
       ) latest order by latest.recorded_at, latest.stream_id collate "C", latest.stream_version`)} as activity,
    ${jsonListTextSql(`select period, overall, ratings, world_bank_rating as "worldBankRating", rationale, to_char(rated_on, 'YYYY-MM-DD') as "ratedOn",
            corrections, correction_reason as "correctionReason", event_id as "eventId", ${isoInstantSql('recorded_at')} as "recordedAt"
       from performance_rating where project_id = $1 order by period desc limit $3`)} as ratings,
    ${jsonListTextSql(`select period, id, description, likelihood, impact, mitigation, dimension, status, to_char(raised_on, 'YYYY-MM-DD') as "raisedOn"
       from project_risk where project_id = $1 order by raised_on desc, period desc, id limit $3`)} as risks,
    ${jsonListTextSql(`select period, id, description, dimension, status, to_char(raised_on, 'YYYY-MM-DD') as "raisedOn", to_char(resolved_on, 'YYYY-MM-DD') as "resolvedOn", resolution
       from project_issue where project_id = $1 order by raised_on desc, period desc, id limit $3`)} as issues,
    ${agreementsJsonSql('$1', '$3')} as agreements,
    ${jsonListSql(contractsSql('$1', '$3'))} as contracts,
    ${jsonListSql(lists.milestones)} as milestones,
    ${jsonListSql(lists.results)} as results,
    ${jsonListSql(lists.indicators)} as indicators
  from project_summary p where p.project_id = $1`;
})();

async function readProject(sql: Sql, id: string): Promise<string> {
  const rows: ProfileRow[] = await sql(PROFILE_SQL, [id, ACTIVITY_LIMIT, SECTION_LIMIT, todayIso(), PROJECT_MILESTONES_AND_RESULTS_CAP]);
  const row = rows[0];
  if (!row) throw ProblemError.notFound(`No project ${id} in the portfolio view.`);
  const { milestones, results } = milestonesAndResults(row);
  const answer: Record<keyof ProjectView, unknown> = {
    ...projectListItem(row),
    titles: row.titles,
    financing: row.financing.map((m) => ({
      currency: m.currency,
      committed: canonicalAmount(m.committed, m.currency),
      disbursed: canonicalAmount(m.disbursed, m.currency),
    })),
    activityCount: row.activity_count,
    activity: new JsonText(row.activity),
    ratings: new JsonText(row.ratings),
    risks: new JsonText(row.risks),
    issues: new JsonText(row.issues),
    agreements: new JsonText(row.agreements),
    contracts: contractEntries(row.contracts),
    milestones,
    results,
  };
  return answerJson(answer);
}
