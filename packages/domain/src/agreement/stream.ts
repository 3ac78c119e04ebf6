/** The event-store stream that holds one financing agreement's events. */
export function agreementStreamId(agreementId: string): string {
  return `agreement-${agreementId}`;
}
