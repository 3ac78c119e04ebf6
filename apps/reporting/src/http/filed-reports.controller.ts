import { canActOnProgramme, CurrentPrincipal, forbidden, RequireRole, type Principal } from '@ecab/auth';
import { parseOrProblem } from '@ecab/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { z } from 'zod';
import type { FiledReport } from '../filed/filed-report-store.js';
import { FiledReports } from '../filed/filed-reports.js';
import { CONTENT_TYPES, GROUPINGS, REPORT_FORMATS, REPORT_KINDS } from '../filed/report-kinds.js';
import { parseQuarter } from '../quarterly/quarter.js';

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

const today = () => new Date().toISOString().slice(0, 10);
const KINDS = `must be ${REPORT_KINDS.join(' or ')} (the kinds that can be filed)`;

/** A quarter written YYYY-Qn that has begun: every problem of the period named in one 400 with the others. */
const period = z.string({ error: 'is required: a quarter such as 2025-Q2' }).superRefine((label, context) => {
  const quarter = parseQuarter(label);
  if (!quarter) context.addIssue({ code: 'custom', message: 'must be a quarter written YYYY-Qn, e.g. 2025-Q2' });
  else if (quarter.start > today())
    context.addIssue({ code: 'custom', message: `has not started yet (today is ${today()}): a report covers a quarter under way or past` });
});

const fileRequest = z
  .object({
    kind: z.enum(REPORT_KINDS, { error: KINDS }),
    period,
    groupBy: z.enum(GROUPINGS, { error: 'must be cluster or country' }).default('cluster'),
    format: z.enum(REPORT_FORMATS, { error: `must be ${REPORT_FORMATS.join(' or ')}` }).default('html'),
  })
  .strict();
const listQuery = z.object({ kind: z.enum(REPORT_KINDS, { error: KINDS }).optional(), period: z.string().optional() }).strict();
const reportId = z.uuid({ error: 'must be a report id (a UUID)' });
// The path's id and the query's parameters are checked together, so one answer names every problem.
const idParams = z.object({ id: reportId }).strict();
const lineageRequest = idParams.extend({ cell: z.string().min(1, 'must name a figure, e.g. transport/disbursed/USD/quarter').optional() });
const diffRequest = idParams.extend({ against: z.string({ error: 'is required: the id of another filing of the same report' }).pipe(reportId) });
const request = (params: unknown, query: unknown) => ({ ...(query as object), ...(params as object) });

/**
 * Filed reports (issue 12): POST files one, pinned to the events reporting holds; GET regenerates it byte for
 * byte; /lineage names the events behind each figure; /diff explains what changed between two filings.
 * Filing takes an admin or a program manager of every cluster (a report covers the whole programme); any
 * signed-in role reads.
 */
@Controller('api/v1/reports')
export class FiledReportsController {
  constructor(private readonly reports: FiledReports) {}

  @Post()
  @RequireRole('program-manager')
  @HttpCode(201)
  async file(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: HeaderResponse) {
    if (!canActOnProgramme(principal)) throw forbidden('A filed report covers every cluster: it is filed by an admin or a program manager of every cluster.');
    const spec = parseOrProblem(fileRequest, body ?? {});
    const report = await this.reports.file(spec, principal.subject);
    response.setHeader('Location', `/api/v1/reports/${report.id}`);
    return filingView(report);
  }

  @Get()
  async list(@Query() query: unknown) {
    return { reports: (await this.reports.list(parseOrProblem(listQuery, query))).map(filingView) };
  }

  /** The filed report's body, made again; its headers say what it was made from and the hash it matches. */
  @Get(':id')
  async content(@Param() params: unknown, @Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string> {
    const { id } = parseOrProblem(idParams, request(params, query));
    const { report, body } = await this.reports.regenerate(await this.reports.record(id));
    response.setHeader('Content-Type', CONTENT_TYPES[report.format]);
    if (report.format === 'csv')
      response.setHeader('Content-Disposition', `attachment; filename="ecab-${report.kind}-${report.period}-${report.groupBy}-${report.id}.csv"`);
    response.setHeader('ETag', `"${report.sha256}"`);
    response.setHeader('ECAB-Report-SHA256', report.sha256);
    response.setHeader('ECAB-Position', report.pin.position);
    response.setHeader('ECAB-Report-Code-Version', report.codeVersion);
    return body;
  }

  @Get(':id/filing')
  async filing(@Param() params: unknown, @Query() query: unknown) {
    return filingView(await this.reports.record(parseOrProblem(idParams, request(params, query)).id));
  }

  @Get(':id/lineage')
  async lineage(@Param() params: unknown, @Query() query: unknown) {
    const { id, cell } = parseOrProblem(lineageRequest, request(params, query));
    return this.reports.lineage(id, cell);
  }

  @Get(':id/diff')
  async diff(@Param() params: unknown, @Query() query: unknown) {
    const { id, against } = parseOrProblem(diffRequest, request(params, query));
    return this.reports.diff(id, against);
  }
}

/** A filing as the API shows it. */
function filingView(report: FiledReport) {
  return {
    id: report.id,
    kind: report.kind,
    period: report.period,
    groupBy: report.groupBy,
    format: report.format,
    position: report.pin.position,
    received: report.pin.received,
    exchangeRatePosition: report.pin.ratePosition,
    codeVersion: report.codeVersion,
    sha256: report.sha256,
    byteLength: report.byteLength,
    filedAt: report.filedAt,
    filedBy: report.filedBy,
    links: { content: `/api/v1/reports/${report.id}`, lineage: `/api/v1/reports/${report.id}/lineage`, diff: `/api/v1/reports/${report.id}/diff?against={id}` },
  };
}
