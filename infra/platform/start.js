// `npm start`: run the whole platform on this machine, after `turbo run build`.
// PostgreSQL: DATABASE_URL, else the embedded one (infra/postgres/embedded.js, database `ecab`).
// Transport: Kafka when KAFKA_BROKERS is set, else the PostgreSQL log.
// Each app is `node apps/<app>/dist/main.js`, configured only through its environment.
// Ctrl-C (SIGINT) or SIGTERM stops the apps, then the embedded PostgreSQL; an app that crashes stops everything.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ADMIN_PASSWORD_FILE, DATA_DIR, generatedAdminPassword, localCredentials } from './admin-credentials.js';
import { killGroup, rememberPids, sleep, somethingListensOn, stopApp, stopAppsLeftByAKilledRun } from './app-processes.js';
import { assertBrokerAnswers, basePort } from './preflight.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The apps, in the order they are listed once running, on consecutive ports from PORT (default 3000): the
// portal first, then the apps it passes /api on to, the partner gateway and reporting.
const BASE_PORT = basePort();
const APPS = [
  { app: 'web-portal', title: 'portal', port: BASE_PORT },
  { app: 'portfolio-api', title: 'api', port: BASE_PORT + 1 },
  { app: 'portfolio-views', title: 'views', port: BASE_PORT + 2 },
  { app: 'partner-gateway', title: 'partners', port: BASE_PORT + 3 },
  { app: 'reporting', title: 'reporting', port: BASE_PORT + 4 },
];
const SEED_FILE = path.join(ROOT, 'infra', 'platform', 'seed.js');
const PIDS_FILE = path.join(DATA_DIR, 'platform.pids.json'); // apps of a run that was killed can be stopped by the next

const START_TIMEOUT_MS = seconds('ECAB_START_TIMEOUT', 120) * 1000;
const STOP_GRACE_MS = seconds('ECAB_STOP_GRACE', 10) * 1000;

const WIDTH = Math.max(...APPS.map(({ app }) => app.length), 'platform'.length);
const COLOURS = [36, 35, 33, 32, 34, 91, 96];
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const say = (line) => print('platform', line);

const running = new Map(); // app name → ChildProcess
const healthy = new Set();
let postgres; // the embedded PostgreSQL handle, when we started one
let postgresStarting;
let shuttingDown = false;

for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(name, () => {
    if (shuttingDown) {
      say(`${name} again: killing the apps now`);
      for (const child of running.values()) killGroup(child, 'SIGKILL');
      return;
    }
    void shutdown(0, `${name} received: stopping`);
  });
}
// A bug in this file must not leave apps behind.
process.on('exit', () => {
  for (const child of running.values()) killGroup(child, 'SIGKILL');
});

try {
  await main();
} catch (error) {
  await shutdown(1, error instanceof Error ? error.message : String(error));
}

