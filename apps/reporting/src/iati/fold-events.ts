import type { PortfolioEvent } from '@ecab/contracts';
import { codeOf, isIllustrative, organisationRef, type Data } from './event-data.js';
import { applyMoneyEvent } from './fold-money.js';
import { applyResultsEvent } from './fold-results.js';
import type { LocalizedNames } from './narratives.js';
import { emptyDescriptive, type PortfolioFacts, type ProjectFacts } from './portfolio-facts.js';

const code = codeOf;

/** Folds events, in log order, into the facts the reports read. Events reports do not use are passed over. */
export function foldPortfolioFacts(events: readonly PortfolioEvent[]): PortfolioFacts {
  const facts: PortfolioFacts = { programme: undefined, organisations: new Map(), projects: new Map(), asOf: undefined };
  for (const event of events) {
    if (facts.asOf === undefined || event.time > facts.asOf) facts.asOf = event.time;
    applyReferenceEvent(facts, event.type, event.data, event.time);
    const projectId = typeof event.data.projectId === 'string' ? event.data.projectId : undefined;
    if (event.type === 'ProjectRegistered' && projectId !== undefined) facts.projects.set(projectId, registered(event.data, event.time));
    const project = projectId === undefined ? undefined : facts.projects.get(projectId);
    if (!project) continue;
    if (event.time > project.lastUpdated) project.lastUpdated = event.time;
    applyProjectEvent(project, event.type, event.data);
    applyMoneyEvent(project, event.type, event.data, event.eventId);
    applyResultsEvent(project, event.type, event.data);
  }
  return facts;
}

function registered(data: Data, time: string): ProjectFacts {
  return {
    projectId: data.projectId,
    cluster: data.cluster,
    title: data.title,
    countries: (data.countries as { code: string; percentage: number }[]).map(({ code: c, percentage }) => ({ code: c, percentage })),
    status: '1',
    dates: new Map(),
    agreements: new Map(),
    transactions: [],
    verifiedActuals: [],
    reportedActualIllustrative: new Map(),
    published: undefined,
    draft: emptyDescriptive(),
    lastUpdated: time,
  };
}

function applyReferenceEvent(facts: PortfolioFacts, type: string, data: Data, time: string): void {
  switch (type) {
    case 'ProgrammeRegistered':
      facts.programme = {
        programmeId: data.programmeId,
        names: data.names,
        aliases: data.aliases ?? [],
        clusters: data.clusters ?? [],
        effectiveDate: data.effectiveDate,
        lastUpdated: time,
      };
      return;
    case 'OrganisationRegistered':
      facts.organisations.set(data.organisationId, {
        organisationId: data.organisationId,
        names: data.names,
        iatiOrgId: data.iatiOrgId,
        type: code(data.type),
      });
      return;
    case 'OrganisationRenamed': {
      const organisation = facts.organisations.get(data.organisationId);
      if (organisation) organisation.names = data.names as LocalizedNames;
      return;
    }
    default:
      if (facts.programme && data.programmeId === facts.programme.programmeId && time > facts.programme.lastUpdated) facts.programme.lastUpdated = time;
  }
}

/** Project events: partner-facing ones change the project, descriptive ones its draft until published. */
function applyProjectEvent(project: ProjectFacts, type: string, data: Data): void {
  const draft = project.draft;
  switch (type) {
    case 'ProjectStatusChanged':
      project.status = code(data.to);
      return;
    case 'ProjectDateRecorded':
      project.dates.set(code(data.dateType), { date: data.date, illustrative: isIllustrative(data) });
      return;
    case 'ProjectPublished':
      project.published = { iatiIdentifier: data.iatiIdentifier, descriptive: structuredClone(draft) };
      return;
    case 'ProjectTitlesSet':
      draft.titles = data.titles;
      return;
    case 'ProjectSectorsSet':
      draft.sectors = (data.sectors as Data[]).map((s) => ({ vocabulary: code(s.vocabulary), code: code(s.code), percentage: s.percentage }));
      return;
    case 'RecipientCountriesSet':
      draft.countries = (data.countries as Data[]).map((c) => ({ code: c.code, percentage: c.percentage }));
      return;
    case 'PolicyMarkersSet':
      draft.policyMarkers = (data.markers as Data[]).map((m) => ({ code: code(m.marker), significance: code(m.significance) }));
      return;
    case 'LocationAdded':
      draft.locations.push({ locationId: data.locationId, name: data.name, description: data.description, point: data.point });
      return;
    case 'ParticipantAssigned':
      draft.participants.push({
        organisation: organisationRef(data.organisation),
        role: code(data.role),
        type: data.organisationType ? code(data.organisationType) : undefined,
      });
      return;
    case 'RelatedActivityLinked':
      draft.relatedActivities.push({ relatedActivityId: data.relatedActivityId, type: code(data.relationType) });
      return;
    case 'BudgetRecorded':
      draft.budgets.push({
        budgetId: data.budgetId,
        type: code(data.budgetType),
        status: code(data.budgetStatus),
        start: data.period.start,
        end: data.period.end,
        amount: data.amount,
        currency: data.currency,
        valueDate: data.valueDate,
        illustrative: isIllustrative(data),
      });
      return;
    case 'DocumentLinkAdded':
      draft.documentLinks.push({
        documentId: data.documentId,
        url: data.url,
        format: data.format,
        title: data.title,
        category: code(data.category),
        language: data.language ? code(data.language) : undefined,
        documentDate: data.documentDate,
        illustrative: isIllustrative(data),
      });
      return;
    case 'OtherIdentifierAdded':
      draft.otherIdentifiers.push({ ref: data.ref, type: code(data.identifierType), owner: data.owner ? organisationRef(data.owner) : undefined });
      return;
    default:
  }
}
