import { CE_SOURCE, CE_SPEC_VERSION } from './cloudevents-kafka.js';
import type { EventContract } from './event-registry.js';
import { dataSchemaUrn, EVENT_CONTRACTS, latestContract } from './event-types.js';
import { eventPayloadSchema, type JsonSchema } from './json-schema.js';
import { CLUSTER_NAMES, clusterTopic, DEAD_LETTER_TOPIC, PROGRAMME_TOPIC } from './topics.js';

const KAFKA_BINDING_VERSION = '0.5.0';
/** Bump the minor version when an event or version is added, the patch when only wording changes. */
const DOCUMENT_VERSION = '1.2.0';

export interface AsyncApiServer {
  readonly host: string;
  readonly protocol: 'kafka' | 'kafka-secure';
  readonly description?: string;
  readonly security?: readonly JsonSchema[];
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
  partners: {
    host: '127.0.0.1:9094',
    protocol: 'kafka',
    description: [
      "The broker's partner listener (SASL_PLAINTEXT, SCRAM-SHA-512; TLS in front of it in production). Connect with the username and",
      'password an ECAB admin gave you (security.protocol=SASL_PLAINTEXT, sasl.mechanism=SCRAM-SHA-512). You may read only your own',
      'topic of each cluster you are entitled to, and use only consumer groups whose id starts with `partner-<your organisation id>:`.',
    ].join(' '),
    security: [{ $ref: '#/components/securitySchemes/partnerScram' }],
  },
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

/** The partner topics: one per partner and entitled cluster (or `programme`), only that partner's principal may read it. */
const PARTNER_CHANNEL_ADDRESS = 'ecab.partner.{organisationId}.{scope}.v1';
const partnerMessageKey = (contract: EventContract) => `partner.${contract.ceType}`;

/** An integration event as partners get it, by webhook and on their topics: a CloudEvent in structured JSON mode. */
const PARTNER_CLOUD_EVENT: JsonSchema = {
  type: 'object',
  description:
    'A CloudEvent 1.0 in structured JSON mode (the same body as a webhook). No user names: only the recording organisation’s role. Drop duplicates by id.',
  properties: {
    specversion: text('CloudEvents spec version', { const: '1.0' }),
    id: text('The event id: stable across redeliveries, use it to drop duplicates'),
    source: text('Where integration events come from', { const: '/ecab/portfolio/partners' }),
    type: text('ecab.<aggregate>.<event>.v<N>; ignore types you do not know'),
    subject: text('The project id (also the message key: a project’s events are in order on one partition); the programme id for programme events'),
    time: text('When the event was recorded (RFC 3339)', { format: 'date-time' }),
    datacontenttype: text('Media type of data', { const: 'application/json' }),
    dataschema: text('URN of the JSON Schema of data (urn:ecab:schema:<type>), published as schemas/<type>.json'),
    cluster: text('The project’s cluster, or "programme"'),
    countries: text('The project’s recipient countries when recorded, comma-separated (ISO 3166-1 alpha-2); empty for programme events'),
    recorderrole: text('The role of the organisation that recorded the event', { const: 'portfolio-secretariat' }),
    illustrative: text('"true" when a value in data has confidence illustrative (absent otherwise)', { const: 'true' }),
    data: { type: 'object', description: 'The event data, as its JSON Schema (dataschema) describes' },
  },
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'cluster', 'countries', 'recorderrole', 'data'],
  additionalProperties: true,
};

function partnerMessage(contract: EventContract): JsonSchema {
  return {
    name: `Partner${contract.type}`,
    title: `${contract.type} v${contract.schemaVersion} (integration event)`,
    summary: contract.description,
    description: `CloudEvents type \`${contract.ceType}\` in structured JSON mode; data schema \`${dataSchemaUrn(contract)}\`.`,
    contentType: 'application/cloudevents+json',
    payload: {
      allOf: [
        ref('#/components/schemas/PartnerCloudEvent'),
        {
          type: 'object',
          properties: {
            type: { const: contract.ceType },
            dataschema: { const: dataSchemaUrn(contract) },
            data: ref(`#/components/schemas/${componentKey(contract)}`),
          },
        },
      ],
    },
    bindings: { kafka: { key: PROJECT_KEY, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

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
  const partnerContracts = EVENT_CONTRACTS.filter((c) => c.partnerFacing && latestContract(c.type) === c);
  channels['partner'] = {
    address: PARTNER_CHANNEL_ADDRESS,
    title: 'Partner topics',
    description: [
      'Your own topic per entitled cluster (and `programme` for programme-wide events): exactly the integration events your entitlements',
      'allow (clusters, countries, event types, audiences, illustrative setting), in order per project. Published at least once: a',
      'redelivery has the same CloudEvents id. Internal events never reach these topics. With a topic prefix (test brokers), it comes first.',
    ].join(' '),
    servers: [ref('#/servers/partners')],
    parameters: {
      organisationId: { description: 'Your organisation id, as registered by ECAB admins (e.g. XM-DAC-46004)' },
      scope: { enum: [...CLUSTER_NAMES, 'programme'], description: 'A cluster you are entitled to, or programme' },
    },
    messages: Object.fromEntries(partnerContracts.map((c) => [partnerMessageKey(c), ref(`#/components/messages/${partnerMessageKey(c)}`)])),
  };
  operations['receive-partner'] = {
    action: 'receive',
    channel: ref('#/channels/partner'),
    title: 'Receive your integration events',
    description: 'Authenticate with SCRAM-SHA-512 on the partner listener; read your topics with a consumer group of your own prefix.',
    messages: partnerContracts.map((c) => ref(`#/channels/partner/messages/${partnerMessageKey(c)}`)),
    bindings: {
      kafka: {
        groupId: text('Starts with partner-<your organisation id>: (e.g. partner-XM-DAC-46004:analytics); the broker refuses other groups', {
          pattern: '^partner-[A-Za-z0-9][A-Za-z0-9._-]{1,63}:.+$',
        }),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
  channels['dead-letters'] = {
    address: DEAD_LETTER_TOPIC,
    title: DEAD_LETTER_TOPIC,
    description: 'Messages a platform consumer could not decode or apply, parked for operators. Not open to partners.',
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
        'Partners read only the partner channel (server `partners`, SCRAM-SHA-512): their own topics, with their entitled',
        'integration events as structured CloudEvents; the other channels are the platform’s internal topics.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: { ...(options.servers ?? DEVELOPMENT_SERVERS) },
    channels,
    operations,
    components: {
      securitySchemes: {
        partnerScram: {
          type: 'scramSha512',
          description: 'SASL/SCRAM-SHA-512 with the credential ECAB admins issue per partner (username partner-<organisation id>).',
        },
      },
      schemas: {
        CloudEventHeaders: CLOUD_EVENT_HEADERS,
        PartnerCloudEvent: PARTNER_CLOUD_EVENT,
        DeadLetterHeaders: DEAD_LETTER_HEADERS,
        ...Object.fromEntries(EVENT_CONTRACTS.map((c) => [componentKey(c), eventPayloadSchema(c)])),
      },
      messages: {
        ...Object.fromEntries(EVENT_CONTRACTS.map((c) => [componentKey(c), message(c)])),
        ...Object.fromEntries(
          EVENT_CONTRACTS.filter((c) => c.partnerFacing && latestContract(c.type) === c).map((c) => [partnerMessageKey(c), partnerMessage(c)]),
        ),
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
