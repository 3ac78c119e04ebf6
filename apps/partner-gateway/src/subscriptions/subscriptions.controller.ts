import { Public } from '@ecab/auth';
import { parseOrProblem, ProblemError, type FieldProblem } from '@ecab/platform';
import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import type { AttemptView, FailedMessageView } from '../delivery/delivery-store.js';
import { DeliveryStore } from '../delivery/delivery-store.js';
import { IntegrationLog } from '../integration/integration-log.js';
import { grantedEventTypes, type Partner } from '../partners/partner.js';
import { CurrentPartner, PartnerKeyGuard } from '../partners/partner-key.guard.js';
import { sinkRefusal, type SinkPolicy } from './sink-safety.js';
import { newSubscriptionSchema, type Subscription } from './subscription.js';
import { SubscriptionExistsError, SubscriptionStore, subscriptionView, type SubscriptionEvent, type SubscriptionState } from './subscription-store.js';

export const SUBSCRIPTION_SETTINGS = Symbol('SUBSCRIPTION_SETTINGS');
export interface SubscriptionSettings {
  sinkPolicy: SinkPolicy;
  /** How long a rotated-out secret keeps signing beside the new one. */
  secretOverlapMs: number;
}

const params = z.strictObject({ id: z.string().max(64) });
const attemptsQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .default('0'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * A partner's webhook subscriptions (CloudEvents Subscriptions API shape), always within its entitlements;
 * their attempt log, failed messages, secret rotation and re-enabling (their jobs: jobs/subscription-jobs.controller.ts).
 */
@Controller('api/v1/subscriptions')
@Public()
@UseGuards(PartnerKeyGuard)
export class SubscriptionsController {
  constructor(
    @Inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @Inject(DeliveryStore) private readonly deliveries: DeliveryStore,
    @Inject(IntegrationLog) private readonly log: IntegrationLog,
    @Inject(SUBSCRIPTION_SETTINGS) private readonly settings: SubscriptionSettings,
  ) {}

  /** 201 with the subscription and its signing secret, answered this once. */
  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  async create(@Body() body: unknown, @CurrentPartner() partner: Partner): Promise<Subscription & { secret: string }> {
    const request = parseOrProblem(newSubscriptionSchema, body ?? {});
    const problems: FieldProblem[] = [];
    const granted = grantedEventTypes(partner.entitlements);
    request.types.forEach((type, index) => {
      if (!granted.includes(type))
        problems.push({ pointer: `/types/${index}`, detail: 'is not an event type your partnership is entitled to', code: 'not_entitled' });
    });
    const refusal = await sinkRefusal(this.settings.sinkPolicy, request.sink);
    if (refusal) problems.push({ pointer: '/sink', detail: refusal, code: 'sink_refused' });
    if (problems.length > 0) throw ProblemError.validation(problems);
    try {
      const { subscription, secret } = await this.subscriptions.create({
        id: request.id,
        organisationId: partner.organisationId,
        sink: request.sink,
        types: request.types,
        filters: request.filters,
        startAfterSeq: request.config.start === 'beginning' ? '0' : await this.log.head(),
      });
      return { ...subscriptionView(subscription), secret };
    } catch (error) {
      if (error instanceof SubscriptionExistsError) throw ProblemError.conflict(`A subscription ${request.id} already exists.`);
      throw error;
    }
  }

  @Get()
  async list(@CurrentPartner() partner: Partner): Promise<{ items: Subscription[] }> {
    return { items: (await this.subscriptions.list(partner.organisationId)).map(subscriptionView) };
  }

  @Get(':id')
  async get(@Param() raw: unknown, @CurrentPartner() partner: Partner): Promise<Subscription> {
    return subscriptionView(await this.#own(raw, partner));
  }

  /** A new signing secret (answered once); the old one signs beside it for the overlap. */
  @Post(':id/secret/rotate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async rotate(@Param() raw: unknown, @CurrentPartner() partner: Partner): Promise<{ secret: string }> {
    const subscription = await this.#own(raw, partner);
    const secret = await this.subscriptions.rotateSecret(partner.organisationId, subscription.id, this.settings.secretOverlapMs);
    return { secret: secret! };
  }

  /** Delivering again after the endpoint was disabled (a 410, or failing too long); pending messages go on in order. */
  @Post(':id/enable')
  @HttpCode(200)
  async enable(@Param() raw: unknown, @CurrentPartner() partner: Partner): Promise<Subscription> {
    const subscription = await this.#own(raw, partner);
    await this.subscriptions.setEnabled(subscription.id, true, 'enabled again by the partner');
    return subscriptionView((await this.subscriptions.get(partner.organisationId, subscription.id))!);
  }

  /** Its operational events: when it was disabled and why, when it was enabled again. */
  @Get(':id/events')
  async events(@Param() raw: unknown, @CurrentPartner() partner: Partner): Promise<{ items: SubscriptionEvent[] }> {
    return { items: await this.subscriptions.events((await this.#own(raw, partner)).id) };
  }

  @Get(':id/attempts')
  async attempts(
    @Param() raw: unknown,
    @Query() query: unknown,
    @CurrentPartner() partner: Partner,
  ): Promise<{ items: AttemptView[]; nextCursor: string | null }> {
    const subscription = await this.#own(raw, partner);
    const { after, limit } = parseOrProblem(attemptsQuery, query);
    const items = await this.deliveries.attempts(subscription.id, after, limit);
    return { items, nextCursor: items.length === limit ? items.at(-1)!.attemptId : null };
  }

  @Get(':id/failed')
  async failed(@Param() raw: unknown, @CurrentPartner() partner: Partner): Promise<{ items: FailedMessageView[] }> {
    return { items: await this.deliveries.failed((await this.#own(raw, partner)).id) };
  }

  async #own(raw: unknown, partner: Partner): Promise<SubscriptionState> {
    const { id } = parseOrProblem(params, raw);
    const subscription = await this.subscriptions.get(partner.organisationId, id);
    if (!subscription) throw ProblemError.notFound(`You have no subscription ${id}.`);
    return subscription;
  }
}
