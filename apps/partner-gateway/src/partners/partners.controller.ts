import { RequireRole } from '@ecab/auth';
import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Body, Controller, Get, Header, HttpCode, Inject, Optional, Param, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { atTheBroker, PartnerKafkaAccess } from '../kafka/partner-kafka-access.js';
import { newPartnerSchema, partnerChangeSchema, type Partner } from './partner.js';
import { PartnerExistsError, PartnerStore, type ApiKeyView, type IssuedApiKey } from './partner-store.js';

const partnerParams = z.strictObject({ organisationId: z.string().max(64) });
const keyParams = z.strictObject({ organisationId: z.string().max(64), keyId: z.string().max(64) });
const newKeySchema = z.strictObject({ label: z.string().trim().min(1).max(100).optional() });

/**
 * Admins manage partners: organisation, name, entitlements (clusters, countries, event types, audiences)
 * and the illustrative-values setting; and their API keys (several at once for rotation, each revocable).
 */
@Controller('api/v1/admin/partners')
@RequireRole('admin')
export class PartnersController {
  constructor(
    @Inject(PartnerStore) private readonly partners: PartnerStore,
    @Optional() @Inject(PartnerKafkaAccess) private readonly kafka: PartnerKafkaAccess | null,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown): Promise<Partner> {
    const request = parseOrProblem(newPartnerSchema, body ?? {});
    try {
      return await this.partners.create(request);
    } catch (error) {
      if (error instanceof PartnerExistsError) throw ProblemError.conflict(`A partner for organisation ${request.organisationId} already exists.`);
      throw error;
    }
  }

  @Get()
  async list(): Promise<{ items: Partner[] }> {
    return { items: await this.partners.list() };
  }

  @Get(':organisationId')
  async get(@Param() params: unknown): Promise<Partner> {
    const { organisationId } = parseOrProblem(partnerParams, params);
    return found(organisationId, await this.partners.get(organisationId));
  }

  /**
   * Replaces name, entitlements and the illustrative setting; deliveries, pulls and the partner's Kafka topics
   * apply them from the next event, and its broker ACLs follow the clusters at once.
   */
  @Put(':organisationId')
  async change(@Param() params: unknown, @Body() body: unknown): Promise<Partner> {
    const { organisationId } = parseOrProblem(partnerParams, params);
    const request = parseOrProblem(partnerChangeSchema, body ?? {});
    const current = found(organisationId, await this.partners.get(organisationId));
    // The broker first: if it does not take the new rights, nothing is saved and the PUT may simply be repeated.
    const kafka = this.kafka;
    if (current.kafkaSince && kafka) {
      await atTheBroker(`${organisationId}'s new topics and ACLs`, () => kafka.sync({ ...current, entitlements: request.entitlements }));
    }
    return found(organisationId, await this.partners.change(organisationId, request));
  }

  /** A new key, answered this once (only its hash is kept). */
  @Post(':organisationId/keys')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  async issueKey(@Param() params: unknown, @Body() body: unknown): Promise<IssuedApiKey> {
    const { organisationId } = parseOrProblem(partnerParams, params);
    const request = parseOrProblem(newKeySchema, body ?? {});
    found(organisationId, await this.partners.get(organisationId));
    return this.partners.issueKey(organisationId, request.label);
  }

  @Get(':organisationId/keys')
  async keys(@Param() params: unknown): Promise<{ items: ApiKeyView[] }> {
    const { organisationId } = parseOrProblem(partnerParams, params);
    found(organisationId, await this.partners.get(organisationId));
    return { items: await this.partners.keys(organisationId) };
  }

  @Post(':organisationId/keys/:keyId/revoke')
  @HttpCode(200)
  async revokeKey(@Param() params: unknown): Promise<{ items: ApiKeyView[] }> {
    const { organisationId, keyId } = parseOrProblem(keyParams, params);
    if (!(await this.partners.revokeKey(organisationId, keyId))) throw ProblemError.notFound(`Partner ${organisationId} has no key ${keyId}.`);
    return { items: await this.partners.keys(organisationId) };
  }
}

function found(organisationId: string, partner: Partner | undefined): Partner {
  if (!partner) throw ProblemError.notFound(`There is no partner for organisation ${organisationId}.`);
  return partner;
}
