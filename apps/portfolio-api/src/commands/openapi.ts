import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { serveOpenApi as serveOpenApiAt } from '@ecab/platform';
import { COMMAND_ENDPOINTS } from './command-table.js';

/**
 * The OpenAPI document of the commands, made by @nestjs/swagger from the controllers; the request
 * bodies are the JSON Schemas of the same zod schemas that validate them, with each endpoint's example.
 * Those are JSON Schema 2020-12 (numeric exclusiveMinimum…), which is OpenAPI 3.1's dialect, not 3.0's.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('ECAB Portfolio API')
    .setDescription(
      'Commands of the Economic Corridor Almaty–Bishkek portfolio. Every command answers the id it acted on, the stream version (ETag; send it back as If-Match) and a consistentWith token for the views. Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  const example = { projectId: 'ECAB-TR-01', unique: 'example' };
  for (const endpoint of COMMAND_ENDPOINTS) {
    const path = `/api/v1/${endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const operation = document.paths[path]?.[endpoint.method];
    if (!operation) continue;
    operation.operationId = endpoint.name;
    const content = (operation.requestBody as { content?: Record<string, { example?: unknown }> } | undefined)?.content?.['application/json'];
    if (content) content.example = endpoint.example(example).body;
  }
  return document;
}

export function serveOpenApi(app: INestApplication): void {
  serveOpenApiAt(app, () => openApiDocument(app));
}
