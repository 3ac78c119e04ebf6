import { command, decisions, event, given, meeting, met, names, register, registered } from '../test-support/programme-fixtures.js';
import { programmeStreamId } from './stream.js';

describe('RegisterProgramme', () => {
  it('registers the programme with its names, aliases and clusters', () => {
    given([])
      .when(register({ names: { ...names, kk: ' ' }, aliases: [' ABEC', 'ABCI'] }))
      .then([registered]);
  });
  it('rejects registering twice', () => {
    given([registered]).when(register()).thenThrows('PROGRAMME_ALREADY_REGISTERED');
  });
  it('rejects a missing English name and an unknown language', () => {
    given([])
      .when(register({ names: { en: ' ', ru: 'ЭКАБ' } }))
      .thenThrows('NAME_REQUIRED');
    given([])
      .when(register({ names: { en: 'ECAB', fr: 'CEAB' } }))
      .thenThrows('UNKNOWN_LANGUAGE');
  });
  it('rejects blank or repeated aliases', () => {
    given([])
      .when(register({ aliases: ['ABEC', ' '] }))
      .thenThrows('PROGRAMME_ALIAS_BLANK');
    given([])
      .when(register({ aliases: ['ABEC', 'abec'] }))
      .thenThrows('DUPLICATE_PROGRAMME_ALIAS');
  });
  it('rejects no clusters, an unknown cluster and a repeated one', () => {
    given([])
      .when(register({ clusters: [] }))
      .thenThrows('PROGRAMME_CLUSTERS_REQUIRED');
    given([])
      .when(register({ clusters: ['transport', 'energy'] }))
      .thenThrows('UNKNOWN_CLUSTER');
    given([])
      .when(register({ clusters: ['transport', 'transport'] }))
      .thenThrows('DUPLICATE_PROGRAMME_CLUSTER');
  });
  it('lives in the stream programme-<id>', () => {
    expect(programmeStreamId('ECAB-PROG')).toBe('programme-ECAB-PROG');
  });
});

describe('SetProgrammeTarget and ObserveProgrammeKpi', () => {
  const igc = { citation: 'IGC, Dec 2024', date: '2024-12-05', confidence: 'confirmed' };
  const silkway = { citation: 'silkway.news', confidence: 'unconfirmed' };
  const trade = { kpi: 'bilateral-trade-usd', unit: 'USD' };
  const target = event('ProgrammeTargetSet', { ...trade, value: '3000000000', year: 2030, source: igc });
  it('sets a target for a future year, with its source', () => {
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '3000000000', year: 2030, source: igc }))
      .then([target]);
  });
  it('observes a value for a past year or a date', () => {
    given([registered, target])
      .when(command('ObserveProgrammeKpi', { ...trade, value: '1600000000', year: 2023, source: silkway }))
      .then([event('ProgrammeKpiObserved', { ...trade, value: '1600000000', year: 2023, source: silkway })]);
    const trip = {
      kpi: 'almaty-bishkek-trip-hours',
      unit: 'h',
      value: '4',
      date: '2024-08-01',
      source: { citation: 'development.asia', confidence: 'unconfirmed' },
    };
    given([registered])
      .when(command('ObserveProgrammeKpi', trip))
      .then([event('ProgrammeKpiObserved', trip)]);
  });
  it('rejects observing a future year or date, while a target may lie ahead', () => {
    given([registered])
      .when(command('ObserveProgrammeKpi', { ...trade, value: '3000000000', year: 2030, source: igc }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([registered])
      .when(command('ObserveProgrammeKpi', { ...trade, value: '1', date: '2026-11-27', source: igc }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
  it('rejects neither or both of year and date, and a year out of range', () => {
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', source: igc }))
      .thenThrows('KPI_YEAR_OR_DATE_REQUIRED');
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', year: 2030, date: '2030-01-01', source: igc }))
      .thenThrows('KPI_YEAR_OR_DATE_REQUIRED');
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', year: 30, source: igc }))
      .thenThrows('KPI_YEAR_INVALID');
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', date: '2030-02-30', source: igc }))
      .thenThrows('DATE_INVALID');
  });
  it('rejects a bad KPI code, a blank unit, a unit other than the KPI’s and a value that is not a decimal', () => {
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, kpi: 'Bilateral Trade', value: '1', year: 2030, source: igc }))
      .thenThrows('KPI_CODE_INVALID');
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, unit: ' ', value: '1', year: 2030, source: igc }))
      .thenThrows('KPI_UNIT_REQUIRED');
    given([registered, target])
      .when(command('ObserveProgrammeKpi', { ...trade, unit: 'USD bn', value: '1.6', year: 2023, source: igc }))
      .thenThrows('KPI_UNIT_MISMATCH');
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '$3bn', year: 2030, source: igc }))
      .thenThrows('VALUE_NOT_DECIMAL');
  });
  it('rejects a value without a citation or before the programme is registered', () => {
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', year: 2030, source: { citation: ' ', confidence: 'confirmed' } }))
      .thenThrows('SOURCE_CITATION_REQUIRED');
    given([])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', year: 2030, source: igc }))
      .thenThrows('PROGRAMME_NOT_FOUND');
  });
});

