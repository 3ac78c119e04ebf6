import type { Command } from '../decider/decider.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { LocalizedNames } from '../localized-names/localized-names.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { Source } from '../sourcing/source.js';

export type RegisterProgramme = Command<
  'RegisterProgramme',
  { programmeId: string; names: LocalizedNames; /** e.g. ABEC, ABCI. */ aliases?: readonly string[]; clusters: readonly string[] } & EffectiveDated
>;

/**
 * A programme KPI value: kebab-case code (bilateral-trade-usd), unit, decimal string value, for a
 * year or a date (exactly one), with its source and confidence.
 */
export interface KpiValueInput {
  programmeId: string;
  kpi: string;
  unit: string;
  value: string;
  year?: number;
  date?: string;
  source: Source;
}
/** The value aimed for, e.g. $3bn bilateral trade by 2030; may lie in the future. */
export type SetProgrammeTarget = Command<'SetProgrammeTarget', KpiValueInput & EffectiveDated>;
/** A value measured, e.g. $1.6bn bilateral trade in 2023; never for a future year or date. */
export type ObserveProgrammeKpi = Command<'ObserveProgrammeKpi', KpiValueInput & EffectiveDated>;

export type RecordGovernanceMeeting = Command<
  'RecordGovernanceMeeting',
  {
    programmeId: string;
    meetingId: string;
    /** igc, subcommittee or working-group. */
    body: string;
    /** e.g. Transport & Infrastructure, for a working group. */
    bodyName?: string;
    /** e.g. 12 for the 12th Intergovernmental Council. */
    meetingNumber?: number;
    date: string;
    place: string;
    decisions: readonly { decisionId: string; text: string; kind: string }[];
    source?: Source;
  }
>;
export type AssignDecisionAction = Command<
  'AssignDecisionAction',
  { programmeId: string; decisionId: string; actionId: string; description: string; owner: OrganisationReference; dueDate: string } & EffectiveDated
>;
export type CompleteDecisionAction = Command<'CompleteDecisionAction', { programmeId: string; actionId: string; completionDate: string; source?: Source }>;

export type ProgrammeCommand =
  RegisterProgramme | SetProgrammeTarget | ObserveProgrammeKpi | RecordGovernanceMeeting | AssignDecisionAction | CompleteDecisionAction;
