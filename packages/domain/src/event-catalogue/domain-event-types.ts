import type { EventPublication } from '../decider/decider.js';
import { AGREEMENT_EVENT_PUBLICATION, AGREEMENT_EVENT_SCHEMA_VERSION } from '../agreement/events.js';
import { MILESTONE_EVENT_PUBLICATION, MILESTONE_EVENT_SCHEMA_VERSION } from '../milestones/events.js';
import { RESULTS_EVENT_PUBLICATION, RESULTS_EVENT_SCHEMA_VERSION } from '../results/events.js';
import { CONTRACT_PACKAGE_EVENT_PUBLICATION, CONTRACT_PACKAGE_EVENT_SCHEMA_VERSION } from '../contract-package/events.js';
import { PERFORMANCE_REVIEW_EVENT_PUBLICATION, PERFORMANCE_REVIEW_EVENT_SCHEMA_VERSION } from '../performance-review/events.js';
import { PROGRAMME_EVENT_PUBLICATION, PROGRAMME_EVENT_SCHEMA_VERSION } from '../programme/events.js';
import { ORGANISATION_EVENT_PUBLICATION, ORGANISATION_EVENT_SCHEMA_VERSION } from '../organisation/events.js';
import { EXCHANGE_RATES_EVENT_PUBLICATION, EXCHANGE_RATES_EVENT_SCHEMA_VERSION } from '../exchange-rates/events.js';
import { PROJECT_EVENT_PUBLICATION, PROJECT_EVENT_SCHEMA_VERSION } from '../project/events.js';

/** One stored event type: the aggregate it belongs to, its current schema version and how it is published. */
export interface DomainEventType {
  /** The type as stored in the event store, e.g. `ProjectStatusChanged`; unique across aggregates. */
  readonly type: string;
  /** The `<aggregate>` in `ecab.<aggregate>.<event>.v<N>`. */
  readonly aggregate: string;
  /** The kebab-case `<event>` in `ecab.<aggregate>.<event>.v<N>`, e.g. `status-changed`. */
  readonly event: string;
  readonly schemaVersion: number;
  /** docs/DOMAIN.md §3.2: partners may rely on it; internal events (drafts, validation, unverified actuals, issues, risks) are not. */
  readonly partnerFacing: boolean;
}

function table(aggregate: string, versions: Readonly<Record<string, number>>, publication: Readonly<Record<string, EventPublication>>): DomainEventType[] {
  return Object.entries(versions).map(([type, schemaVersion]) => {
    const published = publication[type];
    if (published === undefined) throw new Error(`no publication entry for ${type}`);
    return { type, aggregate, event: published.event, schemaVersion, partnerFacing: published.partnerFacing };
  });
}

/** Every event type the domain records; the contracts package derives the published names from it. */
export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [
  ...table('project', PROJECT_EVENT_SCHEMA_VERSION, PROJECT_EVENT_PUBLICATION),
  ...table('agreement', AGREEMENT_EVENT_SCHEMA_VERSION, AGREEMENT_EVENT_PUBLICATION),
  ...table('milestone', MILESTONE_EVENT_SCHEMA_VERSION, MILESTONE_EVENT_PUBLICATION),
  ...table('result', RESULTS_EVENT_SCHEMA_VERSION, RESULTS_EVENT_PUBLICATION),
  ...table('contract', CONTRACT_PACKAGE_EVENT_SCHEMA_VERSION, CONTRACT_PACKAGE_EVENT_PUBLICATION),
  ...table('performance', PERFORMANCE_REVIEW_EVENT_SCHEMA_VERSION, PERFORMANCE_REVIEW_EVENT_PUBLICATION),
  ...table('programme', PROGRAMME_EVENT_SCHEMA_VERSION, PROGRAMME_EVENT_PUBLICATION),
  ...table('organisation', ORGANISATION_EVENT_SCHEMA_VERSION, ORGANISATION_EVENT_PUBLICATION),
  ...table('exchange-rates', EXCHANGE_RATES_EVENT_SCHEMA_VERSION, EXCHANGE_RATES_EVENT_PUBLICATION),
];
