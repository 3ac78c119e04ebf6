/** The URL search parameters of each page, checked: anything unknown or malformed is dropped. */
type Raw = Record<string, unknown>;

const text = (value: unknown, pattern?: RegExp): string | undefined =>
  typeof value === 'string' && value !== '' && (!pattern || pattern.test(value)) ? value : undefined;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface AsOfSearch {
  effectiveOn?: string | undefined;
  recordedAt?: string | undefined;
}
export function asOfSearch(raw: Raw): AsOfSearch {
  return { effectiveOn: text(raw.effectiveOn, DATE), recordedAt: text(raw.recordedAt, INSTANT) };
}

export const BREAKDOWNS = ['cluster', 'country', 'financier', 'status', 'rating'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export function dashboardSearch(raw: Raw): { by?: Breakdown | undefined } {
  const by = text(raw.by);
  return { by: (BREAKDOWNS as readonly string[]).includes(by ?? '') ? (by as Breakdown) : undefined };
}

export interface ProjectListSearch {
  cluster?: string | undefined;
  status?: string | undefined;
  country?: string | undefined;
  rating?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  cursor?: string | undefined;
}
export function projectListSearch(raw: Raw): ProjectListSearch {
  return {
    cluster: text(raw.cluster),
    status: text(raw.status, /^[1-6]$/),
    country: text(raw.country, /^[A-Z]{2}$/),
    rating: text(raw.rating),
    q: text(raw.q),
    sort: text(raw.sort, /^-?(id|title|status|registeredAt|updatedAt)$/),
    cursor: text(raw.cursor),
  };
}

export function projectPageSearch(raw: Raw): { timeline?: string | undefined } {
  return { timeline: text(raw.timeline) };
}

export const LINEAGE_METRICS = ['netCommitment', 'disbursed', 'undisbursed', 'spent', 'awarded'] as const;
export interface LineageSearch {
  metric: (typeof LINEAGE_METRICS)[number];
  cluster?: string | undefined;
  country?: string | undefined;
  financier?: string | undefined;
  project?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
}
export function lineageSearch(raw: Raw): LineageSearch {
  const metric = text(raw.metric);
  return {
    metric: (LINEAGE_METRICS as readonly string[]).includes(metric ?? '') ? (metric as LineageSearch['metric']) : 'netCommitment',
    cluster: text(raw.cluster),
    country: text(raw.country, /^[A-Z]{2}$/),
    financier: text(raw.financier),
    project: text(raw.project),
    from: text(raw.from, DATE),
    to: text(raw.to, DATE),
    cursor: text(raw.cursor),
  };
}
