import { ProblemError } from '@ecab/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import type { Sql } from '../../sql.js';
import { projectMilestonesAndResults, type ProjectMilestone, type ProjectResult } from '../milestones-and-results/project-milestones-and-results.js';
import { canonicalAmount } from '../money.js';
import type { MoneyByCurrency } from '../portfolio-summary/portfolio-summary.controller.js';
import { PROJECT_COLUMNS, projectListItem, type ProjectListItem, type ProjectRow } from '../project-list/project-row.js';
import { ViewsReader } from '../views-reader.js';
import { projectAgreements, projectContracts, type AgreementEntry, type ContractEntry } from './project-finance.js';
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

  @Get(projectProfileQuery.path)
  async project(@Param('id') id: string, @Query() raw: unknown): Promise<ProjectView> {
    const parameters = this.reader.parameters(projectProfileQuery, raw);
    return this.reader.read(parameters, (sql) => readProject(sql, id));
  }
}

async function readProject(sql: Sql, id: string): Promise<ProjectView> {
  const rows: ProjectRow[] = await sql(`select ${PROJECT_COLUMNS} from project_summary p where p.project_id = $1`, [id]);
  const row = rows[0];
  if (!row) throw ProblemError.notFound(`No project ${id} in the portfolio view.`);
  const financing: MoneyByCurrency[] = await sql(
    `select currency,
            coalesce(sum(case kind when 'commitment' then amount when 'cancellation' then -amount end), 0)::text as committed,
            coalesce(sum(amount) filter (where kind = 'disbursement'), 0)::text as disbursed
       from money_movement where project_id = $1 and kind in ('commitment', 'cancellation', 'disbursement')
      group by currency order by currency`,
    [id],
  );
  const [{ count }] = (await sql('select count(*)::int as count from project_activity where project_id = $1', [id])) as [{ count: number }];
  const activity: {
    stream_id: string;
    stream_version: number;
    type: string;
    effective_date: string | null;
    recorded_at: Date;
    data: Record<string, unknown>;
  }[] = await sql(
    `select * from (
         select stream_id, stream_version, type, to_char(effective_date, 'YYYY-MM-DD') as effective_date, recorded_at, data
           from project_activity where project_id = $1
          order by recorded_at desc, stream_id collate "C" desc, stream_version desc limit $2
       ) latest order by recorded_at, stream_id collate "C", stream_version`,
    [id, ACTIVITY_LIMIT],
  );
  const ratings: (Omit<RatingEntry, 'recordedAt'> & { recordedAt: Date })[] = await sql(
    `select period, overall, ratings, world_bank_rating as "worldBankRating", rationale, to_char(rated_on, 'YYYY-MM-DD') as "ratedOn",
            corrections, correction_reason as "correctionReason", event_id as "eventId", recorded_at as "recordedAt"
       from performance_rating where project_id = $1 order by period desc limit $2`,
    [id, SECTION_LIMIT],
  );
  const risks: RiskEntry[] = await sql(
    `select period, id, description, likelihood, impact, mitigation, dimension, status, to_char(raised_on, 'YYYY-MM-DD') as "raisedOn"
       from project_risk where project_id = $1 order by raised_on desc, period desc, id limit $2`,
    [id, SECTION_LIMIT],
  );
  const issues: IssueEntry[] = await sql(
    `select period, id, description, dimension, status, to_char(raised_on, 'YYYY-MM-DD') as "raisedOn", to_char(resolved_on, 'YYYY-MM-DD') as "resolvedOn", resolution
       from project_issue where project_id = $1 order by raised_on desc, period desc, id limit $2`,
    [id, SECTION_LIMIT],
  );
  const { milestones, results } = await projectMilestonesAndResults(sql, id);
  return {
    ...projectListItem(row),
    titles: row.titles,
    financing: financing.map((m) => ({
      currency: m.currency,
      committed: canonicalAmount(m.committed, m.currency),
      disbursed: canonicalAmount(m.disbursed, m.currency),
    })),
    activityCount: count,
    activity: activity.map((a) => ({
      streamId: a.stream_id,
      version: a.stream_version,
      type: a.type,
      effectiveDate: a.effective_date,
      recordedAt: a.recorded_at.toISOString(),
      data: a.data,
    })),
    ratings: ratings.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() })),
    risks,
    issues,
    agreements: await projectAgreements(sql, id, SECTION_LIMIT),
    contracts: await projectContracts(sql, id, SECTION_LIMIT),
    milestones,
    results,
  };
}
