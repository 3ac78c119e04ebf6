import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const dac = (code: string, percentage: number) => ({ vocabulary: '1', code, percentage });
const storedDac = (code: string, percentage: number) => ({ vocabulary: coded('SectorVocabulary', '1'), code: coded('Sector', code), percentage });

describe('SetProjectTitles', () => {
  it('stores the English title and the optional translations, trimmed, dropping blank ones', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: ' Almaty–Issyk-Kul road: FS ', ru: 'Дорога Алматы–Иссык-Куль: ТЭО', kk: ' ' } }))
      .then([projectEvent('ProjectTitlesSet', { titles: { en: 'Almaty–Issyk-Kul road: FS', ru: 'Дорога Алматы–Иссык-Куль: ТЭО' } })]);
  });
  it('rejects titles without English', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: '', ru: 'Дорога' } }))
      .thenThrows('TITLE_REQUIRED');
  });
  it('rejects a translation longer than 500 characters', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: 'Road', ky: 'ж'.repeat(501) } }))
      .thenThrows('TITLE_TOO_LONG');
  });
  it('rejects a language the portfolio does not keep', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: 'Road', uz: 'Yo‘l' } as never }))
      .thenThrows('UNKNOWN_LANGUAGE');
  });
});

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

describe('SetPolicyMarkers', () => {
  it('records climate mitigation, adaptation and DRR with their significance', () => {
    given([registered])
      .when(
        projectCommand('SetPolicyMarkers', {
          markers: [
            { code: '6', significance: '1' },
            { code: '7', significance: '2' },
            { code: '10', significance: '0' },
          ],
        }),
      )
      .then([
        projectEvent('PolicyMarkersSet', {
          markers: [
            { marker: coded('PolicyMarker', '6'), significance: coded('PolicySignificance', '1') },
            { marker: coded('PolicyMarker', '7'), significance: coded('PolicySignificance', '2') },
            { marker: coded('PolicyMarker', '10'), significance: coded('PolicySignificance', '0') },
          ],
        }),
      ]);
  });
  it('rejects markers other than 1, 6, 7, 10 and significance above 2', () => {
    given([registered])
      .when(projectCommand('SetPolicyMarkers', { markers: [{ code: '2', significance: '1' }] }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('SetPolicyMarkers', { markers: [{ code: '6', significance: '3' }] }))
      .thenThrows('CODE_NOT_IN_LIST');
  });
  it('rejects a marker listed twice', () => {
    given([registered])
      .when(
        projectCommand('SetPolicyMarkers', {
          markers: [
            { code: '6', significance: '1' },
            { code: '6', significance: '2' },
          ],
        }),
      )
      .thenThrows('DUPLICATE_POLICY_MARKER');
  });
});

describe('SetRecipientCountries', () => {
  it('replaces the whole set of countries', () => {
    const countries = [{ code: 'KG', percentage: 100 }] as const;
    given([registered])
      .when(projectCommand('SetRecipientCountries', { countries }))
      .then([projectEvent('RecipientCountriesSet', { countries })]);
  });
  it('rejects shares that do not add up to 100', () => {
    given([registered])
      .when(projectCommand('SetRecipientCountries', { countries: [{ code: 'KZ', percentage: 50 }] }))
      .thenThrows('COUNTRY_PERCENTAGES_MUST_SUM_TO_100', {
        message: 'The country shares add up to 50.00%, not 100%',
        details: { total: '50.00' },
      });
  });
  it('rejects a country outside the corridor, a share that is not positive, and one finer than hundredths', () => {
    const set = (countries: { code: string; percentage: number }[]) =>
      given([registered]).when(projectCommand('SetRecipientCountries', { countries } as never));
    set([{ code: 'UZ', percentage: 100 }]).thenThrows('UNKNOWN_COUNTRY', {
      message: '"UZ" is not a recipient country of the corridor',
      details: { country: 'UZ', allowed: ['KZ', 'KG'] },
    });
    set([
      { code: 'KZ', percentage: 100 },
      { code: 'KG', percentage: 0 },
    ]).thenThrows('COUNTRY_PERCENTAGE_NOT_POSITIVE', { message: 'The share of KG must be greater than 0', details: { country: 'KG', percentage: 0 } });
    set([
      { code: 'KZ', percentage: 33.333 },
      { code: 'KG', percentage: 66.667 },
    ]).thenThrows('COUNTRY_PERCENTAGE_TOO_PRECISE', {
      message: 'The share of KZ may have at most 2 decimal places',
      details: { country: 'KZ', percentage: 33.333 },
    });
  });
});

describe('AddLocation', () => {
  const karasu = { locationId: 'BCP-KARASU', name: 'Karasu BCP', point: { latitude: 43.05, longitude: 74.63 } };
  it('records a location with its point', () => {
    given([registered])
      .when(projectCommand('AddLocation', karasu))
      .then([projectEvent('LocationAdded', karasu)]);
  });
  it('rejects the same location id twice', () => {
    given([registered, projectEvent('LocationAdded', karasu)])
      .when(projectCommand('AddLocation', karasu))
      .thenThrows('DUPLICATE_LOCATION_ID');
  });
  it('rejects a location without a name', () => {
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, name: '  ' }))
      .thenThrows('LOCATION_NAME_REQUIRED');
  });
  it.each([
    [91, 74],
    [43, -181],
    [Number.NaN, 0],
  ])('rejects the point %d, %d', (latitude, longitude) => {
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, point: { latitude, longitude } }))
      .thenThrows('COORDINATES_OUT_OF_RANGE');
  });
});

describe('AssignParticipant', () => {
  const adbFunding = { organisation: { organisationId: 'XM-DAC-46004' }, role: '1', organisationType: '40' };
  it('records an organisation in an IATI role with its type', () => {
    given([registered])
      .when(projectCommand('AssignParticipant', adbFunding))
      .then([
        projectEvent('ParticipantAssigned', {
          organisation: { organisationId: 'XM-DAC-46004' },
          role: coded('OrganisationRole', '1'),
          organisationType: coded('OrganisationType', '40'),
        }),
      ]);
  });
  it('accepts an organisation known by name only', () => {
    given([registered])
      .when(projectCommand('AssignParticipant', { organisation: { name: 'KazAvtoZhol JSC' }, role: '4' }))
      .then([projectEvent('ParticipantAssigned', { organisation: { name: 'KazAvtoZhol JSC' }, role: coded('OrganisationRole', '4') })]);
  });
  it('rejects the same organisation twice in the same role', () => {
    given([registered, projectEvent('ParticipantAssigned', { organisation: { organisationId: 'XM-DAC-46004' }, role: coded('OrganisationRole', '1') })])
      .when(projectCommand('AssignParticipant', adbFunding))
      .thenThrows('DUPLICATE_PARTICIPANT');
  });
  it('rejects a role outside 1–4, an unknown organisation type, and a missing organisation', () => {
    given([registered])
      .when(projectCommand('AssignParticipant', { ...adbFunding, role: '5' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('AssignParticipant', { ...adbFunding, organisationType: '99' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('AssignParticipant', { organisation: {}, role: '1' }))
      .thenThrows('ORGANISATION_REFERENCE_REQUIRED');
  });
});
