/**
 * The published names of the events: the internal type plus its schema version map to one
 * CloudEvents type, `ecab.<aggregate>.<event>.v<N>`.
 */
export interface EventContract {
  /** The event type as stored in the event store, e.g. `ProjectRegistered`. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly aggregate: string;
  /** The CloudEvents `type`, e.g. `ecab.project.registered.v1`. */
  readonly ceType: string;
}

const contract = (type: string, schemaVersion: number, aggregate: string, event: string): EventContract => ({
  type,
  schemaVersion,
  aggregate,
  ceType: `ecab.${aggregate}.${event}.v${schemaVersion}`,
});

export const EVENT_CONTRACTS: readonly EventContract[] = [
  contract('ProjectRegistered', 1, 'project', 'registered'),
  contract('CommitmentRecorded', 1, 'project', 'commitment-recorded'),
  contract('DisbursementRecorded', 1, 'project', 'disbursement-recorded'),
];

const byStoredType = new Map(EVENT_CONTRACTS.map((c) => [`${c.type}@${c.schemaVersion}`, c]));
const byCeType = new Map(EVENT_CONTRACTS.map((c) => [c.ceType, c]));

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`unknown event type ${eventType}`);
    this.name = 'UnknownEventTypeError';
  }
}

export function contractForStoredType(type: string, schemaVersion: number): EventContract {
  const found = byStoredType.get(`${type}@${schemaVersion}`);
  if (!found) throw new UnknownEventTypeError(`${type} v${schemaVersion}`);
  return found;
}

export function contractForCeType(ceType: string): EventContract {
  const found = byCeType.get(ceType);
  if (!found) throw new UnknownEventTypeError(ceType);
  return found;
}

export function dataSchemaUrn(contract: EventContract): string {
  return `urn:ecab:schema:${contract.ceType}`;
}
