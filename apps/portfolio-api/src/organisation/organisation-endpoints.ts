import { mergeOrganisationEndpoint } from './merge-organisation/merge-organisation.endpoint.js';
import { registerOrganisationEndpoint } from './register-organisation/register-organisation.endpoint.js';
import { renameOrganisationEndpoint } from './rename-organisation/rename-organisation.endpoint.js';

/**
 * The organisation reference list use cases (programme-wide, no project), one folder each; this
 * table is their table of contents, in the order an organisation lives them (the examples run in
 * this order end to end, on organisation ids unique to the run).
 */
export const organisationEndpoints = [registerOrganisationEndpoint, renameOrganisationEndpoint, mergeOrganisationEndpoint];
