import { assignDecisionActionEndpoint } from './assign-decision-action/assign-decision-action.endpoint.js';
import { completeDecisionActionEndpoint } from './complete-decision-action/complete-decision-action.endpoint.js';
import { observeProgrammeKpiEndpoint } from './observe-programme-kpi/observe-programme-kpi.endpoint.js';
import { recordGovernanceMeetingEndpoint } from './record-governance-meeting/record-governance-meeting.endpoint.js';
import { registerProgrammeEndpoint } from './register-programme/register-programme.endpoint.js';
import { setProgrammeTargetEndpoint } from './set-programme-target/set-programme-target.endpoint.js';

/**
 * The programme use cases (programme-wide, no project: names, KPIs, governance meetings and their
 * follow-up), one folder each; this table is their table of contents, in the order the programme
 * lives them (the examples run in this order end to end, on a programme unique to the run).
 */
export const programmeEndpoints = [
  registerProgrammeEndpoint,
  setProgrammeTargetEndpoint,
  observeProgrammeKpiEndpoint,
  recordGovernanceMeetingEndpoint,
  assignDecisionActionEndpoint,
  completeDecisionActionEndpoint,
];
