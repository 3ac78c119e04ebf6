import { RequireRole } from '@ecab/auth';
import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Controller, Delete, Header, HttpCode, Inject, Optional, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { PartnerStore } from '../partners/partner-store.js';
import { atTheBroker, PartnerKafkaAccess, type KafkaCredential } from './partner-kafka-access.js';

const partnerParams = z.strictObject({ organisationId: z.string().max(64) });

/**
 * Admins give a partner direct Kafka access: a SCRAM-SHA-512 credential on the broker's partner listener, its own
 * topic per entitled cluster and read-only ACLs (see PartnerKafkaAccess). The password is answered this once.
 */
@Controller('api/v1/admin/partners/:organisationId/kafka-credential')
@RequireRole('admin')
export class PartnerKafkaController {
  constructor(
    @Inject(PartnerStore) private readonly partners: PartnerStore,
    @Optional() @Inject(PartnerKafkaAccess) private readonly access: PartnerKafkaAccess | null,
  ) {}

  /** Creates the credential, or gives it a new password (the old one stops working for new connections). */
  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  async grant(@Param() params: unknown): Promise<KafkaCredential> {
    const { organisationId } = parseOrProblem(partnerParams, params);
    const access = this.#access();
    const partner = await this.partners.get(organisationId);
    if (!partner) throw ProblemError.notFound(`There is no partner for organisation ${organisationId}.`);
    const credential = await atTheBroker(`${organisationId}'s credential, topics and ACLs`, () => access.grant(partner));
    await this.partners.setKafkaSince(organisationId, 'now');
    return credential;
  }

  /** Removes the credential and the ACLs: the partner's next request on the broker is refused. */
  @Delete()
  @HttpCode(204)
  async revoke(@Param() params: unknown): Promise<void> {
    const { organisationId } = parseOrProblem(partnerParams, params);
    const access = this.#access();
    if (!(await this.partners.get(organisationId))) throw ProblemError.notFound(`There is no partner for organisation ${organisationId}.`);
    // The broker first: the partner is refused there before the gateway records the revocation.
    await atTheBroker(`the removal of ${organisationId}'s credential and ACLs`, () => access.revoke(organisationId));
    await this.partners.setKafkaSince(organisationId, null);
  }

  #access(): PartnerKafkaAccess {
    if (!this.access) throw ProblemError.conflict('This gateway runs without Kafka (KAFKA_BROKERS is not set): partners receive by webhook and pull only.');
    return this.access;
  }
}
