import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const dac = (code: string, percentage: number) => ({ vocabulary: '1', code, percentage });
const storedDac = (code: string, percentage: number) => ({ vocabulary: coded('SectorVocabulary', '1'), code: coded('Sector', code), percentage });

describe('SetSectors', () => {
  const setSectors = (sectors: { vocabulary: string; code: string; percentage: number }[]) => projectCommand('SetSectors', { sectors });

  it('replaces the whole set: DAC codes summing to 100 and the cluster code alongside', () => {
    given([registered])
      .when(setSectors([dac('21020', 70), dac('33120', 30), { vocabulary: '99', code: 'transport', percentage: 100 }]))
      .then([
        projectEvent('ProjectSectorsSet', {
          sectors: [
            storedDac('21020', 70),
            storedDac('33120', 30),
            {
              vocabulary: coded('SectorVocabulary', '99'),
              code: { code: 'transport', codelist: 'ECAB cluster (vocabulary 99)', version: '1' },
              percentage: 100,
            },
          ],
        }),
      ]);
  });

  it('rejects an empty set', () => {
    given([registered]).when(setSectors([])).thenThrows('SECTORS_REQUIRED');
  });

  it('rejects a cluster code without a DAC code alongside', () => {
    given([registered])
      .when(setSectors([{ vocabulary: '98', code: 'transport', percentage: 100 }]))
      .thenThrows('DAC_SECTOR_REQUIRED');
  });

  it('rejects a cluster code of another cluster', () => {
    given([registered])
      .when(setSectors([dac('21020', 100), { vocabulary: '99', code: 'health', percentage: 100 }]))
      .thenThrows('SECTOR_CLUSTER_MISMATCH');
  });

  it('rejects a cluster code that is not an ECAB cluster', () => {
    given([registered])
      .when(setSectors([dac('21020', 100), { vocabulary: '99', code: 'energy', percentage: 100 }]))
      .thenThrows('UNKNOWN_CLUSTER');
  });

  it('rejects a code that is not a DAC 5-digit sector, and a withdrawn one', () => {
    given([registered])
      .when(setSectors([dac('21000', 100)]))
      .thenThrows('UNKNOWN_DAC_SECTOR');
    given([registered])
      .when(setSectors([dac('15120', 100)]))
      .thenThrows('DAC_SECTOR_WITHDRAWN');
  });

  it('rejects a vocabulary other than 1, 98 and 99', () => {
    given([registered])
      .when(setSectors([{ vocabulary: '2', code: '210', percentage: 100 }]))
      .thenThrows('CODE_NOT_IN_LIST');
  });

  it('rejects the same sector twice', () => {
    given([registered])
      .when(setSectors([dac('21020', 50), dac('21020', 50)]))
      .thenThrows('DUPLICATE_SECTOR');
  });

  it('rejects shares that are not positive or have more than 2 decimals', () => {
    given([registered])
      .when(setSectors([dac('21020', 100), dac('33120', 0)]))
      .thenThrows('SECTOR_PERCENTAGE_NOT_POSITIVE');
    given([registered])
      .when(setSectors([dac('21020', 33.333), dac('33120', 66.667)]))
      .thenThrows('SECTOR_PERCENTAGE_TOO_PRECISE');
  });

  it('rejects DAC shares that do not add up to 100, counting in hundredths', () => {
    given([registered])
      .when(setSectors([dac('21020', 59.4), dac('33120', 40.6)]))
      .then([projectEvent('ProjectSectorsSet', { sectors: [storedDac('21020', 59.4), storedDac('33120', 40.6)] })]);
    const violation = given([registered])
      .when(setSectors([dac('21020', 60), dac('33120', 30)]))
      .thenThrows('SECTOR_PERCENTAGES_MUST_SUM_TO_100');
    expect(violation.details).toEqual({ vocabulary: '1', total: '90.00' });
  });
});
