import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

/** Where every service serves its OpenAPI document: Swagger UI, and the document itself (public). */
export const OPENAPI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs/openapi.json';
export const OPENAPI_YAML_PATH = 'api/docs/openapi.yaml';

/** JSON Schema of a zod schema, for an OpenAPI document: the same schema that validates the request. */
export function openApiSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}

/**
 * Serves the document at /api/docs (Swagger UI), /api/docs/openapi.json and /api/docs/openapi.yaml.
 * The routes are registered on the HTTP adapter, outside the guarded controllers: the document is public.
 */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject | (() => OpenAPIObject)): void {
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, yamlDocumentUrl: OPENAPI_YAML_PATH });
}

export type { OpenAPIObject };
