import { command, event, given, meeting, met, register, registered } from '../test-support/programme-fixtures.js';

// What a client sees when a programme command is refused, and the edges of the rules.

const igc = { citation: 'IGC, Dec 2024', date: '2024-12-05', confidence: 'confirmed' };
const trade = { kpi: 'bilateral-trade-usd', unit: 'USD' };
const setTarget = (data: object) => command('SetProgrammeTarget', { ...trade, value: '1', year: 2030, source: igc, ...data });
const observe = (data: object) => command('ObserveProgrammeKpi', { ...trade, value: '1', year: 2023, source: igc, ...data });

describe('registration refusals', () => {
  it('name the programme, alias or cluster', () => {
    given([registered])
      .when(register())
      .thenThrows('PROGRAMME_ALREADY_REGISTERED', { message: 'Programme ECAB-PROG is already registered', details: { programmeId: 'ECAB-PROG' } });
    given([])
      .when(setTarget({}))
      .thenThrows('PROGRAMME_NOT_FOUND', { message: 'Programme ECAB-PROG is not registered', details: { programmeId: 'ECAB-PROG' } });
    given([])
      .when(register({ aliases: [' '] }))
      .thenThrows('PROGRAMME_ALIAS_BLANK', { message: 'An alias cannot be blank', details: {} });
    given([])
      .when(register({ aliases: ['ABEC', ' abec '] }))
      .thenThrows('DUPLICATE_PROGRAMME_ALIAS', { message: 'Alias abec is listed twice', details: { alias: 'abec' } });
    given([])
      .when(register({ clusters: [] }))
      .thenThrows('PROGRAMME_CLUSTERS_REQUIRED', { message: 'A programme lists the clusters its projects belong to', details: {} });
    given([])
      .when(register({ clusters: ['transport', 'health', 'transport'] }))
      .thenThrows('DUPLICATE_PROGRAMME_CLUSTER', {
        message: 'Cluster transport is listed twice',
        details: { cluster: 'transport' },
      });
  });
});

describe('KPI refusals', () => {
  it('name the KPI and what is wrong with the value', () => {
    given([registered])
      .when(setTarget({ kpi: 'Trade' }))
      .thenThrows('KPI_CODE_INVALID', { message: '"Trade" is not a kebab-case KPI code such as bilateral-trade-usd', details: { kpi: 'Trade' } });
    given([registered])
      .when(setTarget({ unit: ' ' }))
      .thenThrows('KPI_UNIT_REQUIRED', { message: 'KPI bilateral-trade-usd needs a unit', details: { kpi: 'bilateral-trade-usd' } });
    const target = event('ProgrammeTargetSet', { ...trade, value: '3', year: 2030, source: igc });
    given([registered, target])
      .when(observe({ unit: ' USD bn ' }))
      .thenThrows('KPI_UNIT_MISMATCH', {
        message: 'KPI bilateral-trade-usd is measured in USD, not USD bn',
        details: { kpi: 'bilateral-trade-usd', unit: 'USD bn', knownUnit: 'USD' },
      });
    given([registered])
      .when(setTarget({ year: undefined }))
      .thenThrows('KPI_YEAR_OR_DATE_REQUIRED', {
        message: 'A value of bilateral-trade-usd is for a year or for a date, exactly one of them',
        details: { kpi: 'bilateral-trade-usd' },
      });
    given([registered])
      .when(setTarget({ year: 2101 }))
      .thenThrows('KPI_YEAR_INVALID', { message: '2101 is not a year between 1900 and 2100', details: { year: 2101 } });
    given([registered])
      .when(observe({ year: 2027 }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE', {
        message: 'Nothing can be observed yet for 2027',
        details: { field: 'year', value: 2027, today: '2026-11-26' },
      });
  });

  it('accepts the years 1900 and 2100, the current year observed, and refuses 1899 and a fraction', () => {
    given([registered])
      .when(setTarget({ year: 1900 }))
      .then([event('ProgrammeTargetSet', { ...trade, value: '1', year: 1900, source: igc })]);
    given([registered])
      .when(setTarget({ year: 2100 }))
      .then([event('ProgrammeTargetSet', { ...trade, value: '1', year: 2100, source: igc })]);
    given([registered])
      .when(observe({ year: 2026 }))
      .then([event('ProgrammeKpiObserved', { ...trade, value: '1', year: 2026, source: igc })]);
    given([registered])
      .when(setTarget({ year: 1899 }))
      .thenThrows('KPI_YEAR_INVALID');
    given([registered])
      .when(setTarget({ year: 2030.5 }))
      .thenThrows('KPI_YEAR_INVALID');
  });

  it('keeps the unit a KPI was first given, and a trimmed unit', () => {
    const first = event('ProgrammeKpiObserved', { ...trade, value: '1', year: 2023, source: igc });
    const second = event('ProgrammeKpiObserved', { ...trade, unit: 'USD bn', value: '1', year: 2024, source: igc });
    given([registered, first, second])
      .when(observe({ unit: 'USD bn' }))
      .thenThrows('KPI_UNIT_MISMATCH', { details: { kpi: 'bilateral-trade-usd', unit: 'USD bn', knownUnit: 'USD' } });
    given([registered, first])
      .when(observe({ unit: ' USD ', kpi: 'bilateral-trade-usd' }))
      .then([first]);
    given([registered, first])
      .when(setTarget({ kpi: 'trip-hours', unit: 'h', date: '2030-01-01', year: undefined }))
      .then([event('ProgrammeTargetSet', { kpi: 'trip-hours', unit: 'h', value: '1', date: '2030-01-01', source: igc })]);
  });
});

