import type { PortfolioEvent } from '@ecab/contracts';

/** A coded field as the events store it. */
export const coded = (code: string, codelist: string) => ({ code, codelist, version: '2.03' });
export const source = (confidence: 'confirmed' | 'unconfirmed' | 'illustrative') => ({ citation: `test (${confidence})`, confidence });

/** Builds an event log in order: each event gets the next log position, its stream's next version and a later time. */
export class EventLog {
  readonly events: PortfolioEvent[] = [];
  private readonly versions = new Map<string, number>();
  private clock = Date.parse('2026-01-05T09:00:00Z');

  add(type: string, streamId: string, subject: string, data: Record<string, unknown>): this {
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    this.clock += 60_000;
    this.events.push({
      eventId: `00000000-0000-4000-8000-${String(this.events.length + 1).padStart(12, '0')}`,
      type,
      schemaVersion: 1,
      streamId,
      streamVersion: version,
      subject,
      cluster: undefined,
      time: new Date(this.clock).toISOString(),
      data,
      position: String(this.events.length + 1),
    });
    return this;
  }

  project(projectId: string, type: string, data: Record<string, unknown>): this {
    return this.add(type, `project-${projectId}`, projectId, { projectId, effectiveDate: '2025-01-01', ...data });
  }

  agreement(projectId: string, agreementId: string, type: string, data: Record<string, unknown>): this {
    return this.add(type, `agreement-${agreementId}`, projectId, { projectId, agreementId, ...data });
  }

  results(projectId: string, type: string, data: Record<string, unknown>): this {
    return this.add(type, `results-${projectId}`, projectId, { projectId, effectiveDate: '2025-01-01', ...data });
  }

  /** A money movement of an agreement (IATI type from the contract), valued and effective on its date. */
  money(
    projectId: string,
    agreementId: string,
    type: string,
    transactionId: string,
    iatiType: string,
    amount: string,
    date: string,
    extra: Record<string, unknown> = {},
  ): this {
    return this.agreement(projectId, agreementId, type, {
      transactionId,
      transactionType: coded(iatiType, 'TransactionType'),
      amount,
      currency: 'USD',
      valueDate: date,
      effectiveDate: date,
      ...extra,
    });
  }
}
