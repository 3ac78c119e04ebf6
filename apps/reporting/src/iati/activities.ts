import type { ExportOptions } from './export-options.js';
import type { IatiActivity } from './iati-activity.js';
import { narrativesOf } from './narratives.js';
import type { PortfolioFacts, ProgrammeFacts } from './portfolio-facts.js';
import { projectActivity } from './project-activity.js';

const PARENT = '1';
const CHILD = '2';
const ACCOUNTABLE = '2';
const IMPLEMENTATION = '2';
const ACTUAL_START = '2';
/** Region 619 "Central Asia, regional" (OECD DAC region vocabulary 1): the corridor spans KZ and KG. */
const CENTRAL_ASIA = { code: '619', vocabulary: '1', percentage: 100 };

/**
 * The IATI activities of the portfolio (docs/DOMAIN.md §6.4): the programme as hierarchy 1 and every published
 * project as hierarchy 2, or 3 when it is the child of another project (one per border crossing point).
 * A parent lists each child (related-activity type 2) and each child points back (type 1).
 */
export function iatiActivities(facts: PortfolioFacts, options: ExportOptions): IatiActivity[] {
  const programme = facts.programme ? programmeActivity(facts.programme, options) : undefined;
  const published = [...facts.projects.values()].filter((p) => p.published !== undefined);
  const projects = published.map((p) => projectActivity(p, facts, options));
  const byLocalId = new Map(projects.map((a) => [a.localId, a]));
  // A link names a portfolio id (programme or project) or an IATI identifier; an unpublished project has none partners know.
  const identifierOf = (id: string): string | undefined => {
    if (programme && id === facts.programme?.programmeId) return programme.identifier;
    if (facts.projects.has(id)) return byLocalId.get(id)?.identifier;
    return id;
  };
  const byIdentifier = new Map([...projects, ...(programme ? [programme] : [])].map((a) => [a.identifier, a]));
  for (const project of published) {
    const activity = byLocalId.get(project.projectId) as IatiActivity;
    for (const link of project.published?.descriptive.relatedActivities ?? []) {
      const ref = identifierOf(link.relatedActivityId);
      if (ref === undefined || ref === activity.identifier) continue;
      link_(activity, ref, link.type);
      const other = byIdentifier.get(ref);
      if (!other || other === programme) continue;
      if (link.type === PARENT) {
        activity.hierarchy = 3;
        link_(other, activity.identifier, CHILD);
      } else if (link.type === CHILD) {
        other.hierarchy = 3;
        link_(other, activity.identifier, PARENT);
      }
    }
  }
  if (programme) {
    for (const activity of projects.filter((a) => a.hierarchy === 2)) {
      link_(programme, activity.identifier, CHILD);
      link_(activity, programme.identifier, PARENT);
    }
  }
  projects.sort((a, b) => a.identifier.localeCompare(b.identifier));
  return [...(programme ? [programme] : []), ...projects];
}

function link_(activity: IatiActivity, ref: string, type: string): void {
  if (!activity.relatedActivities.some((r) => r.ref === ref && r.type === type)) activity.relatedActivities.push({ ref, type });
}

/** The programme: registered once, implemented since its effective date; the reporting organisation is accountable. */
export function programmeActivity(programme: ProgrammeFacts, options: ExportOptions): IatiActivity {
  const { reportingOrg } = options;
  const aliases = programme.aliases.length > 0 ? ` (${programme.aliases.join(', ')})` : '';
  return {
    localId: programme.programmeId,
    identifier: `${reportingOrg.ref}-${programme.programmeId}`,
    hierarchy: 1,
    lastUpdated: programme.lastUpdated,
    defaultCurrency: options.defaultCurrency,
    title: narrativesOf(programme.names),
    descriptions: [{ type: '1', narratives: [{ text: `${programme.names.en}${aliases}: the programme of the ${programme.clusters.join(', ')} clusters.` }] }],
    participatingOrgs: [{ ref: reportingOrg.ref, type: reportingOrg.type, name: reportingOrg.names.en, role: ACCOUNTABLE }],
    otherIdentifiers: [],
    status: IMPLEMENTATION,
    dates: [{ type: ACTUAL_START, isoDate: programme.effectiveDate }],
    recipientCountries: [],
    recipientRegions: [CENTRAL_ASIA],
    locations: [],
    sectors: [{ vocabulary: '1', code: options.programmeSector, percentage: 100 }],
    policyMarkers: [],
    budgets: [],
    plannedDisbursements: [],
    transactions: [],
    documentLinks: [],
    relatedActivities: [],
    results: [],
  };
}
