import { DOMAIN_EVENT_TYPES } from '@ecab/domain';
import type { z } from 'zod';
import { defineContract, type ContractDefinition, type EventContract, type EventData, type EventTopics } from './event-registry.js';

/** Programme-wide, organisation and exchange-rate events go on the programme topic; every other event on its project's cluster topic. */
const PROGRAMME_AGGREGATES: readonly string[] = ['programme', 'organisation', 'exchange-rates'];

/** What a contract line adds to the domain's catalogue: its schema and description, and the version when it is an older one. */
export type PublishedEventDefinition<Schema extends z.ZodType<EventData>> = Pick<
  ContractDefinition<Schema>,
  'schema' | 'description' | 'upcastFromPrevious'
> & {
  /** An older version kept for stored events; by default the version the domain records now. */
  readonly schemaVersion?: number;
};

/**
 * One version of a domain event as published. The name inside the CloudEvents type, the aggregate, the audience
 * (partner-facing or internal) and the current schema version are the domain's (`DOMAIN_EVENT_TYPES`), never restated
 * here; the topic follows from the aggregate.
 */
export function publishedEvent<Schema extends z.ZodType<EventData>>(type: string, definition: PublishedEventDefinition<Schema>): EventContract {
  const domain = DOMAIN_EVENT_TYPES.find((t) => t.type === type);
  if (domain === undefined) throw new Error(`${type} is not an event type the domain records (DOMAIN_EVENT_TYPES)`);
  const topics: EventTopics = PROGRAMME_AGGREGATES.includes(domain.aggregate) ? 'programme' : 'cluster';
  return defineContract({
    type,
    schemaVersion: definition.schemaVersion ?? domain.schemaVersion,
    aggregate: domain.aggregate,
    event: domain.event,
    schema: definition.schema,
    partnerFacing: domain.partnerFacing,
    description: definition.description,
    topics,
    ...(definition.upcastFromPrevious ? { upcastFromPrevious: definition.upcastFromPrevious } : {}),
  });
}
