import { Controller, Get, Query } from '@nestjs/common';
import { roundedAmount } from '../money.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { filteredProjectsSql } from '../project-selection.js';
import { ViewsReader } from '../views-reader.js';
import { lineageQuery, type LINEAGE_METRICS } from './lineage.query.js';

/** Which movements a figure is made of, and the sign each counts with. */
const METRIC_SIGN: Record<(typeof LINEAGE_METRICS)[number], string> = {
  netCommitment: `case m.kind when 'commitment' then 1 when 'cancellation' then -1 end`,
  disbursed: `case m.kind when 'disbursement' then 1 end`,
  spent: `case m.kind when 'spending' then 1 end`,
  awarded: `case m.kind when 'award' then 1 end`,
  undisbursed: `case m.kind when 'commitment' then 1 when 'cancellation' then -1 when 'disbursement' then -1 end`,
};

export interface LineageItem {
  eventId: string;
  type: string;
  kind: string;
  /** The event's contribution to the figure, signed, in its currency. */
  amount: string;
  currency: string;
  /** The value date (when the money moved; a reversal: the reversed movement's). */
  valueDate: string;
  /** When the event says it took effect. */
  effectiveDate: string | null;
  recordedAt: string;
  streamId: string;
  version: number;
  projectId: string;
  agreementId: string | null;
  contractId: string | null;
  transactionId: string | null;
  /** The share of the amount counted (the country's percentage of the project with `country`), else 1. */
  share: number;
}

@Controller('api/v1')
export class LineageController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(lineageQuery.path)
  async lineage(
    @Query() raw: unknown,
  ): Promise<{ metric: string; totals: { currency: string; amount: string }[]; items: LineageItem[]; nextCursor: string | null }> {
    const parameters = this.reader.parameters(lineageQuery, raw);
    const after = decodeCursor(parameters.cursor, 2);
    return this.reader.read(parameters, async (sql) => {
      const params: unknown[] = [];
      const { projects, financierParam } = filteredProjectsSql(parameters, params);
      const where = [`${METRIC_SIGN[parameters.metric]} is not null`];
      if (financierParam) where.push(`m.agreement_id in (select agreement_id from agreement_view where financier_ref = ${financierParam})`);
      if (parameters.currency !== undefined) {
        params.push(parameters.currency);
        where.push(`m.currency = $${params.length}`);
      }
      if (parameters.from !== undefined) {
        params.push(parameters.from);
        where.push(`m.value_date >= $${params.length}`);
      }
      if (parameters.to !== undefined) {
        params.push(parameters.to);
        where.push(`m.value_date <= $${params.length}`);
      }
      const base = `with projects as (${projects})
        select m.*, (${METRIC_SIGN[parameters.metric]}) as sign, p.weight from money_movement m join projects p on p.project_id = m.project_id
         where ${where.join(' and ')}`;
      const totals: { currency: string; amount: string }[] = await sql(
        `select currency, sum(amount * sign * weight)::text as amount from (${base}) x group by currency order by currency`,
        params,
      );
      const pageParams = [...params];
      let cursorCondition = '';
      if (after) {
        pageParams.push(after[0], after[1]);
        cursorCondition = `where (value_date, event_id) > ($${pageParams.length - 1}::date, $${pageParams.length}::text)`;
      }
      pageParams.push(parameters.limit + 1);
      const rows: {
        event_id: string;
        event_type: string;
        kind: string;
        amount: string;
        sign: number;
        currency: string;
        value_date: string;
        effective_on: string | null;
        recorded_at: Date;
        stream_id: string;
        stream_version: number;
        project_id: string;
        agreement_id: string | null;
        contract_id: string | null;
        transaction_id: string | null;
        weight: string;
      }[] = await sql(
        `select event_id, event_type, kind, (amount * sign)::text as amount, currency, value_date::text as value_date, effective_on::text as effective_on, recorded_at,
                stream_id, stream_version, project_id, agreement_id, contract_id, transaction_id, weight::text as weight
           from (${base}) x ${cursorCondition} order by value_date, event_id limit $${pageParams.length}`,
        pageParams,
      );
      const page = rows.slice(0, parameters.limit);
      const last = page[page.length - 1];
      return {
        metric: parameters.metric,
        totals: totals.map((t) => ({ currency: t.currency, amount: roundedAmount(t.amount, t.currency)! })),
        items: page.map((r) => ({
          eventId: r.event_id,
          type: r.event_type,
          kind: r.kind,
          amount: roundedAmount(r.amount, r.currency)!,
          currency: r.currency,
          valueDate: r.value_date,
          effectiveDate: r.effective_on,
          recordedAt: r.recorded_at.toISOString(),
          streamId: r.stream_id,
          version: r.stream_version,
          projectId: r.project_id,
          agreementId: r.agreement_id,
          contractId: r.contract_id,
          transactionId: r.transaction_id,
          share: Number(r.weight),
        })),
        nextCursor: rows.length > parameters.limit && last ? encodeCursor([last.value_date, last.event_id]) : null,
      };
    });
  }
}
