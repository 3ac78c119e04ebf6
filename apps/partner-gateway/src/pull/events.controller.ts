import { Public } from '@ecab/auth';
import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import type { IntegrationCloudEvent } from '../integration/integration-event.js';
import { IntegrationLog } from '../integration/integration-log.js';
import type { Partner } from '../partners/partner.js';
import { CurrentPartner, PartnerKeyGuard } from '../partners/partner-key.guard.js';
import { filterSchema, selects, type Filter } from '../subscriptions/filters.js';

const list = z.string().max(2000).transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const pullQuery = z.strictObject({
  after: z.string().regex(/^\d{1,18}$/, 'must be a cursor from an earlier answer (nextCursor), or 0').default('0'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  wait: z.coerce.number().int().min(0).max(30).default(0),
  type: list.optional(),
  cluster: list.optional(),
  country: list.optional(),
  subject: list.optional(),
  filters: z.string().max(4000).optional(),
});

const filtersParam = z.array(filterSchema).max(20);

/**
 * Pull: the integration events after a cursor that the partner is entitled to and that match the query's
 * filters, oldest first. With `wait` (seconds) it answers as soon as one arrives, or empty at the end.
 */
@Controller('api/v1/events')
@Public()
@UseGuards(PartnerKeyGuard)
export class EventsController {
  constructor(@Inject(IntegrationLog) private readonly log: IntegrationLog) {}

  @Get()
  async pull(@Query() raw: unknown, @CurrentPartner() partner: Partner): Promise<{ items: IntegrationCloudEvent[]; nextCursor: string }> {
    const query = parseOrProblem(pullQuery, raw);
    const selection = { types: query.type ?? [], filters: [...attributeFilters(query), ...parseFilters(query.filters)] };
    const deadline = Date.now() + query.wait * 1000;
    let after = query.after;
    for (;;) {
      const { events, scannedTo } = await this.log.readEntitled(partner, after, query.limit);
      const items = events
        .filter((event) => selects(selection, event.cloudEvent) && inCountries(event.cloudEvent, query.country))
        .map((event) => event.cloudEvent);
      const caughtUp = scannedTo === after || events.length < query.limit;
      after = scannedTo;
      if (items.length > 0 || Date.now() >= deadline) return { items, nextCursor: after };
      if (caughtUp) await this.log.waitForAppend(Math.min(1000, deadline - Date.now()));
    }
  }
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
  if (!parsed.success) throw ProblemError.validation([{ pointer: '/filters', detail: parsed.error.issues.map((issue) => issue.message).join('; '), code: 'invalid_filter' }]);
  return parsed.data;
}
