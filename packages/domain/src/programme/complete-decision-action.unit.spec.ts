import { command, event, given, met, registered } from '../test-support/programme-fixtures.js';

describe('AssignDecisionAction and CompleteDecisionAction', () => {
  const owner = { name: 'KZ Ministry of National Economy' };

  const assigned = event('DecisionActionAssigned', {
    effectiveDate: '2024-12-10',
    decisionId: 'IGC12-D1',
    actionId: 'A-1',
    description: 'Publish checkpoint schedule',
    owner,
    dueDate: '2025-06-30',
  });

  const completed = event('DecisionActionCompleted', { effectiveDate: '2025-05-20', decisionId: 'IGC12-D1', actionId: 'A-1', completionDate: '2025-05-20' });

  it('completes an assigned action, effective on its completion date', () => {
    given([registered, met, assigned])
      .when(command('CompleteDecisionAction', { actionId: 'A-1', completionDate: '2025-05-20' }))
      .then([completed]);
  });

  it('rejects completing an unknown or completed action, before its assignment or in the future', () => {
    given([registered, met])
      .when(command('CompleteDecisionAction', { actionId: 'A-1', completionDate: '2025-05-20' }))
      .thenThrows('ACTION_NOT_FOUND');
    given([registered, met, assigned, completed])
      .when(command('CompleteDecisionAction', { actionId: 'A-1', completionDate: '2025-05-21' }))
      .thenThrows('ACTION_ALREADY_COMPLETED');
    given([registered, met, assigned])
      .when(command('CompleteDecisionAction', { actionId: 'A-1', completionDate: '2024-12-09' }))
      .thenThrows('ACTION_COMPLETED_BEFORE_ASSIGNMENT');
    given([registered, met, assigned])
      .when(command('CompleteDecisionAction', { actionId: 'A-1', completionDate: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
});
