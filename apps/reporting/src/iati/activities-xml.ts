import {
  QUALITATIVE,
  type IatiActivity,
  type ReportingOrg,
  type IatiIndicator,
  type IatiOrg,
  type IatiTransaction,
  type IatiValue,
  type Marked,
} from './iati-activity.js';
import { narrativesOf, type Narrative } from './narratives.js';
import { el, renderXml, type XmlElement } from './xml-writer.js';

/** ECAB's extension namespace (IATI allows attributes of other namespaces): marks illustrative values. */
export const ECAB_NAMESPACE = 'urn:ecab:iati-extension:1';

/** An iati-activities file (IATI 2.03), elements in the schema's order. */
export function activitiesXml(activities: readonly IatiActivity[], reportingOrg: ReportingOrg, generated: string, includeIllustrative: boolean): string {
  const reporting = reportingOrgElement(reportingOrg);
  return renderXml(
    el(
      'iati-activities',
      { version: '2.03', 'generated-datetime': generated, ...(includeIllustrative ? { 'xmlns:ecab': ECAB_NAMESPACE } : {}) },
      activities.map((a) => activityElement(a, reporting)),
    ),
  );
}

const mark = (value: Marked) => (value.illustrative ? { 'ecab:confidence': 'illustrative' } : {});
export const narratives = (items: readonly Narrative[]): XmlElement[] => items.map((n) => el('narrative', { 'xml:lang': n.lang }, n.text));
const named = (name: string | undefined) => (name ? [el('narrative', {}, name)] : []);
const value = (v: IatiValue) => el('value', { currency: v.currency, 'value-date': v.valueDate }, v.amount);
const org = (name: string, o: IatiOrg, extra: XmlElement['attributes'] = {}) => el(name, { ref: o.ref, type: o.type, ...extra }, named(o.name));

export function reportingOrgElement(o: ReportingOrg): XmlElement {
  return el('reporting-org', { ref: o.ref, type: o.type }, narratives(narrativesOf(o.names)));
}

