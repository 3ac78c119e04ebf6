// The PostgreSQL processes a killed `npm start` (or drill) left serving a data directory, found from /proc and
// stopped before the embedded server starts again on it.
import fs from 'node:fs';
import path from 'node:path';

/** How long PostgreSQL's fast shutdown (SIGINT) may take before its processes are killed. */
export const FAST_SHUTDOWN_MS = 30_000;

// After a killed run: a postmaster still serving this data directory is shut down, backends that
// outlived a SIGKILLed postmaster are waited for (they hold the old shared memory), and a
// postmaster.pid naming a dead process is removed.
export async function stopLeftoversOf(dataDir, log) {
  const leftovers = processesServing(dataDir);
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const postmasterPid = Number(readOrEmpty(pidFile).split('\n')[0]);
  if (leftovers.includes(postmasterPid)) {
    log(`stopping the PostgreSQL left running by an earlier run (pid ${postmasterPid})`);
    signal(postmasterPid, 'SIGINT');
  } else if (leftovers.length > 0) {
    log(`waiting for ${leftovers.length} process(es) of a killed PostgreSQL to exit`);
  }
  const deadline = Date.now() + FAST_SHUTDOWN_MS;
  while (processesServing(dataDir).length > 0 && Date.now() < deadline) await sleep(200);
  for (const pid of processesServing(dataDir)) signal(pid, 'SIGKILL');
  while (processesServing(dataDir).length > 0) await sleep(100);
  if (fs.existsSync(pidFile)) {
    log(`removing the stale postmaster.pid of a killed run (pid ${postmasterPid || '?'} is gone)`);
    fs.rmSync(pidFile, { force: true });
  }
}

// PostgreSQL processes whose working directory is the data directory (the postmaster chdirs there).
function processesServing(dataDir) {
  let real;
  try {
    real = fs.realpathSync(dataDir);
  } catch {
    return [];
  }
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === real) pids.push(Number(entry));
    } catch {
      /* gone, or not ours to inspect */
    }
  }
  return pids;
}

export function readOrEmpty(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    /* already gone */
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