describe('governance refusals', () => {
  const owner = { name: 'KZ Ministry of National Economy' };

  const assign = (data: object = {}) =>
    command('AssignDecisionAction', {
      decisionId: 'IGC12-D1',
      actionId: 'A-1',
      description: 'Publish schedule',
      owner,
      dueDate: '2025-06-30',
      effectiveDate: '2024-12-10',
      ...data,
    });

  const assigned = event('DecisionActionAssigned', {
    effectiveDate: '2024-12-10',
    decisionId: 'IGC12-D1',
    actionId: 'A-1',
    description: 'Publish schedule',
    owner,
    dueDate: '2025-06-30',
  });

  const complete = (completionDate: string, actionId = 'A-1') => command('CompleteDecisionAction', { actionId, completionDate });

  it('name the action and its dates', () => {
    given([registered, met])
      .when(assign({ decisionId: 'D9' }))
      .thenThrows('DECISION_NOT_FOUND', { message: 'Decision D9 is not recorded', details: { decisionId: 'D9' } });
    given([registered, met, assigned])
      .when(assign())
      .thenThrows('DUPLICATE_ACTION_ID', { message: 'Action A-1 is already assigned', details: { actionId: 'A-1' } });
    given([registered, met])
      .when(assign({ description: '' }))
      .thenThrows('ACTION_DESCRIPTION_REQUIRED', { message: 'An action needs a description', details: { actionId: 'A-1' } });
    given([registered, met])
      .when(assign({ dueDate: '2024-12-09' }))
      .thenThrows('ACTION_DUE_BEFORE_ASSIGNMENT', {
        message: 'Action A-1 would be due before it is assigned',
        details: { dueDate: '2024-12-09', assignedOn: '2024-12-10' },
      });
    given([registered, met])
      .when(complete('2025-01-01'))
      .thenThrows('ACTION_NOT_FOUND', { message: 'Action A-1 is not assigned', details: { actionId: 'A-1' } });
    const completed = event('DecisionActionCompleted', { decisionId: 'IGC12-D1', actionId: 'A-1', completionDate: '2025-05-20' });
    given([registered, met, assigned, completed])
      .when(complete('2025-05-21'))
      .thenThrows('ACTION_ALREADY_COMPLETED', { message: 'Action A-1 is already completed', details: { actionId: 'A-1' } });
    given([registered, met, assigned])
      .when(complete('2024-12-09'))
      .thenThrows('ACTION_COMPLETED_BEFORE_ASSIGNMENT', { message: 'Action A-1 was assigned on 2024-12-10', details: { actionId: 'A-1' } });
  });

  it('accept an action due and completed on the day it is assigned, each action on its own', () => {
    given([registered, met])
      .when(assign({ dueDate: '2024-12-10' }))
      .then([event('DecisionActionAssigned', { ...assigned.data, dueDate: '2024-12-10' })]);
    given([registered, met, assigned])
      .when(complete('2024-12-10'))
      .then([event('DecisionActionCompleted', { effectiveDate: '2024-12-10', decisionId: 'IGC12-D1', actionId: 'A-1', completionDate: '2024-12-10' })]);
    const other = event('DecisionActionAssigned', { ...assigned.data, actionId: 'A-2', decisionId: 'IGC12-D2' });
    const otherDone = event('DecisionActionCompleted', { decisionId: 'IGC12-D2', actionId: 'A-2', completionDate: '2025-01-01' });
    given([registered, met, assigned, other, otherDone])
      .when(complete('2025-01-02'))
      .then([event('DecisionActionCompleted', { effectiveDate: '2025-01-02', decisionId: 'IGC12-D1', actionId: 'A-1', completionDate: '2025-01-02' })]);
    given([registered, met, otherDone]).when(complete('2025-01-02', 'A-2')).thenThrows('ACTION_NOT_FOUND');
  });

  it('keep the meeting number 1, a trimmed body name and the decisions of every meeting', () => {
    given([registered])
      .when(meeting({ meetingNumber: 1, bodyName: '  ', decisions: [{ decisionId: 'D1', text: ' Agreed ', kind: 'memorandum' }] }))
      .then([event('GovernanceMeetingRecorded', { ...met.data, meetingNumber: 1, decisions: [{ decisionId: 'D1', text: 'Agreed', kind: 'memorandum' }] })]);
    const second = event('GovernanceMeetingRecorded', { ...met.data, meetingId: 'IGC-13', decisions: [{ decisionId: 'IGC13-D1', text: 'x', kind: 'other' }] });
    given([registered, met, second])
      .when(assign({ decisionId: 'IGC13-D1' }))
      .then([event('DecisionActionAssigned', { ...assigned.data, decisionId: 'IGC13-D1' })]);
    given([registered, met, second])
      .when(meeting({ meetingId: 'IGC-14', decisions: [{ decisionId: 'IGC12-D1', text: 'x', kind: 'other' }] }))
      .thenThrows('DUPLICATE_DECISION_ID');
  });
});
