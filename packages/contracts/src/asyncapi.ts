import { PARTNER_SECURITY_SCHEMES, PARTNER_SERVERS, partnerChannels, partnerComponents } from './asyncapi-partners.js';
import { CE_SOURCE, CE_SPEC_VERSION } from './cloudevents-kafka.js';
import type { EventContract } from './event-registry.js';
import { dataSchemaUrn, EVENT_CONTRACTS } from './event-types.js';
import { eventPayloadSchema, type JsonSchema } from './json-schema.js';
import { CLUSTER_NAMES, clusterTopic, DEAD_LETTER_TOPIC, PROGRAMME_TOPIC } from './topics.js';

const KAFKA_BINDING_VERSION = '0.5.0';
/** Bump the minor version when an event or version is added, the patch when only wording changes. */
const DOCUMENT_VERSION = '1.3.0';

export interface AsyncApiServer {
  readonly host: string;
  readonly protocol: 'kafka' | 'kafka-secure' | 'http' | 'https';
  readonly pathname?: string;
  readonly description?: string;
  readonly security?: readonly JsonSchema[];
  readonly variables?: Readonly<Record<string, JsonSchema>>;
}

/** An AsyncAPI 3.0 document, as plain JSON. */
export interface AsyncApiDocument {
  readonly asyncapi: string;
  readonly channels: Record<string, JsonSchema>;
  readonly operations: Record<string, JsonSchema>;
  readonly [keyword: string]: unknown;
}

export interface AsyncApiOptions {
  /** Partitions per topic (the platform's default is 6). */
  readonly partitions?: number;
  /** Replication factor (1 on the single-node development broker). */
  readonly replicas?: number;
  readonly servers?: Readonly<Record<string, AsyncApiServer>>;
}

const DEVELOPMENT_SERVERS: Record<string, AsyncApiServer> = {
  development: {
    host: '127.0.0.1:9092',
    protocol: 'kafka',
    description: "The single-node broker of infra/kafka (development and tests): the platform's own listener, not open to partners.",
  },
  ...PARTNER_SERVERS,
};

const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });

/** The CloudEvents 1.0 Kafka binary-mode headers `encodeCloudEvent` writes. */
const CLOUD_EVENT_HEADERS: JsonSchema = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes in Kafka binary content mode: one ce_ header each; the value is the data.',
  properties: {
    ce_specversion: text('CloudEvents spec version', { const: CE_SPEC_VERSION }),
    ce_id: text('The event id; unique, use it to drop duplicates'),
    ce_source: text('Who produced the event', { const: CE_SOURCE }),
    ce_type: text('ecab.<aggregate>.<event>.v<N>; ignore types you do not know'),
    ce_subject: text('The project id; for programme events the programme id, for organisation events the organisation id; also the message key'),
    ce_time: text('When the event was recorded (RFC 3339)', { format: 'date-time' }),
    ce_dataschema: text('URN of the JSON Schema of the value (urn:ecab:schema:<ce_type>)'),
    'content-type': text('Media type of the value', { const: 'application/json' }),
    ce_cluster: text('Extension: the ECAB cluster of the project', { enum: [...CLUSTER_NAMES] }),
    ce_streamid: text('Extension: the event stream (one per aggregate instance)'),
    ce_streamversion: text('Extension: position of the event in its stream, from 1; apply in order, skip what you have seen', {
      pattern: '^[1-9][0-9]*$',
    }),
    ce_partitionkey: text('Extension (partitioning): same as ce_subject'),
    ce_correlationid: text('Extension: the request that led to the event'),
    ce_causationid: text('Extension: the command or event that caused it'),
    ce_actor: text('Extension: who recorded it'),
    ce_traceparent: text('Extension (distributed tracing): W3C trace context'),
    ce_position: text('Extension: the global position of the event in the event store; unique, increases in insertion order (not strictly in commit order)', {
      pattern: '^[1-9][0-9]*$',
    }),
  },
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time', 'content-type'],
  additionalProperties: { type: 'string' },
};

