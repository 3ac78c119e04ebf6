import { openApiSchemaOf, type OpenAPIObject } from '@ecab/platform';
import { PORTFOLIO_VIEWS } from '../projections/portfolio-projection.js';
import { REBUILD_STATES } from '../projections/projection-rebuild.js';
import { VIEW_QUERIES } from '../queries/view-queries.js';
import type { ViewQuery } from '../queries/view-query.js';
import { LAG_HEADER, POSITION_HEADER } from '../http/freshness.js';
import { NEXT_CURSOR_HEADER } from '../http/csv.interceptor.js';

type Operation = Record<string, unknown>;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

const FRESHNESS_HEADERS = {
  [POSITION_HEADER]: { $ref: '#/components/headers/Position' },
  [LAG_HEADER]: { $ref: '#/components/headers/LagMs' },
};

/** `projects/:id` → `/api/v1/projects/{id}`. */
export function openApiPath(nestPath: string): string {
  return `/api/v1/${nestPath.replace(/^\/+/, '').replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function queryOperation(query: ViewQuery): Operation {
  const schema = openApiSchemaOf(query.query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const parameters = [
    ...(query.pathParameters ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const { description, ...propertySchema } = property;
      return { name, in: 'query', required: required.has(name), schema: propertySchema, ...(typeof description === 'string' ? { description } : {}) };
    }),
  ];
  const content: Record<string, unknown> = { 'application/json': { schema: { type: 'object' } } };
  if (query.csv) content['text/csv'] = { schema: { type: 'string' }, example: 'id,title\r\nECAB-TR-01,Road\r\n' };
  const headers: Record<string, unknown> = { ...FRESHNESS_HEADERS };
  if (query.csv) {
    headers[NEXT_CURSOR_HEADER] = {
      description: 'CSV answers: the next page\'s cursor (absent on the last page); also as `Link: <…>; rel="next"`.',
      schema: { type: 'string' },
    };
    headers['Content-Disposition'] = { description: `CSV answers: \`attachment; filename="${query.name}.csv"\``, schema: { type: 'string' } };
  }
  return {
    operationId: query.name,
    tags: [query.tag],
    summary: query.summary,
    ...(query.description ? { description: query.description } : {}),
    security: [{ bearer: [] }],
    parameters,
    responses: {
      '200': {
        description: query.csv
          ? 'The answer, `{ items, nextCursor }`; as RFC 4180 CSV of the items (nested fields as `a.b`, arrays as JSON) with `Accept: text/csv`.'
          : 'The answer.',
        headers,
        content,
      },
      '400': problem('A parameter is malformed or unknown: every problem listed in `errors`.'),
      '401': problem('No valid bearer token.'),
      ...(query.pathParameters?.length ? { '404': problem('Nothing with this id in the views.') } : {}),
      '406': problem(`The Accept header asks for a type this query does not answer (${query.csv ? 'application/json or text/csv' : 'application/json'}).`),
      '409': problem('`consistentWith` names a version the views have not reached within the wait.'),
      '503': problem('The database is unreachable, or the read tables are being rebuilt for this version: retry shortly.'),
    },
  };
}

const REBUILD_STATUS = {
  type: 'object',
  required: ['state', 'generation', 'done', 'total', 'ratePerSecond', 'etaSeconds', 'startedAt', 'finishedAt'],
  properties: {
    state: { type: 'string', enum: [...REBUILD_STATES] },
    generation: { type: ['string', 'null'], description: 'The PostgreSQL schema being filled, e.g. views_4' },
    done: { type: 'integer', description: 'Events applied to the new generation' },
    total: { type: 'integer', description: 'Events in the event store at the start, plus those caught up since' },
    ratePerSecond: { type: ['number', 'null'] },
    etaSeconds: { type: ['number', 'null'] },
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    error: { type: 'string' },
  },
};

const PROJECTION_NAME = { name: 'name', in: 'path', required: true, schema: { type: 'string', enum: [PORTFOLIO_VIEWS] } };
const ADMIN = { tags: ['Admin'], security: [{ bearer: [] }] };

