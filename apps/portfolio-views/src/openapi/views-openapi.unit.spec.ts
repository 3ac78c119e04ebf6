import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ADMIN_CONTROLLERS, QUERY_CONTROLLERS } from '../app.module.js';
import { VIEW_QUERIES } from '../queries/view-queries.js';
import { openApiPath, viewsOpenApiDocument } from './views-openapi.js';

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
  security?: unknown[];
}

type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };

/** Every route Nest registers for these controllers, read from the same metadata Nest's router reads. */
function nestRoutes(controllers: readonly (abstract new (...args: never[]) => unknown)[]): string[] {
  const routes: string[] = [];
  for (const controller of controllers) {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const key of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[key];
      if (typeof handler !== 'function' || key === 'constructor') continue;
      const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
      const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
      if (typeof path !== 'string' || typeof method !== 'number') continue;
      const full = [prefix, path]
        .map((p) => p.replace(/^\/+|\/+$/g, ''))
        .filter(Boolean)
        .join('/');
      routes.push(`${RequestMethod[method]!.toLowerCase()} ${openApiPath(full.replace(/^api\/v1\/?/, ''))}`);
    }
  }
  return routes.sort();
}

describe('the OpenAPI document of portfolio-views', () => {
  const document = viewsOpenApiDocument() as unknown as Document;

  it('has every route of the query and admin controllers, and nothing else', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    const routes = nestRoutes([...QUERY_CONTROLLERS, ...ADMIN_CONTROLLERS]);
    expect(routes.length).toBeGreaterThanOrEqual(VIEW_QUERIES.length);
    expect(documented).toEqual(routes);
  });

  it('declares every query parameter of each query’s zod schema, the path parameters, the freshness headers and the errors', () => {
    const problems: string[] = [];
    for (const query of VIEW_QUERIES) {
      const operation = document.paths[openApiPath(query.path)]?.get;
      if (!operation) {
        problems.push(`${query.name}: not documented`);
        continue;
      }
      if (operation.operationId !== query.name) problems.push(`${query.name}: operationId ${operation.operationId}`);
      const shape = (query.query as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      const inQuery = (operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
      if (JSON.stringify(inQuery) !== JSON.stringify(Object.keys(shape).sort()))
        problems.push(`${query.name}: query parameters ${inQuery} ≠ ${Object.keys(shape)}`);
      const inPath = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const braces = [...openApiPath(query.path).matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      if (JSON.stringify(inPath) !== JSON.stringify(braces)) problems.push(`${query.name}: path parameters ${inPath} ≠ ${braces}`);
      const ok = operation.responses?.['200'];
      if (!ok?.headers?.['ECAB-Position'] || !ok.headers['ECAB-Lag-Ms']) problems.push(`${query.name}: no freshness headers`);
      if (query.csv && !ok?.content?.['text/csv']) problems.push(`${query.name}: csv but no text/csv answer`);
      for (const status of ['400', '401', '406', '409']) if (!operation.responses?.[status]) problems.push(`${query.name}: no ${status}`);
      if (!operation.security?.length) problems.push(`${query.name}: no bearer security`);
    }
    expect(problems).toEqual([]);
  });

  it('is structurally a valid OpenAPI 3.1 document: unique operation ids, answers everywhere, every $ref resolves', () => {
    expect(document.openapi).toBe('3.1.0');
    const ids = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) expect(Object.keys(operation.responses ?? {}).length).toBeGreaterThan(0);
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect({ ref, resolves: target !== undefined }).toEqual({ ref, resolves: true });
    }
    expect(document.components.securitySchemes).toHaveProperty('bearer');
  });
});
