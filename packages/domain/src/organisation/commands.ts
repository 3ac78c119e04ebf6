import type { Command } from '../decider/decider.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { LocalizedNames } from '../localized-names/localized-names.js';

export type RegisterOrganisation = Command<
  'RegisterOrganisation',
  {
    organisationId: string;
    names: LocalizedNames;
    /** Only once checked against the register (docs/DOMAIN.md §5); many public bodies have none. */
    iatiOrgId?: string;
    /** IATI OrganisationType: 10, 11, 15, 40, 70, 71 or 72. */
    type: string;
    /** ISO 3166-1 alpha-2, e.g. KZ; absent for multilaterals. */
    countryCode?: string;
    parentId?: string;
  } & EffectiveDated
>;
export type RenameOrganisation = Command<'RenameOrganisation', { organisationId: string; names: LocalizedNames } & EffectiveDated>;
/** The organisation was absorbed by another (e.g. a ministry reorganised); its validity ends. */
export type MergeOrganisation = Command<'MergeOrganisation', { organisationId: string; intoOrganisationId: string; reason?: string } & EffectiveDated>;

export type OrganisationCommand = RegisterOrganisation | RenameOrganisation | MergeOrganisation;
