export const VIEWS_DATA_SOURCE = Symbol('VIEWS_DATA_SOURCE');
export const VIEWS_OPTIONS = Symbol('VIEWS_OPTIONS');
export const EVENT_SOURCE = Symbol('EVENT_SOURCE');
export const PARKED_MESSAGES = Symbol('PARKED_MESSAGES');

export interface ViewsOptions {
  consistencyWaitMs: number;
  /** How long the freshness headers' figures are shared by the reads that follow (FRESHNESS_MAX_AGE_MS; FreshnessCache). */
  freshnessMaxAgeMs?: number;
}
