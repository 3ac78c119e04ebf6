import { buildAsyncApiDocument } from './asyncapi.js';
import { partnerContracts, partnerEventJsonSchema } from './partner-events.js';
import { EVENT_CONTRACTS } from './event-types.js';
import { eventJsonSchema } from './json-schema.js';

/** Where a published file lives, relative to the package root. */
export const SCHEMAS_DIRECTORY = 'schemas';
export const ASYNCAPI_FILE = 'asyncapi.json';

export function schemaFilePath(ceType: string): string {
  return `${SCHEMAS_DIRECTORY}/${ceType}.json`;
}

/** The whole CloudEvent a partner receives of one type (envelope and data), by webhook, pull or its Kafka topics. */
export function partnerSchemaFilePath(ceType: string): string {
  return `${SCHEMAS_DIRECTORY}/partner/${ceType}.json`;
}

const asFile = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The files partners read, as the code generates them now: one JSON Schema per event type and version (its data),
 * one per partner-facing type of the integration event partners receive, and the AsyncAPI document. `npm run generate` writes them; a test fails when the committed ones differ.
 */
export function publishedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const contract of EVENT_CONTRACTS) files.set(schemaFilePath(contract.ceType), asFile(eventJsonSchema(contract)));
  for (const contract of partnerContracts()) files.set(partnerSchemaFilePath(contract.ceType), asFile(partnerEventJsonSchema(contract)));
  files.set(ASYNCAPI_FILE, asFile(buildAsyncApiDocument()));
  return files;
}