const DEAD_LETTER_HEADERS: JsonSchema = {
  type: 'object',
  description: 'The original headers, kept as they were, plus where and why the message failed.',
  properties: {
    ecab_dlq_error: text('Why the consumer could not decode or apply the message'),
    ecab_dlq_topic: text('The topic it was read from'),
    ecab_dlq_partition: text('Its partition there'),
    ecab_dlq_offset: text('Its offset there'),
    ecab_dlq_group: text('The consumer group that gave up on it'),
  },
  required: ['ecab_dlq_error', 'ecab_dlq_topic'],
  additionalProperties: true,
};

const PROJECT_KEY: JsonSchema = text('The project id (ce_subject): every event of one project lands on one partition, in order');
const PROGRAMME_KEY: JsonSchema = text(
  'The programme id, or the organisation id for organisation events (ce_subject): the events of each land on one partition, in order',
);
const messageKey = (contract: EventContract): JsonSchema => (contract.topics === 'programme' ? PROGRAMME_KEY : PROJECT_KEY);

const ref = (pointer: string) => ({ $ref: pointer });
const componentKey = (contract: EventContract) => contract.ceType;

function message(contract: EventContract): JsonSchema {
  const key = componentKey(contract);
  return {
    name: contract.type,
    title: `${contract.type} v${contract.schemaVersion}`,
    summary: contract.description,
    description: contract.partnerFacing
      ? `CloudEvents type \`${contract.ceType}\`; data schema \`${dataSchemaUrn(contract)}\`.`
      : `CloudEvents type \`${contract.ceType}\`. Internal: not part of the partner contract; partners ignore it.`,
    contentType: 'application/json',
    headers: {
      allOf: [
        ref('#/components/schemas/CloudEventHeaders'),
        {
          type: 'object',
          properties: { ce_type: { const: contract.ceType }, ce_dataschema: { const: dataSchemaUrn(contract) } },
        },
      ],
    },
    payload: ref(`#/components/schemas/${key}`),
    correlationId: { description: 'The request that led to the event', location: '$message.header#/ce_correlationid' },
    bindings: { kafka: { key: messageKey(contract), bindingVersion: KAFKA_BINDING_VERSION } },
    'x-ecab-stored-type': contract.type,
    'x-ecab-schema-version': contract.schemaVersion,
    'x-ecab-partner-facing': contract.partnerFacing,
  };
}

interface Channel {
  readonly id: string;
  readonly address: string;
  readonly description: string;
  readonly contracts: readonly EventContract[];
}

/**
 * The AsyncAPI 3.0 document of the published events, generated from the contract registry: one channel
 * per topic, one message per event type and version, Kafka bindings, and what a partner receives.
 */
