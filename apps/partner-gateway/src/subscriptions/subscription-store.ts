import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { INTEGRATION_SOURCE } from '../integration/integration-event.js';
import type { Filter } from './filters.js';
import { newSigningSecret, type SigningSecret, type Subscription } from './subscription.js';

interface SubscriptionRow {
  subscription_id: string;
  organisation_id: string;
  sink: string;
  types: string[];
  filters: Filter[];
  secrets: SigningSecret[];
  enabled: boolean;
  disabled_reason: string | null;
  fanned_out_seq: string;
  created_at: Date;
}

/** A subscription with what only the gateway sees: its secrets and how far its deliveries were made out. */
export interface SubscriptionState extends Subscription {
  secrets: SigningSecret[];
  fannedOutSeq: string;
}

export class SubscriptionExistsError extends Error {}

function toState(row: SubscriptionRow): SubscriptionState {
  return {
    id: row.subscription_id,
    organisationId: row.organisation_id,
    source: INTEGRATION_SOURCE,
    sink: row.sink,
    protocol: 'HTTP',
    types: row.types,
    filters: row.filters,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
    secrets: row.secrets,
    fannedOutSeq: row.fanned_out_seq,
  };
}

/** What a partner is shown of its subscription. */
export function subscriptionView(state: SubscriptionState): Subscription {
  const { secrets: _secrets, fannedOutSeq: _fannedOutSeq, ...view } = state;
  return view;
}

/** Webhook subscriptions (table gateway_subscriptions), each belonging to one partner. */
export class SubscriptionStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: { id?: string | undefined; organisationId: string; sink: string; types: string[]; filters: Filter[]; startAfterSeq: string }): Promise<{ subscription: SubscriptionState; secret: string }> {
    const secret = newSigningSecret();
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `insert into gateway_subscriptions (subscription_id, organisation_id, sink, types, filters, secrets, fanned_out_seq)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning *, fanned_out_seq::text`,
      [input.id ?? randomUUID(), input.organisationId, input.sink, input.types, JSON.stringify(input.filters), JSON.stringify([{ secret, expiresAt: null }]), input.startAfterSeq],
    );
    if (!rows[0]) throw new SubscriptionExistsError(input.id);
    return { subscription: toState(rows[0]), secret };
  }

  async get(organisationId: string, id: string): Promise<SubscriptionState | undefined> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      'select *, fanned_out_seq::text from gateway_subscriptions where organisation_id = $1 and subscription_id = $2',
      [organisationId, id],
    );
    return rows[0] ? toState(rows[0]) : undefined;
  }

  async list(organisationId: string): Promise<SubscriptionState[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query('select *, fanned_out_seq::text from gateway_subscriptions where organisation_id = $1 order by created_at, subscription_id', [organisationId]);
    return rows.map(toState);
  }

  async enabled(): Promise<SubscriptionState[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query('select *, fanned_out_seq::text from gateway_subscriptions where enabled order by subscription_id');
    return rows.map(toState);
  }

  /** A new current secret; the previous ones sign along until `overlapMs` from now. Answers the new secret. */
  async rotateSecret(organisationId: string, id: string, overlapMs: number): Promise<string | undefined> {
    const current = await this.get(organisationId, id);
    if (!current) return undefined;
    const expiresAt = new Date(Date.now() + overlapMs).toISOString();
    const secret = newSigningSecret();
    const kept = current.secrets.filter((s) => s.expiresAt === null || s.expiresAt > new Date().toISOString()).map((s) => ({ secret: s.secret, expiresAt: s.expiresAt ?? expiresAt }));
    await this.dataSource.query('update gateway_subscriptions set secrets = $3 where organisation_id = $1 and subscription_id = $2', [organisationId, id, JSON.stringify([{ secret, expiresAt: null }, ...kept])]);
    return secret;
  }

  async setEnabled(id: string, enabled: boolean, reason: string | null): Promise<void> {
    await this.dataSource.query('update gateway_subscriptions set enabled = $2, disabled_reason = $3 where subscription_id = $1', [id, enabled, enabled ? null : reason]);
  }
}

/** The secrets that sign now: the current one and those of a rotation still overlapping. */
export function signingSecrets(secrets: readonly SigningSecret[], now = new Date()): string[] {
  return secrets.filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now).map((s) => s.secret);
}
