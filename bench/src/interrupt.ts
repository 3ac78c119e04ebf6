/**
 * A bench stopped with Ctrl-C or `kill` (SIGINT / SIGTERM) still drops its databases, deletes its topics and
 * stops its processes: a scenario registers its clean-up here while it runs, and the first signal runs every
 * registered clean-up, then exits (130 / 143). A second signal exits at once. SIGKILL cannot be caught: after
 * one, stop the bench's app processes by their pids and drop `ecab_test_bench_*` / delete `bench-*` by hand.
 */
type CleanUp = () => Promise<unknown>;

const registered = new Set<CleanUp>();
let interrupted = false;

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) process.exit(1);
  interrupted = true;
  console.error(`[bench] ${signal}: cleaning up …`);
  const code = signal === 'SIGINT' ? 130 : 143;
  void Promise.allSettled([...registered].map((step) => step())).finally(() => process.exit(code));
}

let listening = false;

/** Runs `cleanUp` if the bench is interrupted before the returned function is called (call it in `finally`). */
export function cleanUpOnInterrupt(cleanUp: CleanUp): () => void {
  if (!listening) {
    listening = true;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  registered.add(cleanUp);
  return () => void registered.delete(cleanUp);
}
