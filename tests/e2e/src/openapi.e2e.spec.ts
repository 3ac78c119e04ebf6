import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { EXPECTED_COMMANDS, EXPECTED_OTHER_OPERATIONS } from './expected-endpoints.js';
import { startApp, type AppProcess } from './platform-process.js';

interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown>; example?: unknown }> };
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  security?: unknown[];
}

/**
 * The OpenAPI documents at /api/docs. The API's is checked against the tests' own list of what it must
 * expose (expected-endpoints.ts), not against the table it is generated from: an operation missing from
 * either side fails.
 */
describe('the OpenAPI documents', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;
  let document: { openapi: string; paths: Record<string, Record<string, Operation>>; components?: { securitySchemes?: Record<string, unknown> } };

  beforeAll(async () => {
    database = await createTestDatabase('e2e_openapi');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined, API_URL: api.url });
    const response = await fetch(`${api.url}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as typeof document;
  });

  afterAll(async () => {
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('publishes exactly the listed operations: none missing, none unlisted', () => {
    const published = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const listed = [...EXPECTED_COMMANDS, ...EXPECTED_OTHER_OPERATIONS].map((o) => `${o.method} ${o.path}`);
    expect(published.length).toBeGreaterThan(EXPECTED_COMMANDS.length);
    expect({ notInTheList: published.filter((p) => !listed.includes(p)) }).toEqual({ notInTheList: [] });
    expect({ notInTheDocument: listed.filter((l) => !published.includes(l)) }).toEqual({ notInTheDocument: [] });
  });

  it('describes every listed command with its operationId, path parameters, body schema, example and answers', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(EXPECTED_COMMANDS.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const endpoint of EXPECTED_COMMANDS) {
      const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      if (!operation) {
        problems.push(`${endpoint.command}: no ${endpoint.method} ${endpoint.path}`);
        continue;
      }
      const content = operation.requestBody?.content?.['application/json'];
      if (operation.operationId !== endpoint.command) problems.push(`${endpoint.command}: operationId ${operation.operationId}`);
      if (content?.schema?.type !== 'object') problems.push(`${endpoint.command}: body schema ${JSON.stringify(content?.schema)}`);
      if (content?.schema?.additionalProperties !== false) problems.push(`${endpoint.command}: the body schema allows unknown fields, the endpoint does not`);
      if (content?.example === undefined) problems.push(`${endpoint.command}: no example`);
      const answers = Object.keys(operation.responses ?? {}).sort();
      const expectedAnswers = [String(endpoint.status), '400', '401', '403', '404', '409', '422'].sort();
      if (JSON.stringify(answers) !== JSON.stringify(expectedAnswers)) problems.push(`${endpoint.command}: answers ${answers} ≠ ${expectedAnswers}`);
      const declared = (operation.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort();
      const inPath = [...endpoint.path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!).sort();
      if (JSON.stringify(declared) !== JSON.stringify(inPath)) problems.push(`${endpoint.command}: path parameters ${declared} ≠ ${inPath}`);
      if (!operation.security?.length) problems.push(`${endpoint.command}: no bearer security`);
    }
    expect(problems).toEqual([]);
    expect(document.components?.securitySchemes).toHaveProperty('bearer');
  });

  it('describes the other listed operations with their success answer', () => {
    expect(EXPECTED_OTHER_OPERATIONS.length).toBeGreaterThan(0);
    const answers = EXPECTED_OTHER_OPERATIONS.map((o) => ({
      operation: `${o.method} ${o.path}`,
      answers: Object.keys(document.paths[o.path]?.[o.method.toLowerCase()]?.responses ?? {}),
    }));
    expect(answers).toEqual(EXPECTED_OTHER_OPERATIONS.map((o) => ({ operation: `${o.method} ${o.path}`, answers: [String(o.status)] })));
  });

  it('serves the interactive documentation without a token', async () => {
    for (const app of [api, views]) {
      const page = await fetch(`${app.url}/api/docs`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('swagger');
    }
  });

  // The generator (@nestjs/swagger, or the views' own builder) is not asked: an independent validator is,
  // against the schema of the OpenAPI version the document declares (JSON Schema 2020-12 needs 3.1).
  it('publishes documents that an independent OpenAPI validator accepts as the version they declare', async () => {
    for (const app of [api, views]) {
      const published = (await (await fetch(`${app.url}/api/docs/openapi.json`)).json()) as { openapi: string };
      const validator = new Validator();
      const result = await validator.validate(published);
      expect({ app: app.name, declared: published.openapi, errors: result.valid ? [] : result.errors }).toEqual({
        app: app.name,
        declared: '3.1.0',
        errors: [],
      });
      expect(validator.version).toBe('3.1');
    }
  });
});
