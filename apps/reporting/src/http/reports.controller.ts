import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { z } from 'zod';
import { ReportingEvents } from '../events/reporting-events.js';
import { parseQuarter, type Quarter } from '../quarterly/quarter.js';
import { GROUPINGS } from '../quarterly/quarterly-figures.js';
import { quarterlyReport, type QuarterlyReport } from '../quarterly/quarterly-report.js';
import { reportCsv } from '../quarterly/report-csv.js';
import { reportPage } from '../quarterly/report-page.js';

const quarterlyQuery = z
  .object({
    quarter: z
      .string({ error: 'is required: a quarter such as 2025-Q3' })
      .refine((q) => parseQuarter(q) !== undefined, 'must be a quarter written YYYY-Qn, e.g. 2025-Q3'),
    groupBy: z.enum(GROUPINGS, { error: 'must be cluster or country' }).default('cluster'),
  })
  .strict();

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** Where the quarterly report is served: its page gets a Content-Security-Policy of its own (bootstrap). */
export const QUARTERLY_REPORT_PATH = 'api/v1/reports/quarterly.html';

/**
 * The quarterly portfolio report (quarterly/2, the code new filings use) made from the events reporting holds now,
 * as a page or a CSV table (any signed-in role may read it).
 */
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly events: ReportingEvents) {}

  @Get('quarterly.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async quarterly(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string> {
    return reportPage(await this.figures(query, response));
  }

  @Get('quarterly.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async quarterlyCsv(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string> {
    const figures = await this.figures(query, response);
    response.setHeader('Content-Disposition', `attachment; filename="ecab-quarterly-${figures.quarter.label}-${figures.groupBy}.csv"`);
    return reportCsv(figures);
  }

  private async figures(query: unknown, response: HeaderResponse): Promise<QuarterlyReport> {
    const { quarter: label, groupBy } = parseOrProblem(quarterlyQuery, query);
    const quarter = startedQuarter(label);
    response.setHeader('ECAB-Position', (await this.events.head()).position ?? '0');
    return quarterlyReport(await this.events.all(), quarter, groupBy);
  }
}

/** The quarter, once it has begun (a report covers a quarter under way or past); 422 QUARTER_NOT_STARTED before. */
function startedQuarter(label: string): Quarter {
  const quarter = parseQuarter(label);
  const today = new Date().toISOString().slice(0, 10);
  if (!quarter || quarter.start > today) {
    throw ProblemError.ruleViolated('QUARTER_NOT_STARTED', `${label} has not started yet (today is ${today}): a report covers a quarter under way or past`, {
      quarter: label,
    });
  }
  return quarter;
}
