import { ProblemError } from '@ecab/platform';
import { z } from 'zod';
import type { IntegrationCloudEvent } from '../integration/integration-event.js';
import { filterSchema, selects, type Filter } from '../subscriptions/filters.js';

/** What pull and the event stream share: a cursor, and the filters a partner narrows its entitlements with. */
const list = z
  .string()
  .max(2000)
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

export const pullQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,18}$/, 'must be a cursor from an earlier answer (nextCursor), or 0')
    .default('0'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  wait: z.coerce.number().int().min(0).max(30).default(0),
  type: list.optional(),
  cluster: list.optional(),
  country: list.optional(),
  subject: list.optional(),
  filters: z.string().max(4000).optional(),
});

const filtersParam = z.array(filterSchema).max(20);

/** The query's filters as one predicate over an entitled event. */
export function pullSelection(query: z.output<typeof pullQuery>): (event: IntegrationCloudEvent) => boolean {
  const selection = { types: query.type ?? [], filters: [...attributeFilters(query), ...parseFilters(query.filters)] };
  return (event) => selects(selection, event) && inCountries(event, query.country);
}

function anyOf(attribute: string, values: string[] | undefined): Filter[] {
  return values && values.length > 0 ? [{ any: values.map((value) => ({ exact: { [attribute]: value } })) }] : [];
}

function attributeFilters(query: z.output<typeof pullQuery>): Filter[] {
  return [...anyOf('cluster', query.cluster), ...anyOf('subject', query.subject)];
}

function inCountries(event: IntegrationCloudEvent, countries: string[] | undefined): boolean {
  if (!countries || countries.length === 0) return true;
  return event.countries.split(',').some((code) => countries.includes(code));
}

function parseFilters(text: string | undefined): Filter[] {
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw ProblemError.validation([{ pointer: '/filters', detail: 'must be a JSON array of CloudEvents subscription filters', code: 'invalid_json' }]);
  }
  const parsed = filtersParam.safeParse(json);
  if (!parsed.success)
    throw ProblemError.validation([{ pointer: '/filters', detail: parsed.error.issues.map((issue) => issue.message).join('; '), code: 'invalid_filter' }]);
  return parsed.data;
}
