// A drill's counts, event by event, from what was acknowledged, stored, put on Kafka and applied.
import { keyOf, streamOf, type StoredEvent, type View } from './ledger.js';
import type { KafkaTally } from './kafka-tally.js';
import { COMMITMENT_MINOR, DISBURSEMENT_MINOR, type Acknowledged } from './traffic.js';

/** Commitments (IATI 11) and money released (IATI 1), on agreements or, before agreements, on the project stream. */
const COMMITTED = new Set(['AgreementCommitmentRecorded', 'CommitmentRecorded']);
const DISBURSED = new Set(['FundsReceived', 'DisbursementRecorded']);

/** What a drill reports: sent / stored / on Kafka / applied / lost / duplicated effects. */
export interface DrillCounts {
  sent: number;
  acknowledged: number;
  stored: number;
  /** Stored although the client never saw the 201 (the answer was lost with a killed process or connection). */
  storedWithout201: number;
  onKafka: number;
  onKafkaUnique: number;
  /** Copies beyond the first on Kafka (at-least-once delivery), harmless if duplicatedEffects is 0. */
  kafkaDuplicates: number;
  applied: number;
  /** Acknowledged or stored events that did not make it all the way into the read model. */
  lost: number;
  lostDetail: { notStored: number; notOnKafka: number; notApplied: number };
  /** Money applied more than once, in whole commands (every command moves a fixed amount). */
  duplicatedEffects: number;
  /** Projects whose read-model money or version differs from the event store. */
  mismatches: string[];
  /** Messages the read side set aside as poison: parked (parked_messages) and copied to the dead-letter topic. */
  parked: number;
  deadLettered: number;
}

/** Counts, event by event: acknowledged → stored → on Kafka → applied, and effects applied twice. */
export function reconcile(input: {
  sent: number;
  acknowledged: readonly Acknowledged[];
  stored: readonly StoredEvent[];
  kafka: KafkaTally;
  view: View;
  parked: number;
  deadLettered: number;
}): DrillCounts {
  const { acknowledged, stored, kafka, view } = input;
  const storedKeys = new Set(stored.map((e) => keyOf(e.streamId, e.version)));
  const ackKeys = new Set(acknowledged.map((a) => keyOf(a.streamId, a.version)));
  let notStored = 0;
  for (const key of ackKeys) if (!storedKeys.has(key)) notStored += 1;
  let notOnKafka = 0;
  let notApplied = 0;
  let applied = 0;
  for (const e of stored) {
    const onKafka = (kafka.copies.get(keyOf(e.streamId, e.version)) ?? 0) > 0;
    const isApplied = (view.applied.get(e.streamId) ?? 0) >= e.version;
    if (isApplied) applied += 1;
    if (!onKafka) notOnKafka += 1;
    else if (!isApplied) notApplied += 1;
  }

  // Money per project (on all its streams): read model against the sums of the stored events; version = its own stream's.
  const expected = new Map<string, { version: number; committed: bigint; disbursed: bigint }>();
  for (const e of stored) {
    const sums = expected.get(e.projectId) ?? { version: 0, committed: 0n, disbursed: 0n };
    if (e.streamId === streamOf(e.projectId)) sums.version = Math.max(sums.version, e.version);
    if (COMMITTED.has(e.type)) sums.committed += e.amountMinor;
    if (DISBURSED.has(e.type)) sums.disbursed += e.amountMinor;
    expected.set(e.projectId, sums);
  }
  let duplicatedEffects = 0;
  const mismatches: string[] = [];
  for (const [project, want] of expected) {
    const got = view.projects.get(project);
    if (!got) {
      mismatches.push(`${project}: not in the read model`);
      continue;
    }
    const extraCommitted = got.committedMinor - want.committed;
    const extraDisbursed = got.disbursedMinor - want.disbursed;
    if (extraCommitted > 0n) duplicatedEffects += Number(extraCommitted / COMMITMENT_MINOR);
    if (extraDisbursed > 0n) duplicatedEffects += Number(extraDisbursed / DISBURSEMENT_MINOR);
    if (got.version !== want.version || extraCommitted !== 0n || extraDisbursed !== 0n) {
      mismatches.push(
        `${project}: view v${got.version} ${got.committedMinor}/${got.disbursedMinor}, store v${want.version} ${want.committed}/${want.disbursed}`,
      );
    }
  }
  for (const project of view.projects.keys()) if (!expected.has(project)) mismatches.push(`${project}: in the read model but not in the store`);

  const onKafka = kafka.messages;
  const onKafkaUnique = kafka.copies.size;
  return {
    sent: input.sent,
    acknowledged: ackKeys.size,
    stored: stored.length,
    storedWithout201: [...storedKeys].filter((k) => !ackKeys.has(k)).length,
    onKafka,
    onKafkaUnique,
    kafkaDuplicates: onKafka - onKafkaUnique,
    applied,
    lost: notStored + notOnKafka + notApplied,
    lostDetail: { notStored, notOnKafka, notApplied },
    duplicatedEffects,
    mismatches,
    parked: input.parked,
    deadLettered: input.deadLettered,
  };
}

/** Every stream's versions are 1..n with no gap and no repeat. */
export function streamGaps(stored: readonly StoredEvent[]): string[] {
  const byStream = new Map<string, number[]>();
  for (const e of stored) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.version]);
  const gaps: string[] = [];
  for (const [stream, versions] of byStream) {
    const sorted = [...versions].sort((a, b) => a - b);
    if (!sorted.every((v, i) => v === i + 1)) gaps.push(`${stream}: ${sorted.join(',')}`);
  }
  return gaps;
}
