import { command, event, given, registered } from '../test-support/programme-fixtures.js';

describe('SetProgrammeTarget and ObserveProgrammeKpi', () => {
  const igc = { citation: 'IGC, Dec 2024', date: '2024-12-05', confidence: 'confirmed' };

  const silkway = { citation: 'silkway.news', confidence: 'unconfirmed' };

  const trade = { kpi: 'bilateral-trade-usd', unit: 'USD' };

  const target = event('ProgrammeTargetSet', { ...trade, value: '3000000000', year: 2030, source: igc });

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
});
