import type { EventContract } from './event-registry.js';
import { dataSchemaUrn } from './event-types.js';
import type { JsonSchema } from './json-schema.js';
import { PARTNER_CLOUD_EVENT, partnerContracts, text } from './partner-events.js';
import { CLUSTER_NAMES } from './topics.js';

/**
 * What a partner agency reads in the AsyncAPI document: its integration events, and the three ways to receive them —
 * webhooks (its sink, Standard Webhooks), pull from the partner gateway (long poll, Server-Sent Events, a snapshot to
 * start from) and its own Kafka topics on the SCRAM listener. The rest of the document is the platform's internal topics.
 */

const HTTP_BINDING_VERSION = '0.3.0';
/** The partner topics: one per partner and entitled cluster (or `programme`), only that partner's principal may read it. */
const PARTNER_CHANNEL_ADDRESS = 'ecab.partner.{organisationId}.{scope}.v1';
const partnerMessageKey = (contract: EventContract) => `partner.${contract.ceType}`;
const partnerPayloadKey = (contract: EventContract) => `Partner.${contract.ceType}`;
const ref = (pointer: string) => ({ $ref: pointer });
const PROJECT_KEY: JsonSchema = text('The project id (subject): a project’s events are in order on one partition');

export const PARTNER_SERVERS = {
  partners: {
    host: '127.0.0.1:9094',
    protocol: 'kafka',
    description: [
      "The broker's partner listener (SASL_PLAINTEXT, SCRAM-SHA-512; TLS in front of it in production). Connect with the username and",
      'password an ECAB admin gave you (security.protocol=SASL_PLAINTEXT, sasl.mechanism=SCRAM-SHA-512). You may read only your own',
      'topic of each cluster you are entitled to, and use only consumer groups whose id starts with `partner-<your organisation id>:`.',
    ].join(' '),
    security: [ref('#/components/securitySchemes/partnerScram')],
  },
  gateway: {
    host: '127.0.0.1:3003',
    protocol: 'http',
    pathname: '/api/v1',
    description: 'The partner gateway (HTTPS in production). Send your API key (`ecabpk_…`, from an ECAB admin) as a bearer token.',
    security: [ref('#/components/securitySchemes/partnerKey')],
  },
  sink: {
    host: '{sinkHost}',
    protocol: 'https',
    description: 'Your webhook endpoint: the `sink` of your subscription (`https`; the gateway refuses private and loopback addresses).',
    variables: { sinkHost: { description: 'The host (and port) of your sink URL' } },
  },
} as const;

export const PARTNER_SECURITY_SCHEMES = {
  partnerScram: {
    type: 'scramSha512',
    description: 'SASL/SCRAM-SHA-512 with the credential ECAB admins issue per partner (username partner-<organisation id>).',
  },
  partnerKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'Your partner API key (`ecabpk_…`). Several may be current at once (rotation); a revoked key is refused at once.',
  },
} as const;

/** One partner-facing type and version: the CloudEvent with its type, schema URN and data. */
function partnerPayload(contract: EventContract): JsonSchema {
  return {
    allOf: [
      ref('#/components/schemas/PartnerCloudEvent'),
      {
        type: 'object',
        properties: {
          type: { const: contract.ceType },
          dataschema: { const: dataSchemaUrn(contract) },
          data: ref(`#/components/schemas/${contract.ceType}`),
        },
      },
    ],
  };
}

function partnerMessage(contract: EventContract): JsonSchema {
  return {
    name: `Partner${contract.type}`,
    title: `${contract.type} v${contract.schemaVersion} (integration event)`,
    summary: contract.description,
    description: `CloudEvents type \`${contract.ceType}\` in structured JSON mode; data schema \`${dataSchemaUrn(contract)}\`.`,
    contentType: 'application/cloudevents+json',
    payload: ref(`#/components/schemas/${partnerPayloadKey(contract)}`),
    bindings: { kafka: { key: PROJECT_KEY, bindingVersion: '0.5.0' } },
  };
}

const ANY_PARTNER_EVENT = (): JsonSchema => ({ oneOf: partnerContracts().map((c) => ref(`#/components/schemas/${partnerPayloadKey(c)}`)) });

const WEBHOOK_HEADERS: JsonSchema = {
  type: 'object',
  description: 'Standard Webhooks 1.0 headers. Verify the signature with any Standard Webhooks library and refuse timestamps older than 5 minutes.',
  properties: {
    'webhook-id': text('The event id, the same on every retry and replay: deduplicate on it'),
    'webhook-timestamp': text('Unix seconds of this attempt', { pattern: '^[0-9]+$' }),
    'webhook-signature': text(
      'Space-separated `v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64-decoded part of your `whsec_` secret; one per secret during a rotation',
    ),
    'content-type': text('Media type of the body', { const: 'application/json' }),
  },
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
};

