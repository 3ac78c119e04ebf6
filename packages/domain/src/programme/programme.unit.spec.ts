import { command, event, given, registered } from '../test-support/programme-fixtures.js';
import { programmeStreamId } from './stream.js';

describe('RegisterProgramme', () => {
  it('lives in the stream programme-<id>', () => {
    expect(programmeStreamId('ECAB-PROG')).toBe('programme-ECAB-PROG');
  });
});

describe('SetProgrammeTarget and ObserveProgrammeKpi', () => {
  const igc = { citation: 'IGC, Dec 2024', date: '2024-12-05', confidence: 'confirmed' };

  const trade = { kpi: 'bilateral-trade-usd', unit: 'USD' };

  const target = event('ProgrammeTargetSet', { ...trade, value: '3000000000', year: 2030, source: igc });

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
});
