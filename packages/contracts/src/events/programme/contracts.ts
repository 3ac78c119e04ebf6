import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import {
  decisionActionAssignedV1,
  decisionActionCompletedV1,
  governanceMeetingRecordedV1,
  programmeKpiObservedV1,
  programmeRegisteredV1,
  programmeTargetSetV1,
} from './index.js';

/** Programme-wide events: on the programme topic, keyed by the programme id. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const PROGRAMME_CONTRACTS: readonly EventContract[] = [
  publishedEvent('ProgrammeRegistered', { schema: programmeRegisteredV1, description: 'The programme was registered, with its names, aliases and clusters.' }),
  publishedEvent('ProgrammeTargetSet', { schema: programmeTargetSetV1, description: 'A sourced target of a programme KPI was set for a year or a date.' }),
  publishedEvent('ProgrammeKpiObserved', {
    schema: programmeKpiObservedV1,
    description: 'A sourced value of a programme KPI was observed for a year or a date.',
  }),
  publishedEvent('GovernanceMeetingRecorded', {
    schema: governanceMeetingRecordedV1,
    description: 'A meeting of a governance body of the programme was recorded, with its decisions.',
  }),
  publishedEvent('DecisionActionAssigned', {
    schema: decisionActionAssignedV1,
    description: 'A follow-up action of a governance decision was assigned to an organisation, with a due date.',
  }),
  publishedEvent('DecisionActionCompleted', { schema: decisionActionCompletedV1, description: 'A follow-up action of a governance decision was completed.' }),
];
