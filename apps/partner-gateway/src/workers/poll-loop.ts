export interface PollLoopOptions {
  /** One round of work; `true` when there is more to do at once, so the next round starts without waiting. */
  round(): Promise<boolean | void>;
  /** A mark of the work arrived so far (the integration log's appends), taken before each round. */
  mark(): number;
  /**
   * Waits for work that arrived after `mark`: none if some already has, else at most `ms`, sooner when it arrives
   * (an append to the integration log) or on stop.
   */
  waitForWork(mark: number, ms: number, signal: AbortSignal): Promise<void>;
  pollMs: number;
  /** Logged (at error, with the error) when a round throws; the loop waits `pollMs` and goes on. */
  failure: string;
  logger: { error(fields: object, message: string): void };
}

/**
 * The gateway's background loops (webhook dispatch, subscription jobs, partner topics): a round, then a wait for
 * new work; a failed round is logged and tried again after `pollMs`, never ends the loop. `stop()` wakes the
 * wait and resolves once the round under way has finished.
 */
export class PollLoop {
  #running = false;
  #loop: Promise<void> | undefined;
  #stop = new AbortController();

  constructor(private readonly options: PollLoopOptions) {}

  /** False once stop() was called: a long round checks it between steps. */
  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stop = new AbortController();
    this.#loop = this.#run(this.#stop.signal);
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stop.abort();
    await this.#loop;
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (this.#running) {
      try {
        const mark = this.options.mark();
        if (await this.options.round()) continue;
        // Stopped during the round: the abort has already been signalled, so a wait begun now would not see it.
        if (signal.aborted) break;
        await this.options.waitForWork(mark, this.options.pollMs, signal);
      } catch (error) {
        this.options.logger.error({ err: error }, this.options.failure);
        await abortableSleep(this.options.pollMs, signal);
      }
    }
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
