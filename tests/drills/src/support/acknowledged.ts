import { type StoredEvent, type View } from './ledger.js';
import { COMMITMENT_MINOR, DISBURSEMENT_MINOR, type Acknowledged } from './traffic.js';

/**
 * The read model against what the clients were told, not against the store: per project, every command
 * answered 201 moves a fixed amount (a commitment 1,000.00, a disbursement 10.00), so the committed and
 * disbursed money each project must show is counted from the answers alone. Events stored although their
 * answer was lost (`storedWithout201`, e.g. PostgreSQL went down between the commit and the reply) are the
 * only other money allowed; each is named by the caller. Returns one line per project that differs.
 */
export function differencesFromAcknowledged(acknowledged: readonly Acknowledged[], view: View, storedWithout201: readonly StoredEvent[] = []): string[] {
  const want = new Map<string, { committed: bigint; disbursed: bigint }>();
  const sums = (project: string) => {
    const found = want.get(project) ?? { committed: 0n, disbursed: 0n };
    want.set(project, found);
    return found;
  };
  for (const answer of acknowledged) {
    const project = sums(answer.projectId);
    if (answer.kind === 'commitment') project.committed += COMMITMENT_MINOR;
    if (answer.kind === 'disbursement') project.disbursed += DISBURSEMENT_MINOR;
  }
  for (const event of storedWithout201) {
    const project = sums(event.projectId);
    if (event.type === 'AgreementCommitmentRecorded' || event.type === 'CommitmentRecorded') project.committed += event.amountMinor;
    if (event.type === 'FundsReceived' || event.type === 'DisbursementRecorded') project.disbursed += event.amountMinor;
  }
  const differences: string[] = [];
  for (const [id, expected] of want) {
    const got = view.projects.get(id);
    if (!got) differences.push(`${id}: acknowledged but not in the read model`);
    else if (got.committedMinor !== expected.committed || got.disbursedMinor !== expected.disbursed) {
      differences.push(
        `${id}: read model ${got.committedMinor}/${got.disbursedMinor}, clients were told ${expected.committed}/${expected.disbursed} (minor units)`,
      );
    }
  }
  return differences;
}

/** The events in the store whose (stream, version) no client was answered 201 for. */
export function storedWithoutAnswer(stored: readonly StoredEvent[], acknowledged: readonly Acknowledged[]): StoredEvent[] {
  const answered = new Set(acknowledged.map((a) => `${a.streamId}@${a.version}`));
  return stored.filter((e) => !answered.has(`${e.streamId}@${e.version}`));
}
