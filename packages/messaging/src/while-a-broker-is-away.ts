/** How long start-up keeps trying while a broker of the cluster is away, by default: about one broker restart. */
export const BROKER_AWAY_FOR_MS = 60_000;

/**
 * Runs a start-up step against Kafka (connect, list or create topics) and runs it again while it fails with an error
 * kafkajs marks retriable — a broker of the cluster refusing connections while it restarts, a coordinator or leader
 * moving — up to `withinMs`, with a growing pause between tries. kafkajs retries inside one call, but some calls give
 * up as soon as the one broker they need refuses: without this, an instance started while one of three brokers was
 * down exited at once. Any other error, or the same one after `withinMs`, is thrown.
 */
export async function whileABrokerIsAway<T>(
  step: () => Promise<T>,
  options: { what: string; log: { warn(fields: object, message: string): void }; withinMs?: number },
): Promise<T> {
  const deadline = Date.now() + (options.withinMs ?? BROKER_AWAY_FOR_MS);
  for (let attempt = 1, pauseMs = 250; ; attempt += 1, pauseMs = Math.min(pauseMs * 2, 5_000)) {
    try {
      return await step();
    } catch (error) {
      if (!isRetriable(error) || Date.now() + pauseMs >= deadline) throw error;
      options.log.warn(
        { attempt, error: error instanceof Error ? error.message : String(error) },
        `${options.what} failed; a broker may be restarting, trying again`,
      );
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/** kafkajs' own verdict (`retriable`), also on the error a call's exhausted retries wrap (`KafkaJSNumberOfRetriesExceeded`). */
export function isRetriable(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current instanceof Error && depth < 5;
    current = current.cause ?? (current as { originalError?: unknown }).originalError, depth += 1
  ) {
    if ((current as { retriable?: unknown }).retriable === true) return true;
    if (current.name === 'KafkaJSConnectionError' || current.name === 'KafkaJSNumberOfRetriesExceeded') return true;
  }
  return false;
}
