import type { PortfolioEvent } from '@ecab/contracts';
import type { BatchRows } from '../batch-rows.js';
import { earlier, later } from '../event-data.js';

/** An agreement_view row as the agreement family reads and changes it. */
export interface AgreementRow {
  [column: string]: unknown;
  agreement_id: string;
  financier_ref: string | null;
  financier_name: string | null;
  currency: string | null;
  effective_on: string | null;
  original_closing_on: string | null;
  closing_on: string | null;
  opened_by: 'signed' | 'shorthand';
  committed: string;
  cancelled: string;
  disbursed: string;
  spent: string;
  updated_at: string;
}

/**
 * The shorthand agreement of a project and financier: made when first seen (by `AgreementOpened` or by
 * the first old project-stream movement). Money flows under it from the day it is opened, so that day is
 * its effectiveness date.
 */
export function openShorthand(
  rows: BatchRows,
  event: PortfolioEvent,
  agreement: { agreementId: string; projectId: string; financierRef: string; financierName: string | null; currency: string; openedOn: string },
): void {
  const existing = rows.get<AgreementRow>('agreement_view', [agreement.agreementId]);
  if (!existing) {
    rows.put('agreement_view', {
      ...bareAgreement(agreement.agreementId, agreement.projectId, event),
      financier_ref: agreement.financierRef,
      financier_name: agreement.financierName,
      currency: agreement.currency,
      effective_on: agreement.openedOn,
      opened_by: 'shorthand',
    });
    return;
  }
  rows.update('agreement_view', existing, {
    financier_ref: existing.financier_ref ?? agreement.financierRef,
    financier_name: existing.financier_name ?? agreement.financierName,
    currency: existing.currency ?? agreement.currency,
    effective_on: existing.opened_by === 'shorthand' ? earlier(existing.effective_on, agreement.openedOn) : existing.effective_on,
    updated_at: later(existing.updated_at, event.time),
  });
}

/** An agreement event arriving before its header (never in order, but a rebuild must not fail on it): a bare row. */
export function ensureAgreement(rows: BatchRows, event: PortfolioEvent, agreementId: string, projectId: string): AgreementRow {
  const existing = rows.get<AgreementRow>('agreement_view', [agreementId]);
  if (existing) return existing;
  const bare = bareAgreement(agreementId, projectId, event);
  rows.put('agreement_view', bare);
  return bare;
}

/** A row of an agreement nothing is known of yet but its id and project. */
export function bareAgreement(agreementId: string, projectId: string, event: PortfolioEvent): AgreementRow {
  return {
    agreement_id: agreementId,
    project_id: projectId,
    financier_ref: null,
    financier_name: null,
    agreement_number: null,
    instrument: null,
    currency: null,
    signed_amount: null,
    signed_on: null,
    effective_on: null,
    original_closing_on: null,
    closing_on: null,
    extended: false,
    opened_by: 'signed',
    committed: '0',
    cancelled: '0',
    disbursed: '0',
    spent: '0',
    updated_at: event.time,
  };
}
