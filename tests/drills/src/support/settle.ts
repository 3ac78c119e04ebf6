import { deadLetterTopic, kafkaMessageCount, readKafka, type KafkaTally } from './kafka-tally.js';
import { parkedCount, readStore, readView, waitForReadModel, type StoredEvent, type View } from './ledger.js';
import { reconcile, type DrillCounts } from './reconcile.js';
import type { Acknowledged } from './traffic.js';

export interface Settled {
  counts: DrillCounts;
  stored: StoredEvent[];
  /** How long after the traffic stopped the read model reached every stored version (undefined: never, within the bound). */
  readModelCaughtUpMs: number | undefined;
  /** The read model as it was read for the reconciliation. */
  view: View;
  /** Every copy read back from the event topics. */
  kafka: KafkaTally;
}

/**
 * After the traffic stopped: read the event store, wait (bounded) for the read model to reach every stored
 * version, read every copy on Kafka, and reconcile event by event.
 */
export async function settle(input: {
  databaseUrl: string;
  brokers: string;
  topicPrefix: string;
  sent: number;
  acknowledged: readonly Acknowledged[];
  timeoutMs?: number;
}): Promise<Settled> {
  const timeoutMs = input.timeoutMs ?? 45_000;
  const stored = await readStore(input.databaseUrl);
  const readModelCaughtUpMs = await waitForReadModel(input.databaseUrl, stored, timeoutMs);
  const kafka = await readKafka(input.brokers, input.topicPrefix, stored.length, readModelCaughtUpMs === undefined ? 15_000 : timeoutMs);
  const view = await readView(input.databaseUrl);
  const parked = await parkedCount(input.databaseUrl);
  const deadLettered = await kafkaMessageCount(input.brokers, input.topicPrefix, [deadLetterTopic(input.topicPrefix)]);
  const counts = reconcile({ sent: input.sent, acknowledged: input.acknowledged, stored, kafka, view, parked, deadLettered });
  return { counts, stored, readModelCaughtUpMs, view, kafka };
}