const PULL_PAGE: JsonSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: ANY_PARTNER_EVENT() },
    nextCursor: text('Pass as `after` to go on; the same cursor when nothing arrived within `wait`', { pattern: '^[0-9]+$' }),
  },
  required: ['items', 'nextCursor'],
};

const SNAPSHOT_PAGE: JsonSchema = {
  type: 'object',
  properties: {
    cursor: text('The pull cursor every page of this snapshot is consistent with: then follow with GET /events?after=<cursor>', { pattern: '^[0-9]+$' }),
    items: {
      type: 'array',
      items: {
        type: 'object',
        description:
          'One subject folded from exactly the integration events you may receive up to `cursor`: `kind` (project or programme), `subject`, `cluster`, `countries`, `lastSequence`, `updatedAt`, `illustrative`; a project adds `registration`, `status`, `approval`, `dates`, `agreements` (with `totals` per currency: committed, cancelled, received, disbursed, spent, as exact decimal strings), `contracts`, `milestones`, `verifiedActuals`, `ratings` (funders and co-chairs only); the programme adds `governanceMeetings`.',
        properties: { kind: { enum: ['project', 'programme'] }, subject: { type: 'string' }, lastSequence: { type: 'string' } },
        required: ['kind', 'subject', 'lastSequence'],
      },
    },
    nextPage: { type: ['string', 'null'], description: 'Pass as `page` for the next page; null on the last' },
  },
  required: ['cursor', 'items', 'nextPage'],
};

const WEBHOOKS_DESCRIPTION = [
  'Subscribe with `POST /api/v1/subscriptions` on the gateway: `{"sink":"https://…","protocol":"HTTP","types":[…],"filters":[…]}` (CloudEvents',
  'Subscriptions API shape; filters `exact`, `prefix`, `suffix`, `all`, `any`, `not` over the attributes above), always within your entitlements;',
  'the answer carries the `whsec_` signing secret, once. Each message is POSTed to your sink as the CloudEvent; answer 2xx to accept it.',
  'Order: a project’s messages come one at a time, in order (the next waits until the previous was accepted); other projects are not held up.',
  'Retries: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, with a 15 s timeout; redirects are not followed; `429`/`503` with `Retry-After`',
  'wait at least that long; `410 Gone`, or 5 days of failures, disables the subscription (`POST …/enable` to resume). Operations on',
  '`/api/v1/subscriptions/{id}`: `attempts` (the attempt log), `failed` (messages whose whole schedule failed; they hold their project),',
  '`POST recover` `{"since":…,"until":…}` and `POST replay` `{"fromPosition":"<sequence>"}` or `{"fromTime":…}`: background jobs answering 202 with',
  '`Location: …/jobs/{jobId}`, whose `status` (queued, running, done, failed), `total`, `done`, `failed`, `rate` and `eta` show their progress.',
].join(' ');

const PULL_DESCRIPTION = [
  '`GET /api/v1/events?after=<cursor>&limit=…&wait=<s ≤ 30>` answers the next entitled events after the cursor (long poll with `wait`), with',
  '`type`, `cluster`, `country`, `subject` (comma-separated) and `filters` (the subscription filters as JSON) to narrow them.',
  '`GET /api/v1/events/stream` sends the same as Server-Sent Events and keeps following: `id` is the cursor (reconnect with `Last-Event-ID`),',
  '`event` the CloudEvents type, `data` the CloudEvent; a heartbeat every 15 s re-checks the key (`key-revoked` ends the stream).',
  'A new partner starts from `GET /api/v1/snapshot` (pages of the current state of every subject it may see, all at one `cursor`) and then pulls after that cursor:',
  'every later event once, none the snapshot already holds.',
].join(' ');

