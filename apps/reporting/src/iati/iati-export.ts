import type { PortfolioEvent } from '@ecab/contracts';
import { iatiActivities } from './activities.js';
import { activitiesXml } from './activities-xml.js';
import type { Codelists } from './codelists.js';
import type { ExportOptions } from './export-options.js';
import { foldPortfolioFacts } from './fold-events.js';
import { organisationXml } from './organisation-xml.js';
import { checkActivity, type RuleFinding } from './ruleset.js';

export interface IatiFile {
  xml: string;
  /** Activities left out of the file because they break a rule, with every rule each breaks. */
  withheld: RuleFinding[];
  /** How many activities the file holds. */
  activities: number;
}

/** When the file is "as of": the newest event's recording time, so the same events give the same bytes. */
function generatedAt(asOf: string | undefined): string {
  return (asOf ?? '1970-01-01T00:00:00.000Z').replace(/\.\d+Z$/, 'Z');
}

/**
 * The IATI files as a pure function of the events: the activities that pass every rule of the ruleset
 * go in the file; the others are withheld and named, so a published file never breaks a rule.
 */
export function iatiActivitiesFile(events: readonly PortfolioEvent[], options: ExportOptions, codelists: Codelists): IatiFile {
  const facts = foldPortfolioFacts(events);
  const generated = generatedAt(facts.asOf);
  const context = { reportingOrgRef: options.reportingOrg.ref, today: generated.slice(0, 10), codelists };
  const withheld: RuleFinding[] = [];
  const passing = iatiActivities(facts, options).filter((activity) => {
    const findings = checkActivity(activity, context);
    withheld.push(...findings);
    return findings.length === 0;
  });
  // A link to a withheld activity would point at nothing partners can read.
  const kept = new Set(passing.map((a) => a.identifier));
  for (const activity of passing)
    activity.relatedActivities = activity.relatedActivities.filter((r) => kept.has(r.ref) || !withheld.some((w) => w.identifier === r.ref));
  return { xml: activitiesXml(passing, options.reportingOrg, generated, options.includeIllustrative), withheld, activities: passing.length };
}

export function iatiOrganisationFile(events: readonly PortfolioEvent[], options: ExportOptions): string {
  return organisationXml(options.reportingOrg, generatedAt(foldPortfolioFacts(events).asOf), options.defaultCurrency);
}
