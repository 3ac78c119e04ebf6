import { z } from 'zod';
import type { EventContract } from './event-registry.js';
import { dataSchemaUrn } from './event-types.js';

/** A JSON Schema document, as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** zod writes the open `additionalProperties` of a loose object as `{}`; `true` says the same more plainly. */
function openObjectsAsTrue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openObjectsAsTrue);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const empty = typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length === 0;
      return [key, key === 'additionalProperties' && empty ? true : openObjectsAsTrue(inner)];
    }),
  );
}

function generated(contract: EventContract, target: 'draft-2020-12' | 'draft-7'): JsonSchema {
  const { $schema: _dialect, ...body } = z.toJSONSchema(contract.schema, { target, io: 'input', unrepresentable: 'throw' });
  return openObjectsAsTrue(body) as JsonSchema;
}

/** The published JSON Schema (2020-12) of one event version's data; `$id` is what `ce_dataschema` carries. */
export function eventJsonSchema(contract: EventContract): JsonSchema {
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: dataSchemaUrn(contract),
    title: `${contract.type} v${contract.schemaVersion} (${contract.ceType})`,
    description: contract.description,
    ...generated(contract, 'draft-2020-12'),
  };
}

/**
 * The same schema in the dialect AsyncAPI 3.0 embeds (its Schema Object extends draft-07), without `$id`
 * so that the parser does not try to fetch the URN.
 */
export function eventPayloadSchema(contract: EventContract): JsonSchema {
  return { title: contract.type, description: contract.description, ...generated(contract, 'draft-7') };
}
