import { command, event, given, registered } from '../test-support/programme-fixtures.js';

const igc = { citation: 'IGC, Dec 2024', date: '2024-12-05', confidence: 'confirmed' };
const trade = { kpi: 'bilateral-trade-usd', unit: 'USD' };
const setTarget = (data: object) => command('SetProgrammeTarget', { ...trade, value: '1', year: 2030, source: igc, ...data });

describe('KPI refusals', () => {
  it('accepts kebab-case codes only', () => {
    given([registered])
      .when(setTarget({ kpi: 'trade-' }))
      .thenThrows('KPI_CODE_INVALID');
    given([registered])
      .when(setTarget({ kpi: '-trade' }))
      .thenThrows('KPI_CODE_INVALID');
    given([registered])
      .when(setTarget({ kpi: 'trade--usd' }))
      .thenThrows('KPI_CODE_INVALID');
    given([registered])
      .when(setTarget({ kpi: 'trade2030' }))
      .then([event('ProgrammeTargetSet', { ...trade, kpi: 'trade2030', value: '1', year: 2030, source: igc })]);
  });
});

describe('SetProgrammeTarget and ObserveProgrammeKpi', () => {
  const igc = { citation: 'IGC, Dec 2024', date: '2024-12-05', confidence: 'confirmed' };

  const trade = { kpi: 'bilateral-trade-usd', unit: 'USD' };

  const target = event('ProgrammeTargetSet', { ...trade, value: '3000000000', year: 2030, source: igc });

  it('sets a target for a future year, with its source', () => {
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '3000000000', year: 2030, source: igc }))
      .then([target]);
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

  it('rejects a value without a citation or before the programme is registered', () => {
    given([registered])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', year: 2030, source: { citation: ' ', confidence: 'confirmed' } }))
      .thenThrows('SOURCE_CITATION_REQUIRED');
    given([])
      .when(command('SetProgrammeTarget', { ...trade, value: '1', year: 2030, source: igc }))
      .thenThrows('PROGRAMME_NOT_FOUND');
  });
});
