import type { EventContract } from './event-registry.js';
import { dataSchemaUrn, EVENT_CONTRACTS, latestContract } from './event-types.js';
import { eventJsonSchema, JSON_SCHEMA_2020_12, type JsonSchema } from './json-schema.js';

/**
 * The integration events partner agencies receive, whichever way they receive them (webhook, pull, their Kafka
 * topics): which types, the CloudEvent envelope, and the JSON Schema published for each type.
 */

/** A string property with its description. */
export const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });

/** The latest version of every partner-facing type: what partners receive. */
export const partnerContracts = (): EventContract[] => EVENT_CONTRACTS.filter((c) => c.partnerFacing && latestContract(c.type) === c);

/** An integration event as partners get it, by webhook, by pull and on their topics: a CloudEvent in structured JSON mode. */
export const PARTNER_CLOUD_EVENT: JsonSchema = {
  type: 'object',
  description:
    'A CloudEvent 1.0 in structured JSON mode (the same body by webhook, pull and Kafka). No user names: only the recording organisation’s role. Drop duplicates by id.',
  properties: {
    specversion: text('CloudEvents spec version', { const: '1.0' }),
    id: text('The event id: stable across redeliveries (the webhook-id), use it to drop duplicates'),
    source: text('Where integration events come from', { const: '/ecab/portfolio/partners' }),
    type: text('ecab.<aggregate>.<event>.v<N>; ignore types you do not know'),
    subject: text('The project id (also the Kafka message key: a project’s events are in order on one partition); the programme id for programme events'),
    time: text('When the event was recorded (RFC 3339)', { format: 'date-time' }),
    datacontenttype: text('Media type of data', { const: 'application/json' }),
    dataschema: text('URN of the JSON Schema of data (urn:ecab:schema:<type>), published as schemas/<type>.json'),
    cluster: text('The project’s cluster, or "programme"'),
    countries: text('The project’s recipient countries when recorded, comma-separated (ISO 3166-1 alpha-2); empty for programme events'),
    recorderrole: text('The role of the organisation that recorded the event', { const: 'portfolio-secretariat' }),
    illustrative: text('"true" when a value in data has confidence illustrative (absent otherwise)', { const: 'true' }),
    sequence: text('By webhook and pull: the pull cursor of the event (its position in the gateway’s log); replay and pull start after one', {
      pattern: '^[0-9]+$',
    }),
    data: { type: 'object', description: 'The event data, as its JSON Schema (dataschema) describes' },
  },
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'cluster', 'countries', 'recorderrole', 'data'],
  additionalProperties: true,
};

/**
 * The published JSON Schema (2020-12) of the integration event of one partner-facing type, as a partner receives it:
 * the CloudEvent envelope with its `type` and `dataschema`, and the data's own schema embedded.
 */
export function partnerEventJsonSchema(contract: EventContract): JsonSchema {
  const { $schema: _dialect, ...data } = eventJsonSchema(contract);
  const { required, properties, ...envelope } = PARTNER_CLOUD_EVENT as { required: string[]; properties: Record<string, JsonSchema> };
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: `urn:ecab:partner-schema:${contract.ceType}`,
    title: `${contract.type} v${contract.schemaVersion} as partners receive it (${contract.ceType})`,
    ...envelope,
    properties: { ...properties, type: { const: contract.ceType }, dataschema: { const: dataSchemaUrn(contract) }, data },
    required,
  };
}