describe('RecordGovernanceMeeting', () => {
  it('records a meeting with its decisions, effective on the meeting date', () => {
    given([registered]).when(meeting()).then([met]);
  });
  it('records a working group meeting without a number', () => {
    const decision = [{ decisionId: 'TWG6-D1', text: 'Share BCP designs', kind: 'other' }];
    given([registered])
      .when(
        meeting({
          meetingId: 'TWG-6',
          body: 'working-group',
          bodyName: 'Transport & Infrastructure',
          meetingNumber: undefined,
          date: '2025-03-28',
          decisions: decision,
        }),
      )
      .then([
        event('GovernanceMeetingRecorded', {
          effectiveDate: '2025-03-28',
          meetingId: 'TWG-6',
          body: 'working-group',
          bodyName: 'Transport & Infrastructure',
          date: '2025-03-28',
          place: 'Bishkek',
          decisions: decision,
        }),
      ]);
  });
  it('rejects a meeting id or decision id recorded before, and a decision id repeated in the meeting', () => {
    given([registered, met]).when(meeting()).thenThrows('DUPLICATE_MEETING_ID');
    given([registered, met])
      .when(meeting({ meetingId: 'IGC-13', decisions: [decisions[0]] }))
      .thenThrows('DUPLICATE_DECISION_ID');
    given([registered])
      .when(meeting({ decisions: [decisions[0], decisions[0]] }))
      .thenThrows('DUPLICATE_DECISION_ID');
  });
  it('rejects no decisions, a decision without text or of an unknown kind', () => {
    given([registered])
      .when(meeting({ decisions: [] }))
      .thenThrows('DECISIONS_REQUIRED');
    given([registered])
      .when(meeting({ decisions: [{ decisionId: 'D', text: ' ', kind: 'other' }] }))
      .thenThrows('DECISION_TEXT_REQUIRED');
    given([registered])
      .when(meeting({ decisions: [{ decisionId: 'D', text: 'x', kind: 'resolution' }] }))
      .thenThrows('UNKNOWN_DECISION_KIND');
  });
  it('rejects an unknown body, a bad meeting number, a future date, no place, or no programme', () => {
    given([registered])
      .when(meeting({ body: 'cabinet' }))
      .thenThrows('UNKNOWN_GOVERNANCE_BODY');
    given([registered])
      .when(meeting({ meetingNumber: 0 }))
      .thenThrows('MEETING_NUMBER_INVALID');
    given([registered])
      .when(meeting({ meetingNumber: 12.5 }))
      .thenThrows('MEETING_NUMBER_INVALID');
    given([registered])
      .when(meeting({ date: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([registered])
      .when(meeting({ place: '' }))
      .thenThrows('MEETING_PLACE_REQUIRED');
    given([]).when(meeting()).thenThrows('PROGRAMME_NOT_FOUND');
  });
});

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
  const completed = event('DecisionActionCompleted', { effectiveDate: '2025-05-20', decisionId: 'IGC12-D1', actionId: 'A-1', completionDate: '2025-05-20' });
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
