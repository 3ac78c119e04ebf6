import { Public } from '@ecab/auth';
import { parseOrProblem, ProblemError, type FieldProblem } from '@ecab/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { IntegrationLog } from '../integration/integration-log.js';
import type { Partner } from '../partners/partner.js';
import { CurrentPartner, PartnerKeyGuard } from '../partners/partner-key.guard.js';
import { SubscriptionStore, type SubscriptionState } from '../subscriptions/subscription-store.js';
import { recoverRequestSchema, replayRequestSchema, type JobKind, type JobView } from './job.js';
import { JobConflictError, JobStore, jobView } from './job-store.js';

const params = z.strictObject({ id: z.string().max(64) });
const jobParams = z.strictObject({ id: z.string().max(64), jobId: z.string().max(64) });

interface LocationResponse {
  setHeader(name: string, value: string): void;
}

/**
 * A subscription's background jobs: "recover failed since T" and "replay from position N or time T". Each
 * answers 202 with the job (`Location: …/jobs/{jobId}`); `GET` the job for its status, done/total, rate and
 * ETA. One job of a subscription at a time (409 otherwise); a partner acts on its own subscriptions only.
 */
@Controller('api/v1/subscriptions/:id')
@Public()
@UseGuards(PartnerKeyGuard)
export class SubscriptionJobsController {
  constructor(
    @Inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @Inject(JobStore) private readonly jobs: JobStore,
    @Inject(IntegrationLog) private readonly log: IntegrationLog,
  ) {}

  /** Every message whose whole schedule failed since `since` (until `until`) is sent again, its project's order kept. */
  @Post('recover')
  @HttpCode(202)
  async recover(
    @Param() raw: unknown,
    @Body() body: unknown,
    @CurrentPartner() partner: Partner,
    @Res({ passthrough: true }) response: LocationResponse,
  ): Promise<JobView> {
    const subscription = await this.#own(raw, partner);
    const request = parseOrProblem(recoverRequestSchema, body ?? {});
    const problems: FieldProblem[] = [];
    if (Date.parse(request.since) > Date.now()) problems.push({ pointer: '/since', detail: 'is in the future', code: 'in_future' });
    if (request.until !== undefined && Date.parse(request.until) < Date.parse(request.since))
      problems.push({ pointer: '/until', detail: 'is before since', code: 'before_since' });
    if (problems.length > 0) throw ProblemError.validation(problems);
    return this.#create(subscription, 'recover', request, {}, response);
  }

  /** Every message of the subscription after position `fromPosition`, or stored since `fromTime`, delivered again with its webhook-id. */
  @Post('replay')
  @HttpCode(202)
  async replay(
    @Param() raw: unknown,
    @Body() body: unknown,
    @CurrentPartner() partner: Partner,
    @Res({ passthrough: true }) response: LocationResponse,
  ): Promise<JobView> {
    const subscription = await this.#own(raw, partner);
    const request = parseOrProblem(replayRequestSchema, body ?? {});
    const problems: FieldProblem[] = [];
    const head = await this.log.head();
    if ((request.fromPosition === undefined) === (request.fromTime === undefined)) {
      const detail = request.fromPosition === undefined ? 'give fromPosition or fromTime' : 'give fromPosition or fromTime, not both';
      problems.push({ pointer: '/fromPosition', detail, code: 'one_of' }, { pointer: '/fromTime', detail, code: 'one_of' });
    }
    if (request.fromPosition !== undefined && BigInt(request.fromPosition) > BigInt(head))
      problems.push({ pointer: '/fromPosition', detail: `is past the end of the log (its last position is ${head})`, code: 'past_end' });
    if (request.fromTime !== undefined && Date.parse(request.fromTime) > Date.now())
      problems.push({ pointer: '/fromTime', detail: 'is in the future', code: 'in_future' });
    if (problems.length > 0) throw ProblemError.validation(problems);
    const fromSeq = request.fromPosition ?? (await this.log.positionBefore(new Date(request.fromTime!)));
    // Up to where the subscription's deliveries are made out now; the dispatcher makes out the later ones as usual, after these.
    const upToSeq = subscription.fannedOutSeq;
    return this.#create(subscription, 'replay', { ...request, resolvedFromPosition: fromSeq, upToPosition: upToSeq }, { fromSeq, upToSeq }, response);
  }

  @Get('jobs')
  async list(@Param() raw: unknown, @CurrentPartner() partner: Partner): Promise<{ items: JobView[] }> {
    const subscription = await this.#own(raw, partner);
    return { items: (await this.jobs.list(subscription.id)).map(jobView) };
  }

  @Get('jobs/:jobId')
  async get(@Param() raw: unknown, @CurrentPartner() partner: Partner): Promise<JobView> {
    const { id, jobId } = parseOrProblem(jobParams, raw);
    const subscription = await this.#own({ id }, partner);
    const job = await this.jobs.get(subscription.id, jobId);
    if (!job) throw ProblemError.notFound(`Subscription ${subscription.id} has no job ${jobId}.`);
    return jobView(job);
  }

  async #create(
    subscription: SubscriptionState,
    kind: JobKind,
    request: Record<string, unknown>,
    positions: { fromSeq?: string; upToSeq?: string },
    response: LocationResponse,
  ): Promise<JobView> {
    if (!subscription.enabled)
      throw ProblemError.conflict(`Subscription ${subscription.id} is disabled (${subscription.disabledReason ?? 'no reason given'}); enable it first.`);
    try {
      const job = await this.jobs.create({ subscriptionId: subscription.id, kind, request, ...positions });
      response.setHeader('Location', `/api/v1/subscriptions/${encodeURIComponent(subscription.id)}/jobs/${job.id}`);
      return jobView(job);
    } catch (error) {
      if (error instanceof JobConflictError)
        throw ProblemError.conflict(
          `Subscription ${subscription.id} already has a job under way; one at a time.`,
          error.openJobId ? { openJob: `/api/v1/subscriptions/${encodeURIComponent(subscription.id)}/jobs/${error.openJobId}` } : {},
        );
      throw error;
    }
  }

  async #own(raw: unknown, partner: Partner): Promise<SubscriptionState> {
    const { id } = parseOrProblem(params, raw);
    const subscription = await this.subscriptions.get(partner.organisationId, id);
    if (!subscription) throw ProblemError.notFound(`You have no subscription ${id}.`);
    return subscription;
  }
}