async function main() {
  const unbuilt = APPS.filter(({ app }) => !fs.existsSync(entryOf(app)));
  if (unbuilt.length > 0)
    throw new Error(
      `not built: ${unbuilt.map(({ app }) => path.relative(ROOT, entryOf(app))).join(', ')}; run \`npm start\` (it builds first) or \`npm run build\``,
    );
  const apps = APPS;
  if (process.env.PORT) say(`PORT=${process.env.PORT}: ${APPS.map(({ app, port }) => `${app} on ${port}`).join(', ')}`);
  await stopAppsLeftByAKilledRun({ pidsFile: PIDS_FILE, entryOf, graceMs: STOP_GRACE_MS, say });
  for (const { app, port } of apps) {
    if (await somethingListensOn(port)) throw new Error(`port ${port} for ${app} is already in use (is the platform already running?)`);
  }

  const env = { ...process.env };
  let databaseShown;
  if (env.DATABASE_URL) {
    databaseShown = withoutPassword(env.DATABASE_URL);
    say(`PostgreSQL: ${databaseShown} (DATABASE_URL)`);
  } else {
    say('DATABASE_URL is unset: starting the embedded PostgreSQL');
    const { startEmbeddedPostgres } = await import('../postgres/embedded.js');
    postgresStarting = startEmbeddedPostgres({ database: 'ecab', dataDir: path.join(DATA_DIR, 'postgres'), log: (line) => print('postgres', line) });
    postgres = await postgresStarting;
    if (shuttingDown) return;
    postgres.exited.then(({ code, signal }) => {
      if (!shuttingDown) void shutdown(1, `the embedded PostgreSQL exited unexpectedly (code ${code}, signal ${signal}); see ${postgres.logFile}`);
    });
    env.DATABASE_URL = postgres.url;
    databaseShown = `${postgres.url} (embedded)`;
  }
  if (env.KAFKA_BROKERS) await assertBrokerAnswers(env.KAFKA_BROKERS);
  // portfolio-views finds the API's signing keys (JWKS) there.
  env.API_URL ||= `http://127.0.0.1:${APPS.find(({ app }) => app === 'portfolio-api').port}`;
  const admin = localCredentials(env);
  const transport = env.KAFKA_BROKERS ? `Kafka at ${env.KAFKA_BROKERS}` : 'the PostgreSQL log';
  say(
    env.KAFKA_BROKERS
      ? `KAFKA_BROKERS=${env.KAFKA_BROKERS}: the apps run on Kafka`
      : 'KAFKA_BROKERS is unset: the apps use the PostgreSQL-log transport (npm run kafka:start, then KAFKA_BROKERS=127.0.0.1:9092, to run on Kafka)',
  );

  for (const { app, port } of apps) launch(app, port, env);
  await Promise.all(apps.map(({ app, port }) => waitUntilHealthy(app, port)));
  if (shuttingDown) return;

  await seedIfPresent(apps, admin);
  if (shuttingDown) return;

  const rows = [
    ...apps.map(({ title, port }) => [title, `http://127.0.0.1:${port}`]),
    ['PostgreSQL', databaseShown],
    ['sign in', `${admin.username} / ${admin.password}${admin.generated ? ` (generated, kept in ${path.relative(ROOT, ADMIN_PASSWORD_FILE)})` : ''}`],
    ['events via', transport],
  ];
  const titleWidth = Math.max(...rows.map(([title]) => title.length));
  say('');
  for (const [title, value] of rows) say(`  ${title.padEnd(titleWidth)}  ${value}`);
  say('');
  const portal = apps.find(({ app }) => app === 'web-portal');
  if (portal) say(`open the portal: http://127.0.0.1:${portal.port} (sign in as above)`);
  say('ECAB Portfolio is running; Ctrl-C stops it');
}

// On this machine, webhook receivers a developer starts on loopback may be used over http (never in production).
function gatewayDevelopmentSinks(env) {
  return { SINK_ALLOWED_HOSTS: env.SINK_ALLOWED_HOSTS ?? '127.0.0.1,localhost,::1' };
}

// What an app's package.json asks of Node (`nodeOptions`, e.g. portfolio-views' heap limit): the same in the image.
function nodeOptionsOf(app) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'apps', app, 'package.json'), 'utf8')).nodeOptions ?? [];
}

function launch(app, port, env) {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeOptionsOf(app), entryOf(app)], {
    cwd: ROOT,
    env: {
      ...env,
      ...(app === 'web-portal' ? portalUpstreams(env) : {}),
      ...(app === 'partner-gateway' ? gatewayDevelopmentSinks(env) : {}),
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: a terminal Ctrl-C reaches only us, and we stop the apps in order
  });
  running.set(app, child);
  rememberPids(PIDS_FILE, running);
  readline.createInterface({ input: child.stdout }).on('line', (line) => print(app, line));
  readline.createInterface({ input: child.stderr }).on('line', (line) => print(app, line, process.stderr));
  child.on('error', (error) => {
    running.delete(app);
    if (!shuttingDown) void shutdown(1, `${app} could not be started: ${error.message}`);
  });
  child.on('exit', (code, signal) => {
    running.delete(app);
    rememberPids(PIDS_FILE, running);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!shuttingDown) void shutdown(1, healthy.has(app) ? `${app} exited unexpectedly (${how})` : `${app} exited (${how}) before answering GET /health`);
  });
}

