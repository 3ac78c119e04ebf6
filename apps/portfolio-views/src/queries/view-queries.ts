import { portfolioDisbursementCurveQuery, projectDisbursementCurveQuery } from './disbursement-curve/disbursement-curve.query.js';
import { lineageQuery } from './lineage/lineage.query.js';
import { overdueMilestonesQuery } from './overdue-milestones/overdue-milestones.query.js';
import { portfolioSummaryQuery } from './portfolio-summary/portfolio-summary.query.js';
import { programmeQuery } from './programme/programme.query.js';
import { projectListQuery } from './project-list/project-list.query.js';
import { projectProfileQuery } from './project-profile/project-profile.query.js';
import { projectTimelineQuery } from './project-timeline/project-timeline.query.js';
import { quarterlyListsQuery } from './quarterly-lists/quarterly-lists.query.js';
import { resultsScorecardQuery } from './results-scorecard/results-scorecard.query.js';
import type { ViewQuery } from './view-query.js';

/** Every read endpoint of portfolio-views, declared once (the OpenAPI document is made from this list). */
export const VIEW_QUERIES: readonly ViewQuery[] = [
  portfolioSummaryQuery,
  projectListQuery,
  projectProfileQuery,
  projectTimelineQuery,
  projectDisbursementCurveQuery,
  portfolioDisbursementCurveQuery,
  lineageQuery,
  quarterlyListsQuery,
  programmeQuery,
  overdueMilestonesQuery,
  resultsScorecardQuery,
];
