import type { EventContract } from './event-registry.js';
import { createEventRegistry } from './event-registry.js';
import type { PortfolioEvent } from './portfolio-event.js';
import { AGREEMENT_CONTRACTS } from './events/agreement/contracts.js';
import { CONTRACT_PACKAGE_CONTRACTS } from './events/contract-package/contracts.js';
import { EXCHANGE_RATES_CONTRACTS } from './events/exchange-rates/contracts.js';
import { MILESTONE_CONTRACTS } from './events/milestones/contracts.js';
import { ORGANISATION_CONTRACTS } from './events/organisation/contracts.js';
import { PERFORMANCE_REVIEW_CONTRACTS } from './events/performance-review/contracts.js';
import { PROGRAMME_CONTRACTS } from './events/programme/contracts.js';
import { PROJECT_CONTRACTS } from './events/project/contracts.js';
import { RESULTS_CONTRACTS } from './events/results/contracts.js';

/**
 * Every event type and version ever published, kept forever, one list per aggregate in
 * `events/<aggregate>/contracts.ts`. A new event is a schema file there and one `publishedEvent` line (its
 * name, aggregate and audience are the domain's); an incompatible change is a new schema with
 * `upcastFromPrevious`, the older line kept with its `schemaVersion`. Then `npm run generate` and a recorded
 * fixture under `fixtures/<ceType>/`.
 */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  ...PROJECT_CONTRACTS,
  ...AGREEMENT_CONTRACTS,
  ...MILESTONE_CONTRACTS,
  ...RESULTS_CONTRACTS,
  ...CONTRACT_PACKAGE_CONTRACTS,
  ...PERFORMANCE_REVIEW_CONTRACTS,
  ...PROGRAMME_CONTRACTS,
  ...ORGANISATION_CONTRACTS,
  ...EXCHANGE_RATES_CONTRACTS,
];

export const EVENT_REGISTRY = createEventRegistry(EVENT_CONTRACTS);

export function contractForStoredType(type: string, schemaVersion: number): EventContract {
  return EVENT_REGISTRY.forStoredType(type, schemaVersion);
}

export function contractForCeType(ceType: string): EventContract {
  return EVENT_REGISTRY.forCeType(ceType);
}

/** The newest version of a stored event type. */
export function latestContract(type: string): EventContract {
  return EVENT_REGISTRY.latest(type);
}

/**
 * Brings an event read from Kafka or the PostgreSQL log to the newest version of its type, so readers
 * handle one shape only. Call it after `decodeCloudEvent`.
 */
export function upcast(event: PortfolioEvent): PortfolioEvent {
  return EVENT_REGISTRY.upcast(event);
}

/** The `ce_dataschema` of an event version; also the `$id` of its published JSON Schema. */
export function dataSchemaUrn(contract: Pick<EventContract, 'ceType'>): string {
  return `urn:ecab:schema:${contract.ceType}`;
}