function activityElement(a: IatiActivity, reporting: XmlElement): XmlElement {
  return el('iati-activity', { 'xml:lang': 'en', 'default-currency': a.defaultCurrency, 'last-updated-datetime': a.lastUpdated, hierarchy: a.hierarchy }, [
    el('iati-identifier', {}, a.identifier),
    reporting,
    el('title', {}, narratives(a.title)),
    ...a.descriptions.map((d) => el('description', { type: d.type }, narratives(d.narratives))),
    ...a.participatingOrgs.map((p) => org('participating-org', p, { role: p.role, 'activity-id': p.activityId, ...mark(p) })),
    ...a.otherIdentifiers.map((o) => el('other-identifier', { ref: o.ref, type: o.type }, o.owner ? [org('owner-org', o.owner)] : [])),
    el('activity-status', { code: a.status }),
    ...a.dates.map((d) => el('activity-date', { type: d.type, 'iso-date': d.isoDate, ...mark(d) })),
    ...a.recipientCountries.map((c) => el('recipient-country', { code: c.code, percentage: c.percentage })),
    ...a.recipientRegions.map((r) => el('recipient-region', { code: r.code, vocabulary: r.vocabulary, percentage: r.percentage })),
    ...a.locations.map((l) =>
      el('location', { ref: l.ref }, [
        el('name', {}, [el('narrative', {}, l.name)]),
        ...(l.description ? [el('description', {}, [el('narrative', {}, l.description)])] : []),
        ...(l.point
          ? [el('point', { srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326' }, [el('pos', {}, `${l.point.latitude} ${l.point.longitude}`)])]
          : []),
      ]),
    ),
    ...a.sectors.map((s) => el('sector', { vocabulary: s.vocabulary, code: s.code, percentage: s.percentage }, named(s.narrative))),
    ...a.policyMarkers.map((m) => el('policy-marker', { vocabulary: '1', code: m.code, significance: m.significance })),
    ...a.budgets.map((b) =>
      el('budget', { type: b.type, status: b.status, ...mark(b) }, [
        el('period-start', { 'iso-date': b.start }),
        el('period-end', { 'iso-date': b.end }),
        value(b.value),
      ]),
    ),
    ...a.plannedDisbursements.map((p) =>
      el('planned-disbursement', { type: '1' }, [
        el('period-start', { 'iso-date': p.start }),
        el('period-end', { 'iso-date': p.end }),
        value(p.value),
        ...(p.provider ? [org('provider-org', p.provider)] : []),
      ]),
    ),
    ...a.transactions.map(transactionElement),
    ...a.documentLinks.map((d) =>
      el('document-link', { format: d.format, url: d.url, ...mark(d) }, [
        el('title', {}, narratives(d.title)),
        el('category', { code: d.category }),
        ...(d.language ? [el('language', { code: d.language })] : []),
        ...(d.documentDate ? [el('document-date', { 'iso-date': d.documentDate })] : []),
      ]),
    ),
    ...a.relatedActivities.map((r) => el('related-activity', { ref: r.ref, type: r.type })),
    ...a.results.map((r) => el('result', { type: r.type }, [el('title', {}, [el('narrative', {}, r.title)]), ...r.indicators.map(indicatorElement)])),
  ]);
}

function transactionElement(t: IatiTransaction): XmlElement {
  return el('transaction', { ref: t.ref, ...mark(t) }, [
    el('transaction-type', { code: t.type }),
    el('transaction-date', { 'iso-date': t.date }),
    value(t.value),
    ...(t.description ? [el('description', {}, [el('narrative', {}, t.description)])] : []),
    ...(t.provider ? [org('provider-org', t.provider, { 'provider-activity-id': t.provider.activityId })] : []),
    ...(t.receiver ? [org('receiver-org', t.receiver)] : []),
    ...(t.flowType ? [el('flow-type', { code: t.flowType })] : []),
    ...(t.financeType ? [el('finance-type', { code: t.financeType })] : []),
    ...(t.aidType ? [el('aid-type', { code: t.aidType, vocabulary: '1' })] : []),
  ]);
}

/** A note on targets and actuals, which take no attributes of other namespaces: the mark goes in their comment. */
export const ILLUSTRATIVE_NOTE = '[illustrative]';

/**
 * A measured value: in @value, or for qualitative indicators (measure 5) in the comment. Baselines carry
 * the illustrative mark as an attribute; targets and actuals in the comment.
 */
function measured(measure: string, v: { value: string } & Marked, markInComment: boolean): [XmlElement['attributes'], XmlElement[]] {
  const noted = markInComment && v.illustrative;
  const comment = (text: string) => [el('comment', {}, [el('narrative', {}, text)])];
  const attributes = markInComment ? {} : mark(v);
  if (measure === QUALITATIVE) return [attributes, comment(noted ? `${v.value} ${ILLUSTRATIVE_NOTE}` : v.value)];
  return [{ value: v.value, ...attributes }, noted ? comment(ILLUSTRATIVE_NOTE) : []];
}

function indicatorElement(i: IatiIndicator): XmlElement {
  const baseline = i.baseline ? measured(i.measure, i.baseline, false) : undefined;
  return el('indicator', { measure: i.measure, ascending: i.ascending ? '1' : '0' }, [
    el('title', {}, [el('narrative', {}, i.title)]),
    ...(baseline && i.baseline ? [el('baseline', { year: i.baseline.year, ...baseline[0] }, baseline[1])] : []),
    ...i.periods.map((p) => {
      const target = p.target ? measured(i.measure, p.target, true) : undefined;
      const actual = p.actual ? measured(i.measure, p.actual, true) : undefined;
      return el('period', {}, [
        el('period-start', { 'iso-date': p.start }),
        el('period-end', { 'iso-date': p.end }),
        ...(target ? [el('target', target[0], target[1])] : []),
        ...(actual ? [el('actual', actual[0], actual[1])] : []),
      ]);
    }),
  ]);
}
