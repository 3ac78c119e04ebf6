import type { Logger } from 'pino';
import type { IntegrationLog } from '../integration/integration-log.js';
import type { PartnerStore } from '../partners/partner-store.js';
import { selects } from '../subscriptions/filters.js';
import type { SubscriptionStore } from '../subscriptions/subscription-store.js';
import type { JobState, JobStore } from './job-store.js';
import { PollLoop } from '../workers/poll-loop.js';

export interface JobRunnerSettings {
  /** How often open jobs are looked at. */
  pollMs: number;
  /** Messages a replay queues per transaction. */
  batchSize: number;
}

/**
 * Works the subscriptions' jobs in the background: queues their messages again (recover: the failed ones
 * since T; replay: every message of the subscription after position N, in batches), then watches the
 * webhook dispatcher deliver them, in order per project, with their own webhook-id, and ends each job done
 * (every message delivered) or failed (some failed again, or the subscription was disabled or is gone).
 * Everything it needs is in gateway_jobs, so after a restart it goes on where it was. One runner per
 * database, like the dispatcher: only the leading gateway instance runs it (GatewayWorkers).
 */
export class JobRunner {
  readonly #loop: PollLoop;

  constructor(
    private readonly deps: { jobs: JobStore; subscriptions: SubscriptionStore; partners: PartnerStore; log: IntegrationLog; logger: Logger },
    private readonly settings: JobRunnerSettings,
  ) {
    this.#loop = new PollLoop({
      round: () => this.tick(),
      mark: () => deps.log.appendMark,
      waitForWork: (mark, ms, signal) => deps.log.waitForAppend(ms, signal, mark),
      pollMs: settings.pollMs,
      failure: 'subscription jobs failed a round; trying again',
      logger: deps.logger,
    });
  }

  start(): void {
    this.#loop.start();
  }

  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  get #running(): boolean {
    return this.#loop.running;
  }

  /** One round over every open job. */
  async tick(): Promise<void> {
    for (const job of await this.deps.jobs.openJobs()) {
      if (!this.#running) return;
      try {
        await this.#advance(job);
      } catch (error) {
        this.deps.logger.error({ err: error, job: job.id }, 'a subscription job could not advance; trying again');
      }
    }
  }

  async #advance(job: JobState): Promise<void> {
    if (job.status === 'queued') await this.deps.jobs.start(job.id);
    const subscription = await this.deps.subscriptions.byId(job.subscriptionId);
    const partner = subscription && (await this.deps.partners.get(subscription.organisationId));
    if (!subscription || !partner) {
      await this.deps.jobs.finish(job.id, 'failed', await this.deps.jobs.progress(job), 'the subscription or its partner no longer exists');
      return;
    }
    if (!subscription.enabled) {
      const progress = await this.deps.jobs.progress(job);
      const reason = `the subscription was disabled (${subscription.disabledReason ?? 'no reason given'}); enable it and start a new job for what is left`;
      await this.deps.jobs.finish(job.id, 'failed', progress, reason);
      return;
    }
    if (!job.staged) {
      if (job.kind === 'recover') {
        const request = job.request as { since: string; until?: string };
        await this.deps.jobs.stageRecover(job, request.since, request.until);
      } else {
        // Batches from where the last one ended, up to the position the subscription had reached when asked.
        const upTo = BigInt(job.upToSeq ?? '0');
        let after = job.stagedTo ?? job.fromSeq ?? '0';
        let last = BigInt(after) >= upTo;
        if (last) await this.deps.jobs.stageReplayBatch(job, [], after, true);
        while (this.#running && !last) {
          const { events, scannedTo } = await this.deps.log.readEntitled(partner, after, this.settings.batchSize);
          const reached = BigInt(scannedTo) >= upTo || scannedTo === after ? upTo.toString() : scannedTo;
          const messages = events
            .filter((event) => BigInt(event.seq) <= upTo && selects(subscription, event.cloudEvent))
            .map((event) => ({ seq: event.seq, subject: event.cloudEvent.subject }));
          last = BigInt(reached) >= upTo;
          await this.deps.jobs.stageReplayBatch(job, messages, reached, last);
          after = reached;
        }
      }
      return;
    }
    const progress = await this.deps.jobs.progress(job);
    if (progress.active > 0) return;
    if (progress.failed === 0) await this.deps.jobs.finish(job.id, 'done', progress, null);
    else
      await this.deps.jobs.finish(
        job.id,
        'failed',
        progress,
        `${progress.failed} of ${job.total} messages failed their whole schedule again (or wait behind one that did); recover them to send them again`,
      );
  }
}
