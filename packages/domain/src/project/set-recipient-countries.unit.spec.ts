import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

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