export function buildAsyncApiDocument(options: AsyncApiOptions = {}): AsyncApiDocument {
  const partitions = options.partitions ?? 6;
  const replicas = options.replicas ?? 1;
  const on = (topics: EventContract['topics']) => EVENT_CONTRACTS.filter((contract) => contract.topics === topics);
  const eventChannels: Channel[] = [
    ...CLUSTER_NAMES.map((cluster) => ({
      id: cluster,
      address: clusterTopic(cluster),
      description: `The events of the projects of the ${cluster} cluster, in order per project.`,
      contracts: on('cluster'),
    })),
    { id: 'programme', address: PROGRAMME_TOPIC, description: 'Programme-wide events, and events of no single cluster.', contracts: on('programme') },
  ];
  const kafkaChannel = (address: string) => ({ kafka: { topic: address, partitions, replicas, bindingVersion: KAFKA_BINDING_VERSION } });

  const channels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  for (const channel of eventChannels) {
    channels[channel.id] = {
      address: channel.address,
      title: channel.address,
      description: channel.description,
      messages: Object.fromEntries(channel.contracts.map((c) => [componentKey(c), ref(`#/components/messages/${componentKey(c)}`)])),
      bindings: kafkaChannel(channel.address),
    };
    operations[`receive-${channel.id}`] = {
      action: 'receive',
      channel: ref(`#/channels/${channel.id}`),
      title: `Receive the ${channel.id} events`,
      description: "For the platform's own services (its listener only); partners read their partner topics instead. Ignore ce_type values you do not know.",
      messages: channel.contracts.filter((c) => c.partnerFacing).map((c) => ref(`#/channels/${channel.id}/messages/${componentKey(c)}`)),
      bindings: {
        kafka: {
          groupId: text('The service’s own consumer group'),
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
  }
  const partners = partnerChannels(KAFKA_BINDING_VERSION);
  Object.assign(channels, partners.channels);
  Object.assign(operations, partners.operations);
  channels['dead-letters'] = {
    address: DEAD_LETTER_TOPIC,
    title: DEAD_LETTER_TOPIC,
    description:
      'Copies of the messages a platform consumer parked (could not decode or apply), for outside tooling; the parked messages themselves are retried or skipped at /api/v1/admin/parked-messages. Not open to partners.',
    messages: { 'dead-letter': ref('#/components/messages/dead-letter') },
    bindings: kafkaChannel(DEAD_LETTER_TOPIC),
  };
  operations['receive-dead-letters'] = {
    action: 'receive',
    channel: ref('#/channels/dead-letters'),
    title: 'Receive the dead letters',
    description: 'For ECAB operators only.',
    messages: [ref('#/channels/dead-letters/messages/dead-letter')],
  };

  const partner = partnerComponents();
  return {
    asyncapi: '3.0.0',
    id: 'urn:ecab:portfolio:events',
    info: {
      title: 'ECAB Portfolio events',
      version: DOCUMENT_VERSION,
      description: [
        'The events of the ECAB portfolio, as CloudEvents 1.0 in Kafka binary content mode: the ce_ headers carry the',
        'attributes and the value is the event data as JSON. Every event type is versioned in its ce_type',
        '(ecab.<aggregate>.<event>.v<N>); within a version only optional properties are ever added, so read',
        'tolerantly: ignore unknown properties and unknown ce_type values. The JSON Schema of each version is',
        'published as schemas/<ce_type>.json, with $id equal to the ce_dataschema header.',
        'Partners receive their entitled integration events as structured CloudEvents in three ways: by webhook (channel `webhooks`),',
        'by pull from the partner gateway (channels `event-stream` and `snapshot`, server `gateway`), or from their own Kafka topics',
        '(channel `partner`, server `partners`, SCRAM-SHA-512); the other channels are the platform’s internal topics.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: { ...(options.servers ?? DEVELOPMENT_SERVERS) },
    channels,
    operations,
    components: {
      securitySchemes: PARTNER_SECURITY_SCHEMES,
      schemas: {
        CloudEventHeaders: CLOUD_EVENT_HEADERS,
        ...partner.schemas,
        DeadLetterHeaders: DEAD_LETTER_HEADERS,
        ...Object.fromEntries(EVENT_CONTRACTS.map((c) => [componentKey(c), eventPayloadSchema(c)])),
      },
      messages: {
        ...Object.fromEntries(EVENT_CONTRACTS.map((c) => [componentKey(c), message(c)])),
        ...partner.messages,
        'dead-letter': {
          name: 'DeadLetter',
          title: 'Dead letter',
          summary: 'A message that could not be decoded or applied, as it was read, with the reason.',
          headers: ref('#/components/schemas/DeadLetterHeaders'),
          payload: { description: 'The original value, unchanged (it may not be JSON).' },
          bindings: { kafka: { key: text('The original key'), bindingVersion: KAFKA_BINDING_VERSION } },
        },
      },
    },
  };
}
