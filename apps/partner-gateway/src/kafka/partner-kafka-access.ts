import { ProblemError } from '@ecab/platform';
import { partnerTopic } from '@ecab/contracts';
import {
  createKafka,
  deleteScramCredential,
  ensureTopics,
  prefixed,
  revokeGrant,
  syncReadOnlyGrant,
  upsertScramCredential,
  type KafkaSettings,
  type LogSink,
} from '@ecab/messaging';
import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Partner } from '../partners/partner.js';

/** What a partner needs to connect, answered once when the credential is created (the password is not kept). */
export interface KafkaCredential {
  mechanism: 'SCRAM-SHA-512';
  securityProtocol: 'SASL_PLAINTEXT';
  bootstrapServers: string[];
  username: string;
  password: string;
  groupPrefix: string;
  topics: string[];
}

export interface PartnerKafkaSettings {
  kafka: KafkaSettings;
  /** The broker's partner listener (SASL/SCRAM) as partners reach it, e.g. 127.0.0.1:9094. */
  partnerBrokers: string[];
}

/**
 * A partner's principal on the broker, its topics and ACLs. The principal is `partner-<organisation id>` (after
 * the topic prefix, so test suites sharing a broker do not meet); it may READ and DESCRIBE its own topic of each
 * entitled cluster and READ consumer groups starting with `<principal>:` (a character no organisation id has,
 * so one partner's prefix never covers another's groups). Nothing else: no write, no other topic, no cluster.
 */
export class PartnerKafkaAccess {
  readonly #kafka: Kafka;

  constructor(
    private readonly settings: PartnerKafkaSettings,
    sink?: LogSink,
  ) {
    this.#kafka = createKafka(settings.kafka, sink);
  }

  principal(organisationId: string): string {
    return `${this.settings.kafka.topicPrefix}partner-${organisationId}`;
  }

  groupPrefix(organisationId: string): string {
    return `${this.principal(organisationId)}:`;
  }

  /** The partner's topic of an entitlement scope (a cluster or the programme), with the topic prefix. */
  topic(organisationId: string, scope: string): string {
    return prefixed(this.settings.kafka, partnerTopic(organisationId, scope));
  }

  topics(partner: Pick<Partner, 'organisationId' | 'entitlements'>): string[] {
    return partner.entitlements.clusters.map((scope) => this.topic(partner.organisationId, scope));
  }

  /** Creates the credential (or a new password for it), the partner's topics and its ACLs. */
  async grant(partner: Partner): Promise<KafkaCredential> {
    const username = this.principal(partner.organisationId);
    const password = randomBytes(32).toString('base64url');
    await this.sync(partner);
    await upsertScramCredential(this.settings.kafka.brokers, username, password);
    return {
      mechanism: 'SCRAM-SHA-512',
      securityProtocol: 'SASL_PLAINTEXT',
      bootstrapServers: this.settings.partnerBrokers,
      username,
      password,
      groupPrefix: this.groupPrefix(partner.organisationId),
      topics: this.topics(partner),
    };
  }

  /** Topics and ACLs after the entitlements: a cluster taken away closes its topic to the partner at once. */
  async sync(partner: Partner): Promise<void> {
    const topics = this.topics(partner);
    // ensureTopics prefixes the names itself: give it the unprefixed ones.
    await ensureTopics(
      this.#kafka,
      this.settings.kafka,
      partner.entitlements.clusters.map((scope) => partnerTopic(partner.organisationId, scope)),
    );
    const admin = this.#kafka.admin();
    await admin.connect();
    try {
      await syncReadOnlyGrant(admin, { principal: this.principal(partner.organisationId), topics, groupPrefix: this.groupPrefix(partner.organisationId) });
    } finally {
      await admin.disconnect();
    }
  }

  /** Removes the credential and every ACL; the partner's topics stay (their retention ends them). */
  async revoke(organisationId: string): Promise<void> {
    await deleteScramCredential(this.settings.kafka.brokers, this.principal(organisationId));
    const admin = this.#kafka.admin();
    await admin.connect();
    try {
      await revokeGrant(admin, this.principal(organisationId));
    } finally {
      await admin.disconnect();
    }
  }
}

/**
 * A change at the broker, answered 503 (Retry-After) when the broker does not take it: each caller makes it before
 * saving anything, so the request changed nothing and may simply be repeated.
 */
export async function atTheBroker<T>(what: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    throw ProblemError.unavailable(
      `The Kafka broker did not take ${what} (${error instanceof Error ? error.message : String(error)}); nothing was saved: repeat the request.`,
    );
  }
}
