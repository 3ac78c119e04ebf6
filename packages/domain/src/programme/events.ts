import type { Cluster } from '../cluster/cluster.js';
import type { Event, EventPublication } from '../decider/decider.js';
import type { LocalizedNames } from '../localized-names/localized-names.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { Source } from '../sourcing/source.js';
import type { GovernanceBody, GovernanceDecision } from './governance.js';

export interface ProgrammeFact {
  programmeId: string;
  effectiveDate: string;
}

/** A sourced KPI value for a year or a date (exactly one of them). */
export interface KpiValue extends ProgrammeFact {
  kpi: string;
  unit: string;
  value: string;
  year?: number;
  date?: string;
  source: Source;
}

export type ProgrammeRegistered = Event<
  'ProgrammeRegistered',
  ProgrammeFact & { names: LocalizedNames; aliases: readonly string[]; clusters: readonly Cluster[] }
>;
export type ProgrammeTargetSet = Event<'ProgrammeTargetSet', KpiValue>;
export type ProgrammeKpiObserved = Event<'ProgrammeKpiObserved', KpiValue>;
/** Effective on the meeting date. */
export type GovernanceMeetingRecorded = Event<
  'GovernanceMeetingRecorded',
  ProgrammeFact & {
    meetingId: string;
    body: GovernanceBody;
    bodyName?: string;
    meetingNumber?: number;
    date: string;
    place: string;
    decisions: readonly GovernanceDecision[];
    source?: Source;
  }
>;
export type DecisionActionAssigned = Event<
  'DecisionActionAssigned',
  ProgrammeFact & { decisionId: string; actionId: string; description: string; owner: OrganisationReference; dueDate: string }
>;
export type DecisionActionCompleted = Event<
  'DecisionActionCompleted',
  ProgrammeFact & { decisionId: string; actionId: string; completionDate: string; source?: Source }
>;

export type ProgrammeEvent =
  ProgrammeRegistered | ProgrammeTargetSet | ProgrammeKpiObserved | GovernanceMeetingRecorded | DecisionActionAssigned | DecisionActionCompleted;
export type ProgrammeEventType = ProgrammeEvent['type'];

export const PROGRAMME_EVENT_SCHEMA_VERSION = {
  ProgrammeRegistered: 1,
  ProgrammeTargetSet: 1,
  ProgrammeKpiObserved: 1,
  GovernanceMeetingRecorded: 1,
  DecisionActionAssigned: 1,
  DecisionActionCompleted: 1,
} as const satisfies Record<ProgrammeEventType, number>;

/** docs/DOMAIN.md §3.2: governance decisions go to partners; the secretariat's reference data, KPIs and action follow-up stay internal. */
export const PROGRAMME_EVENT_PUBLICATION = {
  ProgrammeRegistered: { event: 'registered', partnerFacing: false },
  ProgrammeTargetSet: { event: 'target-set', partnerFacing: false },
  ProgrammeKpiObserved: { event: 'kpi-observed', partnerFacing: false },
  GovernanceMeetingRecorded: { event: 'governance-meeting-recorded', partnerFacing: true },
  DecisionActionAssigned: { event: 'decision-action-assigned', partnerFacing: false },
  DecisionActionCompleted: { event: 'decision-action-completed', partnerFacing: false },
} as const satisfies Record<ProgrammeEventType, EventPublication>;
