import type { DataSource } from 'typeorm';
import type { EventsPin } from '../events/reporting-events.js';
import type { ReportSpec } from './report-kinds.js';

/** A filed report as recorded (table filed_reports): what, from which events, by which code, its hash, who and when. */
export interface FiledReport extends ReportSpec {
  id: string;
  pin: EventsPin;
  codeVersion: string;
  sha256: string;
  byteLength: number;
  filedAt: string;
  filedBy: string;
}

interface FiledRow {
  id: string;
  kind: string;
  period: string;
  group_by: string;
  format: string;
  position: string;
  received: string;
  rate_position: string | null;
  code_version: string;
  sha256: string;
  byte_length: number;
  filed_at: Date;
  filed_by: string;
}

const COLUMNS = `id, kind, period, group_by, format, position::text as position, received::text as received, rate_position::text as rate_position,
                 code_version, sha256, byte_length, filed_at, filed_by`;

/** The filings: written once, never changed. */
export class FiledReportStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(report: FiledReport): Promise<void> {
    await this.dataSource.query(
      `insert into filed_reports (id, kind, period, group_by, format, position, received, rate_position, code_version, sha256, byte_length, filed_at, filed_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        report.id,
        report.kind,
        report.period,
        report.groupBy,
        report.format,
        report.pin.position,
        report.pin.received,
        report.pin.ratePosition,
        report.codeVersion,
        report.sha256,
        report.byteLength,
        report.filedAt,
        report.filedBy,
      ],
    );
  }

  async get(id: string): Promise<FiledReport | undefined> {
    const rows: FiledRow[] = await this.dataSource.query(`select ${COLUMNS} from filed_reports where id = $1`, [id]);
    return rows[0] && fromRow(rows[0]);
  }

  /** Filings, oldest first, of one kind and/or period when asked. */
  async list(filter: { kind?: string | undefined; period?: string | undefined }): Promise<FiledReport[]> {
    const rows: FiledRow[] = await this.dataSource.query(
      `select ${COLUMNS} from filed_reports where ($1::text is null or kind = $1) and ($2::text is null or period = $2) order by filed_at, received, id`,
      [filter.kind ?? null, filter.period ?? null],
    );
    return rows.map(fromRow);
  }
}

function fromRow(row: FiledRow): FiledReport {
  return {
    id: row.id,
    kind: row.kind as FiledReport['kind'],
    period: row.period,
    groupBy: row.group_by as FiledReport['groupBy'],
    format: row.format as FiledReport['format'],
    pin: { position: row.position, received: row.received, ratePosition: row.rate_position },
    codeVersion: row.code_version,
    sha256: row.sha256,
    byteLength: row.byte_length,
    filedAt: row.filed_at.toISOString(),
    filedBy: row.filed_by,
  };
}
