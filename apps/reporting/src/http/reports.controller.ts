import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Controller, Get, Headers, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import { ReportingEvents } from '../events/reporting-events.js';
import { PdfRenderer } from '../pdf/pdf-renderer.js';
import { parseQuarter, type Quarter } from '../quarterly/quarter.js';
import { GROUPINGS } from '../quarterly/quarterly-figures.js';
import { quarterlyReport, type QuarterlyReport } from '../quarterly/quarterly-report.js';
import { reportCsv } from '../quarterly/report-csv.js';
import { reportPage } from '../quarterly/report-page.js';
import { reportXlsx } from '../quarterly/report-xlsx.js';
import { formatAccepted, QUARTERLY_FORMAT_NAMES, QUARTERLY_FORMATS, type QuarterlyFormat } from './report-formats.js';

const reportQuery = {
  quarter: z
    .string({ error: 'is required: a quarter such as 2025-Q3' })
    .refine((q) => parseQuarter(q) !== undefined, 'must be a quarter written YYYY-Qn, e.g. 2025-Q3'),
  groupBy: z.enum(GROUPINGS, { error: 'must be cluster or country' }).default('cluster'),
};
const quarterlyQuery = z.object(reportQuery).strict();
/** GET …/quarterly: the form from ?format=, else from the Accept header. */
const negotiatedQuery = z
  .object({ ...reportQuery, format: z.enum(QUARTERLY_FORMAT_NAMES, { error: `must be ${QUARTERLY_FORMAT_NAMES.join(', ')}` }).optional() })
  .strict();

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** Where the quarterly report's page is served: it gets a Content-Security-Policy of its own (bootstrap). */
export const QUARTERLY_REPORT_PATHS = ['/api/v1/reports/quarterly.html', '/api/v1/reports/quarterly'];

/**
 * The quarterly portfolio report (quarterly/3, the code new filings use) made from the events reporting holds now,
 * any signed-in role may read it: `quarterly.html` (printable page), `quarterly.csv` (the figures), `quarterly.pdf`
 * (the page printed by Chromium), `quarterly.xlsx` (one sheet per table, for ministries), or `quarterly?format=` / the
 * Accept header for any of them.
 */
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly events: ReportingEvents,
    @Inject(PdfRenderer) private readonly pdf: PdfRenderer,
  ) {}

  @Get('quarterly.html')
  quarterlyHtml(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string | StreamableFile> {
    return this.answer('html', parseOrProblem(quarterlyQuery, query), response);
  }

  @Get('quarterly.csv')
  quarterlyCsv(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string | StreamableFile> {
    return this.answer('csv', parseOrProblem(quarterlyQuery, query), response);
  }

  @Get('quarterly.pdf')
  quarterlyPdf(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string | StreamableFile> {
    return this.answer('pdf', parseOrProblem(quarterlyQuery, query), response);
  }

  @Get('quarterly.xlsx')
  quarterlyXlsx(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string | StreamableFile> {
    return this.answer('xlsx', parseOrProblem(quarterlyQuery, query), response);
  }

  @Get('quarterly')
  quarterly(@Query() query: unknown, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: HeaderResponse) {
    const { format, ...request } = parseOrProblem(negotiatedQuery, query);
    response.setHeader('Vary', 'Accept');
    return this.answer(format ?? formatAccepted(accept), request, response);
  }

  private async answer(
    format: QuarterlyFormat,
    request: { quarter: string; groupBy: (typeof GROUPINGS)[number] },
    response: HeaderResponse,
  ): Promise<string | StreamableFile> {
    const quarter = startedQuarter(request.quarter);
    const head = await this.events.head();
    const report: QuarterlyReport = quarterlyReport(await this.events.all(), quarter, request.groupBy);
    response.setHeader('ECAB-Position', head.position ?? '0');
    response.setHeader('ECAB-Report-Code-Version', report.edition);
    const file = `ecab-quarterly-${quarter.label}-${request.groupBy}.${format}`;
    if (format === 'pdf' || format === 'xlsx') {
      // Bytes, sent as they are (no charset added to their media type).
      const bytes = format === 'pdf' ? await this.pdf.render(reportPage(report)) : await reportXlsx(report);
      return new StreamableFile(bytes, { type: QUARTERLY_FORMATS[format], disposition: `attachment; filename="${file}"`, length: bytes.length });
    }
    response.setHeader('Content-Type', QUARTERLY_FORMATS[format]);
    if (format === 'csv') response.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    return format === 'csv' ? reportCsv(report) : reportPage(report);
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
