import { CLUSTER_NAMES, EVENT_CONTRACTS, latestContract } from '@ecab/contracts';
import { z } from 'zod';

/** Programme-wide events (governance decisions) have no cluster: a partner is granted them as this "cluster". */
export const PROGRAMME_SCOPE = 'programme';
export const ENTITLEMENT_CLUSTERS = [...CLUSTER_NAMES, PROGRAMME_SCOPE] as const;

/** Who a partner is for the programme; ratings go only to funders and co-chairs (docs/DOMAIN.md §3.2). */
export const AUDIENCES = ['funder', 'co-chair', 'government', 'observer'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const RATING_AUDIENCES: readonly Audience[] = ['funder', 'co-chair'];

/** The integration event types partners may be granted: the partner-facing contracts, newest version of each. */
const PARTNER_CONTRACTS = EVENT_CONTRACTS.filter((c) => c.partnerFacing && latestContract(c.type) === c);
export const PARTNER_EVENT_TYPES: readonly string[] = PARTNER_CONTRACTS.map((c) => c.ceType).sort();
export const RATING_EVENT_TYPES: readonly string[] = PARTNER_CONTRACTS.filter((c) => c.aggregate === 'performance').map((c) => c.ceType);

/** What to do with values of confidence `illustrative`: send them marked (`illustrative: "true"`), or not at all. */
export const ILLUSTRATIVE_SETTINGS = ['mark', 'withhold'] as const;
export type IllustrativeSetting = (typeof ILLUSTRATIVE_SETTINGS)[number];

export interface Entitlements {
  clusters: readonly string[];
  /** ISO 3166-1 alpha-2 recipient countries; a project is visible when it has one of them. */
  countries: readonly string[];
  eventTypes: readonly string[];
  audiences: readonly Audience[];
}

export interface Partner {
  organisationId: string;
  name: string;
  entitlements: Entitlements;
  illustrative: IllustrativeSetting;
  /** Since when the partner has a Kafka credential (SCRAM) and its own topics; null when it has none. */
  kafkaSince: string | null;
  createdAt: string;
  updatedAt: string;
}

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const entitlementsSchema = z.strictObject({
  clusters: z.array(z.enum(ENTITLEMENT_CLUSTERS)).min(1).refine(unique, 'lists a cluster twice'),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. KG'))
    .min(1)
    .refine(unique, 'lists a country twice'),
  eventTypes: z
    .array(z.string().refine((type) => PARTNER_EVENT_TYPES.includes(type), 'is not a partner-facing integration event type'))
    .min(1)
    .refine(unique, 'lists an event type twice'),
  audiences: z.array(z.enum(AUDIENCES)).refine(unique, 'lists an audience twice'),
});

const partnerFields = {
  name: z.string().trim().min(1).max(200),
  entitlements: entitlementsSchema,
  illustrative: z.enum(ILLUSTRATIVE_SETTINGS).default('mark'),
};

export const newPartnerSchema = z.strictObject({
  organisationId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'must be an organisation identifier (letters, digits, . _ -), e.g. XM-DAC-46004'),
  ...partnerFields,
});
export type NewPartner = z.output<typeof newPartnerSchema>;

export const partnerChangeSchema = z.strictObject(partnerFields);
export type PartnerChange = z.output<typeof partnerChangeSchema>;

/** What an integration event is about, for entitlement checks. */
export interface EventScope {
  type: string;
  /** The project's cluster, or PROGRAMME_SCOPE for a programme-wide event. */
  cluster: string;
  /** The project's recipient countries when the event was recorded (empty for programme-wide events). */
  countries: readonly string[];
  illustrative: boolean;
}

/** Whether a partner may receive this event at all: cluster, country, type, audience and its illustrative setting. */
export function isEntitled(partner: Pick<Partner, 'entitlements' | 'illustrative'>, event: EventScope): boolean {
  const { entitlements } = partner;
  if (!entitlements.clusters.includes(event.cluster)) return false;
  if (event.cluster !== PROGRAMME_SCOPE && !event.countries.some((country) => entitlements.countries.includes(country))) return false;
  if (!entitlements.eventTypes.includes(event.type)) return false;
  if (RATING_EVENT_TYPES.includes(event.type) && !entitlements.audiences.some((audience) => RATING_AUDIENCES.includes(audience))) return false;
  if (event.illustrative && partner.illustrative === 'withhold') return false;
  return true;
}

/** The event types a partner is granted, ratings removed unless it is a funder or co-chair. */
export function grantedEventTypes(entitlements: Entitlements): string[] {
  const mayReadRatings = entitlements.audiences.some((audience) => RATING_AUDIENCES.includes(audience));
  return entitlements.eventTypes.filter((type) => mayReadRatings || !RATING_EVENT_TYPES.includes(type));
}
