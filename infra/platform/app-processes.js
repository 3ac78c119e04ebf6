// The processes `npm start` runs: stopping an app with its process group, the pids kept for the next run, and
// whether a port is taken. Used by start.js.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Writes the pids of the running apps, so that the next run can stop them if this one is killed. */
export function rememberPids(pidsFile, running) {
  const pids = Object.fromEntries([...running].map(([app, child]) => [app, child.pid]));
  try {
    if (Object.keys(pids).length === 0) fs.rmSync(pidsFile, { force: true });
    else {
      fs.mkdirSync(path.dirname(pidsFile), { recursive: true });
      fs.writeFileSync(pidsFile, JSON.stringify(pids));
    }
  } catch {
    /* only a convenience for the next run */
  }
}

/** Stops the apps a killed run left behind (their pids in `pidsFile`, still running `entryOf(app)`). */
export async function stopAppsLeftByAKilledRun({ pidsFile, entryOf, graceMs, say }) {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(pidsFile, 'utf8'));
  } catch {
    return;
  }
  const leftovers = Object.entries(recorded).filter(([app, pid]) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(entryOf(app));
    } catch {
      return false;
    }
  });
  for (const [app, pid] of leftovers) {
    say(`stopping ${app} left running by an earlier run (pid ${pid})`);
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* gone meanwhile */
    }
  }
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + graceMs;
  while (leftovers.some(([, pid]) => alive(pid)) && Date.now() < deadline) await sleep(100);
  for (const [, pid] of leftovers)
    if (alive(pid))
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
  fs.rmSync(pidsFile, { force: true });
}

/** SIGTERM to the app's process group, SIGKILL after `graceMs`. */
export async function stopApp(app, child, { graceMs, say }) {
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', resolve);
  });
  killGroup(child, 'SIGTERM');
  let timer;
  const inTime = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!inTime) {
    say(`${app} did not stop within ${graceMs / 1000}s: killing it`);
    killGroup(child, 'SIGKILL');
    await exited;
  }
}

// Signal the app's whole process group (it was spawned detached), so anything it started goes too.
export function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export function somethingListensOn(port) {
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

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