/** The portal passes /api on to the apps started here (unless API_URL / VIEWS_URL say otherwise). */
function portalUpstreams(env) {
  const portOf = (name) => APPS.find(({ app }) => app === name).port;
  return {
    API_URL: env.API_URL ?? `http://127.0.0.1:${portOf('portfolio-api')}`,
    VIEWS_URL: env.VIEWS_URL ?? `http://127.0.0.1:${portOf('portfolio-views')}`,
  };
}

async function waitUntilHealthy(app, port) {
  const url = `http://127.0.0.1:${port}/health`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last;
  while (!shuttingDown) {
    if (!running.has(app)) throw new Error(`${app} exited before answering GET ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) {
        healthy.add(app);
        say(`${app} is up on port ${port}`);
        return;
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error?.cause?.code ?? error?.name ?? String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${app} did not answer GET ${url} with 200 within ${START_TIMEOUT_MS / 1000}s (last: ${last}); ECAB_START_TIMEOUT sets the limit in seconds`,
      );
    }
    await sleep(250);
  }
}

async function seedIfPresent(apps, admin) {
  if (!fs.existsSync(SEED_FILE)) return;
  const { seed, adminAuthorization, SeedCredentialsError } = await import(pathToFileURL(SEED_FILE).href);
  if (typeof seed !== 'function') {
    say(`${path.relative(ROOT, SEED_FILE)} exports no seed() function: not seeding`);
    return;
  }
  const api = apps.find(({ app }) => app === 'portfolio-api');
  if (!api) {
    say('portfolio-api is not running: not seeding');
    return;
  }
  const apiUrl = `http://127.0.0.1:${api.port}`;
  let headers;
  try {
    headers = await adminAuthorization(apiUrl, admin.username, admin.password);
  } catch (error) {
    if (!(error instanceof SeedCredentialsError)) throw error;
    // ECAB_ADMIN_PASSWORD set after the first start is not the admin's (it is never overwritten): the generated one still is.
    const generated = generatedAdminPassword();
    headers = generated && generated !== admin.password ? await adminAuthorization(apiUrl, admin.username, generated).catch(() => undefined) : undefined;
    if (!headers) {
      print('seed', `not seeded: ${error.message}`, process.stderr);
      return;
    }
    print(
      'seed',
      `ECAB_ADMIN_PASSWORD is not the password of ${admin.username} (created at the first start, never overwritten): signed in with ${path.relative(ROOT, ADMIN_PASSWORD_FILE)}`,
    );
    Object.assign(admin, { password: generated, generated: true });
  }
  try {
    await seed({ apiUrl, headers, log: (line) => print('seed', line) });
  } catch (error) {
    throw new Error(`seeding failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
  }
}

async function shutdown(exitCode, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  (exitCode === 0 ? say : (line) => print('platform', line, process.stderr))(reason);

  await Promise.all([...running].map(([app, child]) => stopApp(app, child, { graceMs: STOP_GRACE_MS, say })));
  const database = postgres ?? (await postgresStarting?.catch(() => undefined));
  if (database) await database.stop().catch((error) => print('platform', `stopping PostgreSQL: ${error.message}`, process.stderr));
  say(exitCode === 0 ? 'stopped' : 'stopped after a failure');
  process.exit(exitCode);
}

function print(source, line, stream = process.stdout) {
  let prefix = source.padEnd(WIDTH);
  if (useColour) {
    const index = [...source].reduce((sum, char) => sum + char.charCodeAt(0), 0) % COLOURS.length;
    prefix = `\x1b[${COLOURS[index]}m${prefix}\x1b[0m`;
  }
  stream.write(
    String(line)
      .split('\n')
      .map((part) => `${prefix} | ${part}\n`)
      .join(''),
  );
}

function entryOf(app) {
  return path.join(ROOT, 'apps', app, 'dist', 'main.js');
}

function withoutPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

function seconds(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds`);
  return value;
}
