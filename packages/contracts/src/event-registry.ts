import type { z } from 'zod';
import type { PortfolioEvent } from './portfolio-event.js';

/** Event data as it travels: a JSON object. */
export type EventData = Record<string, unknown>;

/** Which topics carry an event: its project's cluster topic, or the programme topic (see `topicFor`). */
export type EventTopics = 'cluster' | 'programme';

/**
 * One version of one event type as published: its CloudEvents type, the schema of its data and, from
 * v2 on, the upcaster that turns the data of the version before into this one.
 */
export interface EventContract {
  /** The event type as stored in the event store, e.g. `ProjectRegistered`. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly aggregate: string;
  /** The public event name inside the CloudEvents type, e.g. `commitment-recorded`. */
  readonly event: string;
  /** The CloudEvents `type`, e.g. `ecab.project.registered.v1`. */
  readonly ceType: string;
  /** The data of this version; tolerant (unknown properties pass). The JSON Schema is generated from it. */
  readonly schema: z.ZodType<EventData>;
  /** Partners may rely on it (docs/DOMAIN.md §3.2); internal events still travel on the same topics. */
  readonly partnerFacing: boolean;
  readonly description: string;
  readonly topics: EventTopics;
  /** Data of version `schemaVersion - 1` to data of this version; absent on v1. */
  readonly upcastFromPrevious: ((previous: EventData) => EventData) | undefined;
}

export interface ContractDefinition<Schema extends z.ZodType<EventData>> {
  readonly type: string;
  readonly schemaVersion: number;
  readonly aggregate: string;
  readonly event: string;
  readonly schema: Schema;
  readonly partnerFacing: boolean;
  readonly description: string;
  /** Defaults to `cluster`. */
  readonly topics?: EventTopics;
  /**
   * Required from v2 on. Type its parameter with the previous version's data type, e.g.
   * `(v1: WidgetPaintedDataV1): WidgetPaintedDataV2 => ...`; the registry checks the chain at start.
   */
  readonly upcastFromPrevious?: (previous: never) => z.input<Schema>;
}

/** One registry line: the contract of one event type at one version. */
export function defineContract<Schema extends z.ZodType<EventData>>(definition: ContractDefinition<Schema>): EventContract {
  return {
    type: definition.type,
    schemaVersion: definition.schemaVersion,
    aggregate: definition.aggregate,
    event: definition.event,
    ceType: `ecab.${definition.aggregate}.${definition.event}.v${definition.schemaVersion}`,
    schema: definition.schema,
    partnerFacing: definition.partnerFacing,
    description: definition.description,
    topics: definition.topics ?? 'cluster',
    // The definition types the parameter as the previous version's data; at run time it is that data.
    upcastFromPrevious: definition.upcastFromPrevious as ((previous: EventData) => EventData) | undefined,
  };
}

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`unknown event type ${eventType}`);
    this.name = 'UnknownEventTypeError';
  }
}

/** The registry itself is inconsistent: a programming error, raised when the module loads. */
export class EventRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventRegistryError';
  }
}

export interface EventRegistry {
  readonly contracts: readonly EventContract[];
  forStoredType(type: string, schemaVersion: number): EventContract;
  forCeType(ceType: string): EventContract;
  /** The newest version of a stored event type: the shape every reader sees after `upcast`. */
  latest(type: string): EventContract;
  /** The event with its data brought to the newest version of its type; the same object if it already is. */
  upcast(event: PortfolioEvent): PortfolioEvent;
}

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function checkChains(contracts: readonly EventContract[]): Map<string, EventContract[]> {
  const versionsByType = new Map<string, EventContract[]>();
  const ceTypes = new Set<string>();
  for (const contract of contracts) {
    if (!NAME.test(contract.aggregate) || !NAME.test(contract.event)) {
      throw new EventRegistryError(`${contract.type}: aggregate and event must be kebab-case, got ${contract.ceType}`);
    }
    if (!Number.isInteger(contract.schemaVersion) || contract.schemaVersion < 1) {
      throw new EventRegistryError(`${contract.type}: schemaVersion must be a positive integer`);
    }
    if (ceTypes.has(contract.ceType)) throw new EventRegistryError(`${contract.ceType} is registered twice`);
    ceTypes.add(contract.ceType);
    versionsByType.set(contract.type, [...(versionsByType.get(contract.type) ?? []), contract]);
  }
  for (const [type, versions] of versionsByType) {
    versions.sort((a, b) => a.schemaVersion - b.schemaVersion);
    versions.forEach((contract, index) => {
      if (contract.schemaVersion !== index + 1) {
        throw new EventRegistryError(`${type}: versions must run 1, 2, 3… without gaps; v${index + 1} is missing`);
      }
      const first = versions[0]!;
      if (contract.aggregate !== first.aggregate || contract.event !== first.event) {
        throw new EventRegistryError(`${type}: every version must keep the CloudEvents name ecab.${first.aggregate}.${first.event}`);
      }
      if (index === 0 && contract.upcastFromPrevious) throw new EventRegistryError(`${type} v1 cannot have an upcaster`);
      if (index > 0 && !contract.upcastFromPrevious) {
        throw new EventRegistryError(`${type} v${contract.schemaVersion} needs an upcaster from v${contract.schemaVersion - 1}`);
      }
    });
  }
  return versionsByType;
}

/** Builds a registry and checks it: unique names, versions 1..N without gaps, an upcaster from v2 on. */
export function createEventRegistry(contracts: readonly EventContract[]): EventRegistry {
  const versionsByType = checkChains(contracts);
  const byStoredType = new Map(contracts.map((c) => [`${c.type}@${c.schemaVersion}`, c]));
  const byCeType = new Map(contracts.map((c) => [c.ceType, c]));

  const forStoredType = (type: string, schemaVersion: number): EventContract => {
    const found = byStoredType.get(`${type}@${schemaVersion}`);
    if (!found) throw new UnknownEventTypeError(`${type} v${schemaVersion}`);
    return found;
  };
  const latest = (type: string): EventContract => {
    const newest = versionsByType.get(type)?.at(-1);
    if (!newest) throw new UnknownEventTypeError(type);
    return newest;
  };

  return {
    contracts,
    forStoredType,
    forCeType(ceType) {
      const found = byCeType.get(ceType);
      if (!found) throw new UnknownEventTypeError(ceType);
      return found;
    },
    latest,
    upcast(event) {
      forStoredType(event.type, event.schemaVersion);
      const newest = latest(event.type);
      if (event.schemaVersion === newest.schemaVersion) return event;
      let data = event.data;
      for (let version = event.schemaVersion + 1; version <= newest.schemaVersion; version += 1) {
        // checkChains guarantees every version after the first has an upcaster.
        data = forStoredType(event.type, version).upcastFromPrevious!(data);
      }
      return { ...event, schemaVersion: newest.schemaVersion, data };
    },
  };
}
