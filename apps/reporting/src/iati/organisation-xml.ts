import { narratives, reportingOrgElement } from './activities-xml.js';
import type { ReportingOrg } from './iati-activity.js';
import { narrativesOf } from './narratives.js';
import { el, renderXml } from './xml-writer.js';

/** The reporting organisation's own IATI 2.03 organisation file. */
export function organisationXml(reportingOrg: ReportingOrg, generated: string, defaultCurrency: string): string {
  return renderXml(
    el('iati-organisations', { version: '2.03', 'generated-datetime': generated }, [
      el('iati-organisation', { 'xml:lang': 'en', 'default-currency': defaultCurrency, 'last-updated-datetime': generated }, [
        el('organisation-identifier', {}, reportingOrg.ref),
        el('name', {}, narratives(narrativesOf(reportingOrg.names))),
        reportingOrgElement(reportingOrg),
      ]),
    ]),
  );
}
