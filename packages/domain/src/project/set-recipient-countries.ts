import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
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

/** `SetRecipientCountries`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const setRecipientCountriesUseCase = useCase('SetRecipientCountries', decideSetRecipientCountries);
