import { Controller, Get, Query } from '@nestjs/common';
import type { Sql } from '../../sql.js';
import { roundedAmount } from '../money.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { ViewsReader } from '../views-reader.js';
import { overdueMilestonesPage, type OverdueMilestone } from '../overdue-milestones/overdue-milestones.js';
import { resultsScorecardPage, type IndicatorScore } from '../results-scorecard/results-scorecard.js';
import { AGREEMENT_SECTIONS, QUARTERLY_SECTIONS, quarterlyListsQuery } from './quarterly-lists.query.js';

type Section = (typeof AGREEMENT_SECTIONS)[number];

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QuarterlyAgreement {
  projectId: string;
  projectTitle: string | null;
  agreementId: string;
  agreementNumber: string | null;
  financierRef: string | null;
  financierName: string | null;
  instrument: string | null;
  currency: string | null;
  signedAmount: string | null;
  signedOn: string | null;
  effectiveOn: string | null;
  originalClosingOn: string | null;
  closingOn: string | null;
  netCommitment: string;
  disbursed: string;
  cancelled: string;
  /** Σ cancellations valued in the quarter (withCancellations only, else null). */
  cancelledInQuarter: string | null;
}

export type QuarterlyLists = { quarter: string; start: string; end: string } & Partial<Record<Section, Page<QuarterlyAgreement>>> & {
    overdueMilestones?: Page<OverdueMilestone>;
    resultsScorecard?: Page<IndicatorScore>;
  };

/** Which agreements each list holds ($1 = first day of the quarter, $2 = last day). */
const CONDITIONS: Record<Section, string> = {
  awaitingEffectiveness: `a.signed_on <= $2 and (a.effective_on is null or a.effective_on > $2)`,
  closingWithinSixMonths: `a.effective_on <= $2 and a.closing_on > $2 and a.closing_on <= ($2::date + interval '6 months')::date`,
  extendedClosingDates: `a.extended and (a.closing_on is null or a.closing_on >= $1)`,
  withCancellations: `exists (select 1 from money_movement c where c.agreement_id = a.agreement_id and c.kind = 'cancellation' and c.value_date between $1 and $2)`,
};

@Controller('api/v1')
export class QuarterlyListsController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(quarterlyListsQuery.path)
  async lists(@Query() raw: unknown): Promise<QuarterlyLists> {
    const parameters = this.reader.parameters(quarterlyListsQuery, raw);
    const year = Number(parameters.quarter.slice(0, 4));
    const q = Number(parameters.quarter.slice(6));
    const start = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
    const sections = parameters.section ? [parameters.section] : QUARTERLY_SECTIONS;
    // A cursor pages one list; each list's cursor carries its own sort key (3 parts for milestones).
    const after = (length: number) => decodeCursor(parameters.cursor, length) as string[] | null;
    return this.reader.read(parameters, async (sql) => {
      const answer: QuarterlyLists = { quarter: parameters.quarter, start, end };
      for (const section of sections) {
        if (section === 'overdueMilestones') {
          // Overdue on the quarter's last day: planned date before it, neither achieved nor dropped.
          const key = after(3);
          answer.overdueMilestones = await overdueMilestonesPage(sql, { on: nextDay(end), limit: parameters.limit, ...(key ? { after: key } : {}) });
        } else if (section === 'resultsScorecard') {
          const key = after(2);
          answer.resultsScorecard = await resultsScorecardPage(sql, { limit: parameters.limit, ...(key ? { after: key } : {}) });
        } else {
          answer[section] = await list(sql, section, start, end, parameters.limit, after(2) as [string, string] | null);
        }
      }
      return answer;
    });
  }
}

async function list(
  sql: Sql,
  section: Section,
  start: string,
  end: string,
  limit: number,
  after: [string, string] | null,
): Promise<{ items: QuarterlyAgreement[]; nextCursor: string | null }> {
  const params: unknown[] = [start, end, limit + 1];
  let cursor = '';
  if (after) {
    params.push(after[0], after[1]);
    cursor = `and (a.project_id, a.agreement_id) > ($4, $5)`;
  }
  const rows: Record<string, string | null>[] = await sql(
    `select $1::date as quarter_start, $2::date as quarter_end, a.project_id, s.title, a.agreement_id, a.agreement_number, a.financier_ref, a.financier_name, a.instrument, a.currency,
            a.signed_amount::text as signed_amount, a.signed_on::text as signed_on, a.effective_on::text as effective_on,
            a.original_closing_on::text as original_closing_on, a.closing_on::text as closing_on,
            (a.committed - a.cancelled)::text as net_commitment, a.disbursed::text as disbursed, a.cancelled::text as cancelled,
            ${section === 'withCancellations' ? `(select sum(c.amount) from money_movement c where c.agreement_id = a.agreement_id and c.kind = 'cancellation' and c.value_date between $1 and $2)::text` : 'null'} as cancelled_in_quarter
       from agreement_view a left join project_summary s on s.project_id = a.project_id
      where ${CONDITIONS[section]} ${cursor}
      order by a.project_id, a.agreement_id limit $3`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const money = (value: string | null, currency: string | null) => (value === null ? null : roundedAmount(value, currency ?? 'USD'));
  return {
    items: page.map((r) => ({
      projectId: r.project_id!,
      projectTitle: r.title ?? null,
      agreementId: r.agreement_id!,
      agreementNumber: r.agreement_number ?? null,
      financierRef: r.financier_ref ?? null,
      financierName: r.financier_name ?? null,
      instrument: r.instrument ?? null,
      currency: r.currency ?? null,
      signedAmount: money(r.signed_amount ?? null, r.currency ?? null),
      signedOn: r.signed_on ?? null,
      effectiveOn: r.effective_on ?? null,
      originalClosingOn: r.original_closing_on ?? null,
      closingOn: r.closing_on ?? null,
      netCommitment: money(r.net_commitment ?? '0', r.currency ?? null)!,
      disbursed: money(r.disbursed ?? '0', r.currency ?? null)!,
      cancelled: money(r.cancelled ?? '0', r.currency ?? null)!,
      cancelledInQuarter: money(r.cancelled_in_quarter ?? null, r.currency ?? null),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.project_id), String(last.agreement_id)]) : null,
  };
}

/** The day after an ISO date: "overdue on D" counts a milestone planned for D as not yet late. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
