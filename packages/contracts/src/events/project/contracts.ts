import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import {
  budgetRecordedV1,
  commitmentRecordedV1,
  commitmentRecordedV2,
  disbursementRecordedV1,
  disbursementRecordedV2,
  documentLinkAddedV1,
  locationAddedV1,
  otherIdentifierAddedV1,
  participantAssignedV1,
  policyMarkersSetV1,
  projectApprovedV1,
  projectDateRecordedV1,
  projectIdentifierAssignedV1,
  projectPublishedV1,
  projectRegisteredV1,
  projectSectorsSetV1,
  projectStatusChangedV1,
  projectTitlesSetV1,
  recipientCountriesSetV1,
  relatedActivityLinkedV1,
  upcastCommitmentRecordedV1,
  upcastDisbursementRecordedV1,
} from './index.js';

/** Projects: one stream per project. Descriptive data is internal until the project is published (docs/DOMAIN.md §3.2). Name, aggregate, audience and topic come from the domain's event catalogue. */
export const PROJECT_CONTRACTS: readonly EventContract[] = [
  publishedEvent('ProjectRegistered', {
    schema: projectRegisteredV1,
    description: 'A project joined the ECAB portfolio, in one cluster, with its recipient countries.',
  }),
  publishedEvent('CommitmentRecorded', { schemaVersion: 1, schema: commitmentRecordedV1, description: 'A financier committed funds to a project.' }),
  publishedEvent('CommitmentRecorded', {
    schema: commitmentRecordedV2,
    description:
      "A financier committed funds to a project (recorded before money lived on agreements); names the project's shorthand agreement with the financier it counts under.",
    upcastFromPrevious: upcastCommitmentRecordedV1,
  }),
  publishedEvent('DisbursementRecorded', {
    schemaVersion: 1,
    schema: disbursementRecordedV1,
    description: 'Funds of a financier were disbursed to a project.',
  }),
  publishedEvent('DisbursementRecorded', {
    schema: disbursementRecordedV2,
    description:
      "Funds of a financier were released to a project (recorded before money lived on agreements; counts as funds received, IATI 1); names the project's shorthand agreement it counts under.",
    upcastFromPrevious: upcastDisbursementRecordedV1,
  }),
  publishedEvent('ProjectIdentifierAssigned', {
    schema: projectIdentifierAssignedV1,
    description: 'A project was given its IATI activity identifier, or a corrected one.',
  }),
  publishedEvent('ProjectPublished', { schema: projectPublishedV1, description: 'A validated project was published under its IATI identifier.' }),
  publishedEvent('OtherIdentifierAdded', {
    schema: otherIdentifierAddedV1,
    description: 'Another identifier of the project (IATI other-identifier) was recorded.',
  }),
  publishedEvent('ProjectTitlesSet', {
    schema: projectTitlesSetV1,
    description: "The project's titles in English and the other portfolio languages were set.",
  }),
  publishedEvent('ProjectSectorsSet', {
    schema: projectSectorsSetV1,
    description: "The project's sector set (DAC and ECAB cluster codes, with shares) was replaced.",
  }),
  publishedEvent('PolicyMarkersSet', { schema: policyMarkersSetV1, description: "The project's IATI policy markers and their significance were replaced." }),
  publishedEvent('RecipientCountriesSet', {
    schema: recipientCountriesSetV1,
    description: "The project's recipient countries and their shares were replaced.",
  }),
  publishedEvent('LocationAdded', { schema: locationAddedV1, description: 'A location of the project was recorded, with its coordinates if known.' }),
  publishedEvent('ParticipantAssigned', {
    schema: participantAssignedV1,
    description: 'An organisation took a role (funding, accountable, extending, implementing) in the project.',
  }),
  publishedEvent('ProjectDateRecorded', { schema: projectDateRecordedV1, description: 'A planned or actual start or end date of the project was recorded.' }),
  publishedEvent('ProjectApproved', { schema: projectApprovedV1, description: 'The project was approved; its stage became approved.' }),
  publishedEvent('ProjectStatusChanged', {
    schema: projectStatusChangedV1,
    description: "The project's IATI activity status changed, and with it its life stage.",
  }),
  publishedEvent('RelatedActivityLinked', {
    schema: relatedActivityLinkedV1,
    description: 'The project was linked to a parent, child, sibling, co-funded or third-party activity.',
  }),
  publishedEvent('BudgetRecorded', {
    schema: budgetRecordedV1,
    description: 'A budget of the project (IATI budget: original or revised, indicative or committed) for a period of at most one year was recorded.',
  }),
  publishedEvent('DocumentLinkAdded', {
    schema: documentLinkAddedV1,
    description: 'A public document about the project (IATI document-link: its web page, an appraisal, a report) was linked, with its format and category.',
  }),
];
