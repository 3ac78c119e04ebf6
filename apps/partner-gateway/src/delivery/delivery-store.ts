import type { DataSource } from 'typeorm';
import type { IntegrationCloudEvent } from '../integration/integration-event.js';
import type { IntegrationLog } from '../integration/integration-log.js';
import type { Partner } from '../partners/partner.js';
import { selects } from '../subscriptions/filters.js';
import type { SigningSecret } from '../subscriptions/subscription.js';
import type { SubscriptionState } from '../subscriptions/subscription-store.js';

/** The oldest undelivered message of one project for one subscription, due now. */
export interface DueDelivery {
  subscriptionId: string;
  seq: string;
  subject: string;
  attempts: number;
  sink: string;
  secrets: SigningSecret[];
  cloudEvent: IntegrationCloudEvent;
  /** The job that last put it back in the queue (recover, replay), or null. */
  jobId: string | null;
}

export interface AttemptView {
  attemptId: string;
  messageId: string;
  sequence: string;
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface FailedMessageView {
  messageId: string;
  sequence: string;
  type: string;
  subject: string;
  attempts: number;
  failedAt: string;
}

/** What a delivery came to: delivered, to be tried again at a time, or failed for good (until recovered). */
export type DeliveryResult = { status: 'delivered' } | { status: 'pending'; nextAttemptAt: Date; countsAsAttempt: boolean } | { status: 'failed' };

/**
 * The deliveries of each subscription (gateway_deliveries) and their attempts (gateway_delivery_attempts).
 * A project's messages go one at a time: only the oldest undelivered one of a (subscription, project) is
 * ever due, so the next waits until the previous was accepted; a failed one holds its project's later
 * messages until it is recovered. Other projects are not held up.
 */
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Makes out the deliveries of the log's new events the subscription selects, within the partner's entitlements. */
  async fanOut(subscription: SubscriptionState, partner: Partner, log: IntegrationLog, batch = 500): Promise<number> {
    let after = subscription.fannedOutSeq;
    let made = 0;
    for (;;) {
      const { events, scannedTo } = await log.readEntitled(partner, after, batch);
      if (scannedTo === after) return made;
      const selected = events.filter((event) => selects(subscription, event.cloudEvent));
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `insert into gateway_deliveries (subscription_id, seq, subject) select $1, s, j from unnest($2::bigint[], $3::text[]) as t(s, j) on conflict do nothing`,
          [subscription.id, selected.map((event) => event.seq), selected.map((event) => event.cloudEvent.subject)],
        );
        await manager.query('update gateway_subscriptions set fanned_out_seq = greatest(fanned_out_seq, $2) where subscription_id = $1', [
          subscription.id,
          scannedTo,
        ]);
      });
      made += selected.length;
      after = scannedTo;
    }
  }

  async due(limit: number): Promise<DueDelivery[]> {
    const rows: {
      subscription_id: string;
      seq: string;
      subject: string;
      attempts: number;
      sink: string;
      secrets: SigningSecret[];
      cloudevent: IntegrationCloudEvent;
      job_id: string | null;
    }[] = await this.dataSource.query(
      `select h.subscription_id, h.seq::text as seq, h.subject, h.attempts, h.job_id, s.sink, s.secrets, e.cloudevent
           from (select distinct on (subscription_id, subject) subscription_id, seq, subject, status, attempts, next_attempt_at, job_id
                   from gateway_deliveries where status <> 'delivered' order by subscription_id, subject, seq) h
           join gateway_subscriptions s on s.subscription_id = h.subscription_id
           join gateway_integration_events e on e.seq = h.seq
          where h.status = 'pending' and h.next_attempt_at <= now() and s.enabled
          order by h.next_attempt_at, h.seq limit $1`,
      [limit],
    );
    return rows.map((row) => ({
      subscriptionId: row.subscription_id,
      seq: row.seq,
      subject: row.subject,
      attempts: row.attempts,
      sink: row.sink,
      secrets: row.secrets,
      cloudEvent: { ...row.cloudevent, sequence: row.seq },
      jobId: row.job_id,
    }));
  }

  async record(
    delivery: DueDelivery,
    outcome: { status?: number | undefined; error?: string | undefined; durationMs: number },
    result: DeliveryResult,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('insert into gateway_delivery_attempts (subscription_id, seq, status_code, error, duration_ms) values ($1, $2, $3, $4, $5)', [
        delivery.subscriptionId,
        delivery.seq,
        outcome.status ?? null,
        outcome.error ?? null,
        outcome.durationMs,
      ]);
      const counted = result.status !== 'pending' || result.countsAsAttempt ? 1 : 0;
      // A job that put the message back in the queue while this attempt was under way owns it now: the attempt is logged, the re-queued delivery stays due.
      await manager.query(
        `update gateway_deliveries set status = $3, attempts = attempts + $4, next_attempt_at = coalesce($5, next_attempt_at),
                delivered_at = case when $3 = 'delivered' then now() end, failed_at = case when $3 = 'failed' then now() end
          where subscription_id = $1 and seq = $2 and job_id is not distinct from $6`,
        [delivery.subscriptionId, delivery.seq, result.status, counted, result.status === 'pending' ? result.nextAttemptAt : null, delivery.jobId],
      );
    });
  }

  async attempts(subscriptionId: string, after: string, limit: number): Promise<AttemptView[]> {
    const rows: {
      attempt_id: string;
      seq: string;
      attempted_at: Date;
      status_code: number | null;
      error: string | null;
      duration_ms: number;
      message_id: string;
    }[] = await this.dataSource.query(
      `select a.attempt_id::text as attempt_id, a.seq::text as seq, a.attempted_at, a.status_code, a.error, a.duration_ms, e.event_id as message_id
         from gateway_delivery_attempts a join gateway_integration_events e on e.seq = a.seq
        where a.subscription_id = $1 and a.attempt_id > $2 order by a.attempt_id limit $3`,
      [subscriptionId, after, limit],
    );
    return rows.map((row) => ({
      attemptId: row.attempt_id,
      messageId: row.message_id,
      sequence: row.seq,
      attemptedAt: row.attempted_at.toISOString(),
      statusCode: row.status_code,
      error: row.error,
      durationMs: row.duration_ms,
    }));
  }

  async failed(subscriptionId: string): Promise<FailedMessageView[]> {
    const rows: { seq: string; event_id: string; type: string; subject: string; attempts: number; failed_at: Date }[] = await this.dataSource.query(
      `select d.seq::text as seq, e.event_id, e.type, d.subject, d.attempts, d.failed_at
         from gateway_deliveries d join gateway_integration_events e on e.seq = d.seq
        where d.subscription_id = $1 and d.status = 'failed' order by d.seq`,
      [subscriptionId],
    );
    return rows.map((row) => ({
      messageId: row.event_id,
      sequence: row.seq,
      type: row.type,
      subject: row.subject,
      attempts: row.attempts,
      failedAt: row.failed_at.toISOString(),
    }));
  }
}
