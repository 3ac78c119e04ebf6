import { dataSchemaUrn, latestContract, upcast, type PortfolioEvent } from '@ecab/contracts';
import { PROGRAMME_SCOPE, type EventScope } from '../partners/partner.js';

/** Where integration events come from (CloudEvents `source`). */
export const INTEGRATION_SOURCE = '/ecab/portfolio/partners';

/**
 * Who recorded an event, as partners may know it: the programme's portfolio secretariat, the one
 * organisation that records on this platform. User names (the internal `actor`) never leave.
 */
export const RECORDER_ROLE = 'portfolio-secretariat';

/** An integration event in CloudEvents structured JSON; `sequence` is added when read from the log. */
export interface IntegrationCloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  cluster: string;
  /** The project's recipient countries when it was recorded, comma-separated ("KG,KZ"); empty for programme-wide events. */
  countries: string;
  recorderrole: string;
  /** "true" when a value in data has confidence `illustrative` (partners set to "withhold" never get it). */
  illustrative?: 'true';
  /** The event's place in the gateway's log: the pull cursor, increasing in delivery order. */
  sequence?: string;
  data: Record<string, unknown>;
}

/** An integration event before the log gave it its sequence, with what entitlements need. */
export interface IntegrationEvent {
  eventId: string;
  position: string | undefined;
  scope: EventScope;
  cloudEvent: IntegrationCloudEvent;
}

/** Whether any value in the data is sourced with confidence `illustrative`. */
export function hasIllustrativeValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasIllustrativeValue);
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return record.confidence === 'illustrative' || Object.values(record).some(hasIllustrativeValue);
}

/**
 * The integration event of a portfolio event, or undefined for an internal one (docs/DOMAIN.md §3.2): the newest
 * version of its type, its data as validated, its project's cluster and countries, no user name.
 */
export function toIntegrationEvent(stored: PortfolioEvent, projectCountries: readonly string[]): IntegrationEvent | undefined {
  let event: PortfolioEvent;
  let contract;
  try {
    event = upcast(stored);
    contract = latestContract(event.type);
  } catch {
    // A type this build has no contract for is nothing a partner was promised.
    return undefined;
  }
  if (!contract.partnerFacing) return undefined;
  const cluster = event.cluster ?? PROGRAMME_SCOPE;
  const countries = cluster === PROGRAMME_SCOPE ? [] : [...projectCountries].sort();
  const illustrative = hasIllustrativeValue(event.data);
  return {
    eventId: event.eventId,
    position: event.position,
    scope: { type: contract.ceType, cluster, countries, illustrative },
    cloudEvent: {
      specversion: '1.0',
      id: event.eventId,
      source: INTEGRATION_SOURCE,
      type: contract.ceType,
      subject: event.subject,
      time: event.time,
      datacontenttype: 'application/json',
      dataschema: dataSchemaUrn(contract),
      cluster,
      countries: countries.join(','),
      recorderrole: RECORDER_ROLE,
      ...(illustrative ? { illustrative: 'true' as const } : {}),
      data: event.data,
    },
  };
}

/** The recipient countries a project event sets, if it is one that sets them. */
export function countriesSetBy(event: PortfolioEvent): string[] | undefined {
  if (event.type !== 'ProjectRegistered' && event.type !== 'RecipientCountriesSet') return undefined;
  const countries = event.data.countries;
  if (!Array.isArray(countries)) return undefined;
  return countries.flatMap((share: unknown) =>
    share && typeof share === 'object' && typeof (share as { code?: unknown }).code === 'string' ? [(share as { code: string }).code] : [],
  );
}
