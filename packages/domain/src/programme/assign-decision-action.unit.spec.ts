import { command, event, given, met, registered } from '../test-support/programme-fixtures.js';

describe('AssignDecisionAction and CompleteDecisionAction', () => {
  const owner = { name: 'KZ Ministry of National Economy' };

  const assign = (data: object = {}) =>
    command('AssignDecisionAction', {
      decisionId: 'IGC12-D1',
      actionId: 'A-1',
      description: 'Publish checkpoint schedule',
      owner,
      dueDate: '2025-06-30',
      effectiveDate: '2024-12-10',
      ...data,
    });

  const assigned = event('DecisionActionAssigned', {
    effectiveDate: '2024-12-10',
    decisionId: 'IGC12-D1',
    actionId: 'A-1',
    description: 'Publish checkpoint schedule',
    owner,
    dueDate: '2025-06-30',
  });

  it('assigns an action on a recorded decision to an owner with a due date', () => {
    given([registered, met]).when(assign()).then([assigned]);
  });

  it('rejects an unknown decision, an action id used before, no description, no owner and a due date before assignment', () => {
    given([registered, met])
      .when(assign({ decisionId: 'IGC12-D9' }))
      .thenThrows('DECISION_NOT_FOUND');
    given([registered, met, assigned]).when(assign()).thenThrows('DUPLICATE_ACTION_ID');
    given([registered, met])
      .when(assign({ description: ' ' }))
      .thenThrows('ACTION_DESCRIPTION_REQUIRED');
    given([registered, met])
      .when(assign({ owner: {} }))
      .thenThrows('ORGANISATION_REFERENCE_REQUIRED');
    given([registered, met])
      .when(assign({ dueDate: '2024-12-09' }))
      .thenThrows('ACTION_DUE_BEFORE_ASSIGNMENT');
  });
});
