import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PARTNER_EVENT_TYPES } from '../partners/partner.js';
import { INTEGRATION_SOURCE } from '../integration/integration-event.js';
import { filterSchema, type Filter } from './filters.js';

/** One signing secret of a subscription; an old one keeps signing until it expires (rotation). */
export interface SigningSecret {
  secret: string;
  expiresAt: string | null;
}

/** A webhook subscription, shaped after the CloudEvents Subscriptions API. */
export interface Subscription {
  id: string;
  organisationId: string;
  source: string;
  sink: string;
  protocol: 'HTTP';
  types: string[];
  filters: Filter[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  /** Since when every attempt has failed (null after an accepted one); at `disableAfter` the endpoint is disabled. */
  failingSince: string | null;
  createdAt: string;
}

/** `whsec_` and the base64 of 32 random bytes (Standard Webhooks: 24–64 bytes). */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export const newSubscriptionSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (at most 64)')
    .optional(),
  source: z.literal(INTEGRATION_SOURCE).optional(),
  sink: z.string().max(2000),
  protocol: z.literal('HTTP'),
  types: z
    .array(z.string().refine((type) => PARTNER_EVENT_TYPES.includes(type), 'is not a partner-facing integration event type'))
    .max(100)
    .default([]),
  filters: z.array(filterSchema).max(20).default([]),
  config: z.strictObject({ start: z.enum(['now', 'beginning']).default('now') }).default({ start: 'now' }),
});
export type NewSubscription = z.output<typeof newSubscriptionSchema>;
