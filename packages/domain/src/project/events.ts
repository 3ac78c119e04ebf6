import type { Event } from '../decider/decider.js';
import type { Cluster } from '../cluster/cluster.js';
import type { CountryShare } from '../recipient-countries/country-shares.js';

export type ProjectRegistered = Event<
  'ProjectRegistered',
  { projectId: string; title: string; cluster: Cluster; countries: readonly CountryShare[] }
>;

export type CommitmentRecorded = Event<
  'CommitmentRecorded',
  {
    projectId: string;
    commitmentId: string;
    /** Canonical decimal string with exactly the currency's minor-unit decimals. */
    amount: string;
    currency: string;
    valueDate: string;
    financier: string;
  }
>;

export type DisbursementRecorded = Event<
  'DisbursementRecorded',
  { projectId: string; disbursementId: string; amount: string; currency: string; valueDate: string; financier: string }
>;

export type ProjectEvent = ProjectRegistered | CommitmentRecorded | DisbursementRecorded;
export type ProjectEventType = ProjectEvent['type'];

/** Schema version of each event's data; bump it (and add an upcaster) when the data changes shape. */
export const PROJECT_EVENT_SCHEMA_VERSION = {
  ProjectRegistered: 1,
  CommitmentRecorded: 1,
  DisbursementRecorded: 1,
} as const satisfies Record<ProjectEventType, number>;

const PUBLIC_NAME: Record<ProjectEventType, string> = {
  ProjectRegistered: 'registered',
  CommitmentRecorded: 'commitment-recorded',
  DisbursementRecorded: 'disbursement-recorded',
};

export const PROJECT_EVENT_TYPES = Object.keys(PROJECT_EVENT_SCHEMA_VERSION) as ProjectEventType[];

/** The CloudEvents `type` partners see, e.g. `ecab.project.commitment-recorded.v1`. */
export function projectCloudEventType(type: ProjectEventType): string {
  return `ecab.project.${PUBLIC_NAME[type]}.v${PROJECT_EVENT_SCHEMA_VERSION[type]}`;
}