/** The admin routes: not read queries, but documented beside them (role `admin`). */
const ADMIN_PATHS: Record<string, Record<string, Operation>> = {
  '/api/v1/admin/projections/{name}/rebuild': {
    post: {
      ...ADMIN,
      operationId: 'RebuildProjection',
      summary: 'Rebuild the read tables from the event store without downtime',
      description:
        'Fills a new generation from the event store while the current one keeps serving and the live consumer keeps applying to it, catches up with the head, switches the reads in one transaction and drops the old generation. Runs in the background: follow it with GET.',
      parameters: [PROJECTION_NAME],
      responses: {
        '202': { description: 'Started: its first status.', content: { 'application/json': { schema: REBUILD_STATUS } } },
        '401': problem('No valid bearer token.'),
        '403': problem('Only an admin may rebuild.'),
        '404': problem('No projection of this name.'),
        '409': problem('A rebuild is already running.'),
      },
    },
    get: {
      ...ADMIN,
      operationId: 'RebuildProgress',
      summary: 'Progress of the current (or last) rebuild',
      parameters: [PROJECTION_NAME],
      responses: {
        '200': { description: 'State, generation, events done of total, rate and ETA.', content: { 'application/json': { schema: REBUILD_STATUS } } },
        '401': problem('No valid bearer token.'),
        '403': problem('Only an admin may see it.'),
        '404': problem('No projection of this name.'),
      },
    },
  },
  '/api/v1/admin/parked-messages': {
    get: {
      ...ADMIN,
      operationId: 'ListParkedMessages',
      summary: 'Messages the consumer parked, optionally of one project',
      parameters: [{ name: 'project', in: 'query', required: false, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'The consumer, the count and the messages.' },
        '401': problem('No valid bearer token.'),
        '403': problem('Only an admin may see them.'),
      },
    },
  },
  '/api/v1/admin/parked-messages/skipped': {
    get: {
      ...ADMIN,
      operationId: 'ListSkippedMessages',
      summary: 'Parked messages an admin decided to skip: who, when, why, and the message; newest first',
      parameters: [{ name: 'project', in: 'query', required: false, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'The skip decisions (`items`).' },
        '401': problem('No valid bearer token.'),
        '403': problem('Only an admin may see them.'),
      },
    },
  },
  '/api/v1/admin/parked-messages/{project}/retry': {
    post: {
      ...ADMIN,
      operationId: 'RetryParkedMessages',
      summary: "Apply a project's parked messages in order, stopping at the first that still fails",
      parameters: [{ name: 'project', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'What was applied and what still waits.' },
        '401': problem('No valid bearer token.'),
        '403': problem('Only an admin may retry.'),
        '404': problem('Nothing parked for the project.'),
      },
    },
  },
  '/api/v1/admin/parked-messages/{id}': {
    delete: {
      ...ADMIN,
      operationId: 'DiscardParkedMessage',
      summary: 'Skip one parked message that can never be applied: recorded with who, when and why (listed under skipped)',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'reason', in: 'query', required: false, schema: { type: 'string', maxLength: 500 } },
      ],
      responses: {
        '204': { description: 'Discarded.' },
        '401': problem('No valid bearer token.'),
        '403': problem('Only an admin may discard.'),
        '404': problem('No such parked message.'),
      },
    },
  },
};

/**
 * The OpenAPI 3.1 document of portfolio-views, made from VIEW_QUERIES (each query's strict zod schema
 * becomes its parameters) and the admin routes. Served public at /api/docs.
 */
export function viewsOpenApiDocument(queries: readonly ViewQuery[] = VIEW_QUERIES): OpenAPIObject {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const query of queries) (paths[openApiPath(query.path)] ??= {}).get = queryOperation(query);
  for (const [path, operations] of Object.entries(ADMIN_PATHS)) paths[path] = { ...paths[path], ...operations };
  return {
    openapi: '3.1.0',
    info: {
      title: 'ECAB Portfolio Views',
      version: '1',
      description:
        'Read side of the Economic Corridor Almaty–Bishkek portfolio. Every read answers `ECAB-Position` (the event-store log position the tables reflect) and `ECAB-Lag-Ms` (how far behind the head), accepts `consistentWith` to read its own writes, and lists answer CSV with `Accept: text/csv`. Errors are application/problem+json.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      headers: {
        Position: {
          description: 'The highest event-store log position the tables that answered reflect ("0": none).',
          schema: { type: 'string', pattern: '^[0-9]+$' },
        },
        LagMs: {
          description:
            'How far the tables are behind the event store: 0 when caught up, else now − the recorded time of the oldest event after ECAB-Position (an approximation: positions follow insertion, not commit, order).',
          schema: { type: 'integer', minimum: 0 },
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object' } },
          },
        },
      },
    },
  } as unknown as OpenAPIObject;
}
