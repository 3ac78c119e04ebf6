import { createHash, randomUUID } from 'node:crypto';
import type { PortfolioEvent } from '@ecab/contracts';
import { ProblemError, problemType } from '@ecab/platform';
import type { ReportingEvents } from '../events/reporting-events.js';
import { figureCells } from '../quarterly/quarterly-cells.js';
import type { QuarterlyFigures } from '../quarterly/quarterly-figures.js';
import { FiledReportStore, type FiledReport } from './filed-report-store.js';
import { diffFigures, type FiguresDiff } from './report-diff.js';
import { CURRENT_CODE_VERSION, reportCode, type ReportSpec } from './report-kinds.js';

/** The error log of a regeneration that does not hash as filed. */
export interface IntegrityLog {
  error(details: Record<string, unknown>, message: string): void;
}

/** A filed report made again from its pinned events: the body (hashing as filed) and its figures with their lineage. */
export interface Regenerated {
  report: FiledReport;
  body: string;
  figures: QuarterlyFigures;
  events: PortfolioEvent[];
}

export interface ReportsDiff extends FiguresDiff {
  kind: string;
  period: string;
  groupBy: string;
  earlier: FilingSummary;
  later: FilingSummary;
  eventsBetween: number;
}

interface FilingSummary {
  id: string;
  position: string;
  filedAt: string;
  sha256: string;
}

export const sha256Hex = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

/**
 * Filing and reading filed reports. A filing pins the events reporting holds (ReportingEvents.pin), makes
 * the report from exactly those with the current code version and records its SHA-256; every later reading
 * makes it again from the same pin with the same code version and answers only when the hash matches.
 */
export class FiledReports {
  constructor(
    private readonly events: ReportingEvents,
    private readonly store: FiledReportStore,
    private readonly log: IntegrityLog,
  ) {}

  async file(spec: ReportSpec, filedBy: string): Promise<FiledReport> {
    const codeVersion = CURRENT_CODE_VERSION[spec.kind];
    const code = reportCode(codeVersion);
    if (!code) throw new Error(`no code registered for the current version ${codeVersion}`);
    const pin = await this.events.pin();
    const id = randomUUID();
    const body = code.body(code.figures(await this.events.pinned(pin), spec), spec, { id, position: pin.position, codeVersion });
    const report: FiledReport = {
      ...spec,
      id,
      pin,
      codeVersion,
      sha256: sha256Hex(body),
      byteLength: Buffer.byteLength(body, 'utf8'),
      filedAt: new Date().toISOString(),
      filedBy,
    };
    await this.store.insert(report);
    return report;
  }

  list(filter: { kind?: string | undefined; period?: string | undefined }): Promise<FiledReport[]> {
    return this.store.list(filter);
  }

  /** The filing's record; 404 naming `pointer` when there is none. */
  async record(id: string, pointer = '/id'): Promise<FiledReport> {
    const report = await this.store.get(id);
    if (!report) throw notFiled([{ pointer, id }]);
    return report;
  }

  /** The report made again from its pin: 404 unknown, 410 its code retired, 500 when it does not hash as filed. */
  async regenerate(report: FiledReport): Promise<Regenerated> {
    const code = reportCode(report.codeVersion);
    if (!code) {
      throw new ProblemError({
        type: problemType('report-code-retired'),
        status: 410,
        detail: `Report ${report.id} was written by ${report.codeVersion}, whose code is no longer kept, so it cannot be made again byte for byte. File the period again to have it by ${CURRENT_CODE_VERSION[report.kind] ?? 'the current code'}.`,
        codeVersion: report.codeVersion,
      });
    }
    const events = await this.events.pinned(report.pin);
    const figures = code.figures(events, report);
    const body = code.body(figures, report, { id: report.id, position: report.pin.position, codeVersion: report.codeVersion });
    const sha256 = sha256Hex(body);
    if (sha256 !== report.sha256) {
      this.log.error(
        { reportId: report.id, filedSha256: report.sha256, regeneratedSha256: sha256, pin: report.pin, codeVersion: report.codeVersion },
        'a filed report regenerated to different bytes',
      );
      throw new ProblemError({
        type: problemType('report-not-reproducible'),
        status: 500,
        detail: `Report ${report.id} made again from its pinned events does not hash as filed: the stored events or the code of ${report.codeVersion} changed since. Nothing is answered rather than a body that differs from the one filed; the operators have been told (error log).`,
        filedSha256: report.sha256,
        regeneratedSha256: sha256,
      });
    }
    return { report, body, figures, events };
  }

