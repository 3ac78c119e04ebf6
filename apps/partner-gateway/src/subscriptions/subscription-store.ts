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
  disabled_at: Date | null;
  failing_since: Date | null;
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
    disabledAt: row.disabled_at?.toISOString() ?? null,
    failingSince: row.failing_since?.toISOString() ?? null,
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

  async create(input: {
    id?: string | undefined;
    organisationId: string;
    sink: string;
    types: string[];
    filters: Filter[];
    startAfterSeq: string;
  }): Promise<{ subscription: SubscriptionState; secret: string }> {
    const secret = newSigningSecret();
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `insert into gateway_subscriptions (subscription_id, organisation_id, sink, types, filters, secrets, fanned_out_seq)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning *, fanned_out_seq::text`,
      [
        input.id ?? randomUUID(),
        input.organisationId,
        input.sink,
        input.types,
        JSON.stringify(input.filters),
        JSON.stringify([{ secret, expiresAt: null }]),
        input.startAfterSeq,
      ],
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

  /** Whoever's it is: for the gateway's own background work, never for a partner's request. */
  async byId(id: string): Promise<SubscriptionState | undefined> {
    const rows: SubscriptionRow[] = await this.dataSource.query('select *, fanned_out_seq::text from gateway_subscriptions where subscription_id = $1', [id]);
    return rows[0] ? toState(rows[0]) : undefined;
  }

  async list(organisationId: string): Promise<SubscriptionState[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      'select *, fanned_out_seq::text from gateway_subscriptions where organisation_id = $1 order by created_at, subscription_id',
      [organisationId],
    );
    return rows.map(toState);
  }

  async enabled(): Promise<SubscriptionState[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      'select *, fanned_out_seq::text from gateway_subscriptions where enabled order by subscription_id',
    );
    return rows.map(toState);
  }

  /** A new current secret; the previous ones sign along until `overlapMs` from now. Answers the new secret. */
  async rotateSecret(organisationId: string, id: string, overlapMs: number): Promise<string | undefined> {
    const current = await this.get(organisationId, id);
    if (!current) return undefined;
    const expiresAt = new Date(Date.now() + overlapMs).toISOString();
    const secret = newSigningSecret();
    const kept = current.secrets
      .filter((s) => s.expiresAt === null || s.expiresAt > new Date().toISOString())
      .map((s) => ({ secret: s.secret, expiresAt: s.expiresAt ?? expiresAt }));
    await this.dataSource.query('update gateway_subscriptions set secrets = $3 where organisation_id = $1 and subscription_id = $2', [
      organisationId,
      id,
      JSON.stringify([{ secret, expiresAt: null }, ...kept]),
    ]);
    return secret;
  }

  /**
   * Disables the endpoint (a 410, or failing too long) or enables it again, with an operational event the
   * partner can read; enabling starts its failure clock afresh. Nothing happens, and no event is written,
   * if it already is in that state.
   */
  async setEnabled(id: string, enabled: boolean, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [changed]: [{ subscription_id: string }[], number] = await manager.query(
        `update gateway_subscriptions
            set enabled = $2, disabled_reason = case when $2 then null else $3 end, disabled_at = case when $2 then null else now() end,
                failing_since = case when $2 then null else failing_since end
          where subscription_id = $1 and enabled <> $2 returning subscription_id`,
        [id, enabled, reason],
      );
      if (changed.length === 0) return;
      await manager.query('insert into gateway_subscription_events (subscription_id, type, detail) values ($1, $2, $3)', [
        id,
        enabled ? 'subscription.enabled' : 'subscription.disabled',
        reason,
      ]);
    });
  }

  /** After an attempt: an accepted one clears the failure clock, a failed one starts it if it is not running. Answers since when it has failed. */
  async noteAttempt(id: string, accepted: boolean): Promise<Date | null> {
    const [rows]: [{ failing_since: Date | null }[], number] = await this.dataSource.query(
      `update gateway_subscriptions set failing_since = case when $2 then null else coalesce(failing_since, now()) end
        where subscription_id = $1 returning failing_since`,
      [id, accepted],
    );
    return rows[0]?.failing_since ?? null;
  }

  async events(id: string): Promise<SubscriptionEvent[]> {
    const rows: { event_id: string; type: string; occurred_at: Date; detail: string }[] = await this.dataSource.query(
      'select event_id::text as event_id, type, occurred_at, detail from gateway_subscription_events where subscription_id = $1 order by event_id',
      [id],
    );
    return rows.map((row) => ({ id: row.event_id, type: row.type, occurredAt: row.occurred_at.toISOString(), detail: row.detail }));
  }
}

/** An operational event of a subscription: it was disabled (and why) or enabled again. */
export interface SubscriptionEvent {
  id: string;
  type: string;
  occurredAt: string;
  detail: string;
}

/** The secrets that sign now: the current one and those of a rotation still overlapping. */
export function signingSecrets(secrets: readonly SigningSecret[], now = new Date()): string[] {
  return secrets.filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now).map((s) => s.secret);
}
