import type { DecisionContext } from '../decider/decider.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkCountryShares } from '../recipient-countries/country-shares.js';
import type { SetRecipientCountries } from './commands.js';
import type { RecipientCountriesSet } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';

export function decideSetRecipientCountries({ data }: SetRecipientCountries, state: ProjectState, { today }: DecisionContext): RecipientCountriesSet[] {
  requireRegisteredProject(state, data.projectId);
  checkCountryShares(data.countries);
  return [
    {
      type: 'RecipientCountriesSet',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        countries: data.countries.map(({ code, percentage }) => ({ code, percentage })),
      },
    },
  ];
}