  /**
   * The regenerated filing in another form, from the same pinned figures and the same version's code: the other
   * text format (the filed one is the body itself) or the workbook. Only ever given a Regenerated, so the figures
   * are those whose canonical body was just found to hash as filed. The PDF is the page printed (the controller).
   */
  async rendering(regenerated: Regenerated, format: 'html' | 'csv' | 'xlsx'): Promise<string | Buffer> {
    const { report, figures, body } = regenerated;
    const code = reportCode(report.codeVersion);
    if (!code) throw new Error(`${report.codeVersion} has no code, yet ${report.id} was regenerated`);
    if (format === 'xlsx') {
      if (!code.workbook) throw new Error(`${report.codeVersion} writes no workbook`);
      return code.workbook(figures);
    }
    if (format === report.format) return body;
    return code.body(figures, { ...report, format }, { id: report.id, position: report.pin.position, codeVersion: report.codeVersion });
  }

  /** The events behind each figure (or one), from the regenerated filing. */
  async lineage(id: string, cell: string | undefined) {
    const { report, figures, events } = await this.regenerate(await this.record(id));
    const cells = figureCells(figures);
    if (cell === undefined)
      return {
        report: report.id,
        cells: cells.map((c) => ({
          cell: c.key,
          measure: c.measure,
          currency: c.currency,
          period: c.period,
          value: c.value,
          events: figures.lineage.get(c.key) ?? [],
        })),
      };
    const found = cells.find((c) => c.key === cell);
    if (!found) {
      throw new ProblemError({
        type: problemType('not-found'),
        status: 404,
        detail: `Report ${report.id} has no figure ${cell}.`,
        errors: [{ pointer: '/cell', detail: 'names no figure of this report (GET …/lineage without it lists them)' }],
      });
    }
    const byId = new Map(events.map((e) => [e.eventId, e]));
    const lineage = (figures.lineage.get(found.key) ?? []).map((eventId) => {
      const event = byId.get(eventId) as PortfolioEvent;
      return {
        eventId,
        position: event.position ?? null,
        type: event.type,
        projectId: typeof event.data.projectId === 'string' ? event.data.projectId : event.subject,
        recordedAt: event.time,
      };
    });
    return { report: report.id, cell: found.key, measure: found.measure, currency: found.currency, period: found.period, value: found.value, events: lineage };
  }

  /** What changed between two filings of the same report, from the earlier to the later (whichever is named first). */
  async diff(id: string, againstId: string): Promise<ReportsDiff> {
    const [one, other] = await Promise.all([this.store.get(id), this.store.get(againstId)]);
    const missing = [...(one ? [] : [{ pointer: '/id', id }]), ...(other ? [] : [{ pointer: '/against', id: againstId }])];
    if (!one || !other) throw notFiled(missing);
    const differences = (['kind', 'period', 'groupBy'] as const)
      .filter((field) => one[field] !== other[field])
      .map((field) => ({ field, report: one[field], against: other[field] }));
    if (differences.length > 0) {
      throw ProblemError.ruleViolated(
        'REPORTS_NOT_COMPARABLE',
        `Only filings of the same kind, period and grouping are compared; these differ in ${differences.map((d) => d.field).join(', ')}.`,
        {
          differences,
          errors: differences.map((d) => ({ pointer: '/against', detail: `is a filing of ${d.field} ${d.against}, this one of ${d.report}` })),
        },
      );
    }
    const [earlier, later] = BigInt(one.pin.received) <= BigInt(other.pin.received) ? [one, other] : [other, one];
    const [before, after] = [await this.regenerate(earlier), await this.regenerate(later)];
    const between = await this.events.between(earlier.pin, later.pin);
    return {
      kind: later.kind,
      period: later.period,
      groupBy: later.groupBy,
      earlier: summary(earlier),
      later: summary(later),
      eventsBetween: between.length,
      ...diffFigures(before.figures, after.figures, between),
    };
  }
}

function summary(report: FiledReport): FilingSummary {
  return { id: report.id, position: report.pin.position, filedAt: report.filedAt, sha256: report.sha256 };
}

function notFiled(missing: { pointer: string; id: string }[]): ProblemError {
  return new ProblemError({
    type: problemType('not-found'),
    status: 404,
    detail: `No report was filed as ${missing.map((m) => m.id).join(' or ')}.`,
    errors: missing.map((m) => ({ pointer: m.pointer, detail: 'no report was filed with this id' })),
  });
}
