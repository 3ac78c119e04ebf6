import type { OrganisationRef } from './portfolio-facts.js';

/** Event data as the folds read it: shaped by its contract, which the event source checked. */
export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The code of a coded field ({code, codelist, version}), or the value itself. */
export function codeOf(coded: unknown): string {
  return String((coded as { code?: unknown } | undefined)?.code ?? coded);
}

/** Whether the value's source is marked illustrative (seed or example data, docs/DOMAIN.md §3). */
export function isIllustrative(data: Data): boolean {
  return (data.source as { confidence?: unknown } | undefined)?.confidence === 'illustrative';
}

export function organisationRef(data: Data | undefined): OrganisationRef {
  return { organisationId: data?.organisationId ?? data?.ref, name: data?.name };
}
