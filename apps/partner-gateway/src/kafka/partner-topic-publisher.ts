import { createKafka, type KafkaSettings, type LogSink } from '@ecab/messaging';
import type { Message, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { IntegrationCloudEvent } from '../integration/integration-event.js';
import type { IntegrationLog } from '../integration/integration-log.js';
import { isEntitled, type Partner } from '../partners/partner.js';
import type { PartnerStore } from '../partners/partner-store.js';
import type { PartnerKafkaAccess } from './partner-kafka-access.js';
import { PollLoop } from '../workers/poll-loop.js';

interface LogRow {
  seq: string;
  cloudevent: IntegrationCloudEvent;
  type: string;
  cluster: string;
  countries: string[];
  illustrative: boolean;
}

export interface PublisherSettings {
  /** How long to wait for new events when the log is exhausted (an append wakes it sooner). */
  pollMs: number;
  batchSize: number;
}

/**
 * Publishes the integration log to the partners' own topics: each event, to each partner with Kafka access that
 * is entitled to it, as the CloudEvent the webhooks send (structured JSON mode), keyed by its subject (the project),
 * so a project's events keep their order on one partition.
 *
 * Guarantee: at least once, in log order. A batch is sent (idempotent producer, all replicas) and then the
 * checkpoint (gateway_kafka_checkpoint) moves past it, in one transaction holding the checkpoint row: two gateway
 * instances never publish the same batch at once. Only a crash between the broker's acknowledgement and the commit
 * sends a batch again, with the same CloudEvents `id`: consumers drop duplicates by `id`.
 */
export class PartnerTopicPublisher {
  readonly #producer: Producer;
  readonly #loop: PollLoop;

  constructor(
    private readonly deps: { dataSource: DataSource; log: IntegrationLog; partners: PartnerStore; access: PartnerKafkaAccess; logger: LogSink },
    kafka: KafkaSettings,
    private readonly settings: PublisherSettings,
  ) {
    this.#producer = createKafka(kafka, deps.logger).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.#loop = new PollLoop({
      // A full batch: there may be more, look again at once. Less: it reached the end of the log as it was read;
      // what was appended since wakes the wait at once (the mark).
      round: async () => (await this.publishOnce()) >= settings.batchSize,
      mark: () => deps.log.appendMark,
      waitForWork: (mark, ms, signal) => deps.log.waitForAppend(ms, signal, mark),
      pollMs: settings.pollMs,
      failure: 'publishing to the partner topics failed; retrying',
      logger: deps.logger,
    });
  }

  async start(): Promise<void> {
    await this.#producer.connect();
    this.#loop.start();
  }

  async stop(): Promise<void> {
    await this.#loop.stop();
    await this.#producer.disconnect();
  }

  /** Publishes the next batch after the checkpoint; answers how many log events it covered (0: caught up). */
  async publishOnce(): Promise<number> {
    if (await this.#passedByWithoutReaders()) return 0;
    return this.deps.dataSource.transaction(async (manager) => {
      const [checkpoint]: { last_seq: string }[] = await manager.query('select last_seq::text as last_seq from gateway_kafka_checkpoint for update');
      const rows: LogRow[] = await manager.query(
        `select seq::text as seq, cloudevent, type, cluster, countries, illustrative from gateway_integration_events where seq > $1 order by gateway_integration_events.seq limit $2`,
        [checkpoint?.last_seq ?? '0', this.settings.batchSize],
      );
      if (rows.length === 0) return 0;
      const topicMessages = this.#messages(rows, await this.#partnersWithKafka(manager));
      if (topicMessages.length > 0) await this.#producer.sendBatch({ topicMessages, acks: -1 });
      await manager.query('update gateway_kafka_checkpoint set last_seq = $1, updated_at = now()', [rows.at(-1)!.seq]);
      return rows.length;
    });
  }

  /**
   * While no partner has Kafka access, the checkpoint follows the log's head in one statement: a round read every
   * new event back (and parsed its CloudEvent) to send it to nobody, for nearly every append under load. Answers
   * false, moving nothing, when a partner has access. One statement, one snapshot: a partner given access while it
   * runs gets what follows, as when the full round reads the partners after the events.
   */
  async #passedByWithoutReaders(): Promise<boolean> {
    const [row]: { passed: boolean }[] = await this.deps.dataSource.query(
      `with readers as (select exists (select 1 from gateway_partners where kafka_since is not null) as found),
            moved as (update gateway_kafka_checkpoint c set last_seq = head.seq, updated_at = now()
                        from (select max(seq) as seq from gateway_integration_events) head
                       where head.seq > c.last_seq and not (select found from readers))
       select not found as passed from readers`,
    );
    return row?.passed ?? false;
  }

  #messages(rows: readonly LogRow[], partners: readonly Partner[]): { topic: string; messages: Message[] }[] {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const scope = { type: row.type, cluster: row.cluster, countries: row.countries, illustrative: row.illustrative };
      for (const partner of partners) {
        if (!isEntitled(partner, scope)) continue;
        const topic = this.deps.access.topic(partner.organisationId, row.cluster);
        const messages = byTopic.get(topic) ?? [];
        messages.push({
          key: row.cloudevent.subject,
          value: JSON.stringify(row.cloudevent),
          headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
        });
        byTopic.set(topic, messages);
      }
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  async #partnersWithKafka(manager: EntityManager): Promise<Partner[]> {
    const rows: { organisation_id: string }[] = await manager.query('select organisation_id from gateway_partners where kafka_since is not null');
    const partners = await Promise.all(rows.map((row) => this.deps.partners.get(row.organisation_id)));
    return partners.filter((partner): partner is Partner => partner !== undefined && partner.kafkaSince !== null);
  }
}
