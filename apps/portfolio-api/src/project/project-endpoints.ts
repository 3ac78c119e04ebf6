import { addDocumentLinkEndpoint } from './add-document-link/add-document-link.endpoint.js';
import { addLocationEndpoint } from './add-location/add-location.endpoint.js';
import { addOtherIdentifierEndpoint } from './add-other-identifier/add-other-identifier.endpoint.js';
import { approveProjectEndpoint } from './approve-project/approve-project.endpoint.js';
import { assignIatiIdentifierEndpoint } from './assign-iati-identifier/assign-iati-identifier.endpoint.js';
import { assignParticipantEndpoint } from './assign-participant/assign-participant.endpoint.js';
import { cancelProjectEndpoint } from './cancel-project/cancel-project.endpoint.js';
import { changeProjectStatusEndpoint } from './change-project-status/change-project-status.endpoint.js';
import { closeProjectEndpoint } from './close-project/close-project.endpoint.js';
import { linkRelatedActivityEndpoint } from './link-related-activity/link-related-activity.endpoint.js';
import { publishProjectEndpoint } from './publish-project/publish-project.endpoint.js';
import { recordCommitmentEndpoint } from './record-commitment/record-commitment.endpoint.js';
import { recordDisbursementEndpoint } from './record-disbursement/record-disbursement.endpoint.js';
import { recordBudgetEndpoint } from './record-budget/record-budget.endpoint.js';
import { recordProjectDateEndpoint } from './record-project-date/record-project-date.endpoint.js';
import { registerProjectEndpoint } from './register-project/register-project.endpoint.js';
import { resumeProjectEndpoint } from './resume-project/resume-project.endpoint.js';
import { setPolicyMarkersEndpoint } from './set-policy-markers/set-policy-markers.endpoint.js';
import { setProjectTitlesEndpoint } from './set-project-titles/set-project-titles.endpoint.js';
import { setRecipientCountriesEndpoint } from './set-recipient-countries/set-recipient-countries.endpoint.js';
import { setSectorsEndpoint } from './set-sectors/set-sectors.endpoint.js';
import { suspendProjectEndpoint } from './suspend-project/suspend-project.endpoint.js';

/**
 * The project use cases, one folder each; this table is their table of contents, in the order a
 * project lives them (the examples run in this order end to end).
 */
export const projectEndpoints = [
  registerProjectEndpoint,
  recordCommitmentEndpoint,
  recordDisbursementEndpoint,
  assignIatiIdentifierEndpoint,
  publishProjectEndpoint,
  addOtherIdentifierEndpoint,
  setProjectTitlesEndpoint,
  setSectorsEndpoint,
  setPolicyMarkersEndpoint,
  setRecipientCountriesEndpoint,
  addLocationEndpoint,
  assignParticipantEndpoint,
  linkRelatedActivityEndpoint,
  recordBudgetEndpoint,
  addDocumentLinkEndpoint,
  approveProjectEndpoint,
  recordProjectDateEndpoint,
  changeProjectStatusEndpoint,
  suspendProjectEndpoint,
  resumeProjectEndpoint,
  closeProjectEndpoint,
  cancelProjectEndpoint,
];
