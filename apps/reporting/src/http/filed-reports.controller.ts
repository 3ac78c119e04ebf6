import { canActOnProgramme, CurrentPrincipal, forbidden, RequireRole, type Principal } from '@ecab/auth';
import { parseOrProblem } from '@ecab/platform';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import type { FiledReport } from '../filed/filed-report-store.js';
import { FiledReports } from '../filed/filed-reports.js';
import { GROUPINGS, REPORT_FORMATS, REPORT_KINDS, servedFormats } from '../filed/report-kinds.js';
import { PdfRenderer } from '../pdf/pdf-renderer.js';
import { parseQuarter } from '../quarterly/quarter.js';
import { formatAccepted, QUARTERLY_FORMATS } from './report-formats.js';

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
 * byte (or renders it as the other text format, PDF or XLSX, by Accept); /lineage names the events behind each figure; /diff explains what changed between two filings.
 * Filing takes an admin or a program manager of every cluster (a report covers the whole programme); any
 * signed-in role reads.
 */
@Controller('api/v1/reports')
export class FiledReportsController {
  constructor(
    private readonly reports: FiledReports,
    @Inject(PdfRenderer) private readonly pdf: PdfRenderer,
  ) {}

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

  /**
   * The filed report made again from its pin, in the form the Accept header asks for (else its filed format). The
   * filed format's body is the canonical content: byte for byte as filed, its SHA-256 the recorded one (ETag). The
   * other forms are renderings of the same pinned figures by the same code version, made only after that body
   * hashed as filed: the other text format, the PDF (the page printed by Chromium, whose bytes carry their own
   * creation date) and the workbook. ECAB-Report-SHA256 is always the canonical content's hash; ECAB-Report-Format
   * says which format that is. 406 for a form not served.
   */
  @Get(':id')
  async content(
    @Param() params: unknown,
    @Query() query: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<string | StreamableFile> {
    const { id } = parseOrProblem(idParams, request(params, query));
    const record = await this.reports.record(id);
    response.setHeader('Vary', 'Accept');
    const format = formatAccepted(accept, { offered: servedFormats(record.codeVersion), preferred: record.format, what: `Filed report ${record.id}` });
    const regenerated = await this.reports.regenerate(record);
    const { report } = regenerated;
    response.setHeader('ECAB-Report-SHA256', report.sha256);
    response.setHeader('ECAB-Report-Format', report.format);
    response.setHeader('ECAB-Position', report.pin.position);
    response.setHeader('ECAB-Report-Code-Version', report.codeVersion);
    const file = `ecab-${report.kind}-${report.period}-${report.groupBy}-${report.id}.${format}`;
    if (format === 'pdf' || format === 'xlsx') {
      const bytes =
        format === 'pdf'
          ? await this.pdf.render((await this.reports.rendering(regenerated, 'html')) as string)
          : await this.reports.rendering(regenerated, 'xlsx');
      const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      return new StreamableFile(buffer, { type: QUARTERLY_FORMATS[format], disposition: `attachment; filename="${file}"`, length: buffer.length });
    }
    if (format === report.format) response.setHeader('ETag', `"${report.sha256}"`);
    response.setHeader('Content-Type', QUARTERLY_FORMATS[format]);
    if (format === 'csv') response.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    return (await this.reports.rendering(regenerated, format)) as string;
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