/** The partner channels and operations: Kafka topics, webhooks, pull and the snapshot. */
export function partnerChannels(kafkaBindingVersion: string): { channels: Record<string, JsonSchema>; operations: Record<string, JsonSchema> } {
  const contracts = partnerContracts();
  const byKafka = contracts.map((c) => ref(`#/channels/partner/messages/${partnerMessageKey(c)}`));
  const channels: Record<string, JsonSchema> = {
    partner: {
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
      messages: Object.fromEntries(contracts.map((c) => [partnerMessageKey(c), ref(`#/components/messages/${partnerMessageKey(c)}`)])),
    },
    webhooks: {
      address: null,
      title: 'Webhooks',
      description: WEBHOOKS_DESCRIPTION,
      servers: [ref('#/servers/sink')],
      messages: { webhook: ref('#/components/messages/webhook') },
    },
    'event-stream': {
      address: '/events/stream',
      title: 'Pull: events and the event stream',
      description: PULL_DESCRIPTION,
      servers: [ref('#/servers/gateway')],
      messages: { 'stream-event': ref('#/components/messages/stream-event'), 'pull-page': ref('#/components/messages/pull-page') },
    },
    snapshot: {
      address: '/snapshot',
      title: 'Snapshot',
      description: 'GET /api/v1/snapshot?limit=…&page=<nextPage>: the current state of the subjects you may see, to start from; then pull after its `cursor`.',
      servers: [ref('#/servers/gateway')],
      messages: { 'snapshot-page': ref('#/components/messages/snapshot-page') },
    },
  };
  const operations: Record<string, JsonSchema> = {
    'receive-partner': {
      action: 'receive',
      channel: ref('#/channels/partner'),
      title: 'Receive your integration events on Kafka',
      description: 'Authenticate with SCRAM-SHA-512 on the partner listener; read your topics with a consumer group of your own prefix.',
      messages: byKafka,
      bindings: {
        kafka: {
          groupId: text('Starts with partner-<your organisation id>: (e.g. partner-XM-DAC-46004:analytics); the broker refuses other groups', {
            pattern: '^partner-[A-Za-z0-9][A-Za-z0-9._-]{1,63}:.+$',
          }),
          bindingVersion: kafkaBindingVersion,
        },
      },
    },
    'receive-webhooks': {
      action: 'receive',
      channel: ref('#/channels/webhooks'),
      title: 'Receive your integration events by webhook',
      description: 'Your sink receives one POST per message, signed per Standard Webhooks; see the channel for subscribing, order, retries and recovery.',
      messages: [ref('#/channels/webhooks/messages/webhook')],
      bindings: { http: { method: 'POST', bindingVersion: HTTP_BINDING_VERSION } },
    },
    'receive-event-stream': {
      action: 'receive',
      channel: ref('#/channels/event-stream'),
      title: 'Follow your integration events as Server-Sent Events',
      messages: [ref('#/channels/event-stream/messages/stream-event')],
      bindings: { http: { method: 'GET', bindingVersion: HTTP_BINDING_VERSION } },
    },
    'pull-events': {
      action: 'send',
      channel: ref('#/channels/event-stream'),
      title: 'Pull your integration events (GET /api/v1/events, long poll)',
      description: 'A GET with `after` (the last `nextCursor`, 0 at first), `limit`, `wait` and the filters; the reply is a page of events.',
      bindings: { http: { method: 'GET', bindingVersion: HTTP_BINDING_VERSION } },
      reply: { channel: ref('#/channels/event-stream'), messages: [ref('#/channels/event-stream/messages/pull-page')] },
    },
    'get-snapshot': {
      action: 'send',
      channel: ref('#/channels/snapshot'),
      title: 'Read the snapshot to start from (GET /api/v1/snapshot)',
      bindings: { http: { method: 'GET', bindingVersion: HTTP_BINDING_VERSION } },
      reply: { channel: ref('#/channels/snapshot'), messages: [ref('#/channels/snapshot/messages/snapshot-page')] },
    },
  };
  return { channels, operations };
}

/** The components the partner channels refer to. */
export function partnerComponents(): { schemas: Record<string, JsonSchema>; messages: Record<string, JsonSchema> } {
  const contracts = partnerContracts();
  return {
    schemas: {
      PartnerCloudEvent: PARTNER_CLOUD_EVENT,
      ...Object.fromEntries(contracts.map((c) => [partnerPayloadKey(c), partnerPayload(c)])),
    },
    messages: {
      ...Object.fromEntries(contracts.map((c) => [partnerMessageKey(c), partnerMessage(c)])),
      webhook: {
        name: 'Webhook',
        title: 'An integration event by webhook',
        contentType: 'application/json',
        headers: WEBHOOK_HEADERS,
        payload: ANY_PARTNER_EVENT(),
      },
      'stream-event': {
        name: 'StreamEvent',
        title: 'An integration event on the Server-Sent Events stream',
        description:
          'An SSE message: `id: <sequence>`, `event: <type>`, `data: <the CloudEvent as JSON>`. Other events: `key-revoked`, `closing`, `error` (reconnect).',
        contentType: 'text/event-stream',
        payload: ANY_PARTNER_EVENT(),
      },
      'pull-page': { name: 'PullPage', title: 'A page of pulled events', contentType: 'application/json', payload: PULL_PAGE },
      'snapshot-page': { name: 'SnapshotPage', title: 'A page of the snapshot', contentType: 'application/json', payload: SNAPSHOT_PAGE },
    },
  };
}
