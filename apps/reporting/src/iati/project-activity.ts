import type { ExportOptions } from './export-options.js';
import type { IatiActivity, IatiIndicator, IatiOrg, IatiResult, IatiTransaction, Marked } from './iati-activity.js';
import { narrativesOf } from './narratives.js';
import type {
  AgreementFacts,
  DescriptiveFacts,
  OrganisationRef,
  PortfolioFacts,
  ProjectFacts,
  ResultFacts,
  Sourced,
  VerifiedActual,
} from './portfolio-facts.js';

/** ECAB's cluster codes are sector vocabulary 99 (the reporting organisation's own). */
export const CLUSTER_VOCABULARY = '99';
const FUNDING = '1';

/**
 * A published project as an IATI activity (hierarchy and the links between activities are set by the
 * caller): its partner-facing facts, and its descriptive data as published.
 */
export function projectActivity(project: ProjectFacts, facts: PortfolioFacts, options: ExportOptions): IatiActivity {
  const published = project.published;
  if (!published) throw new Error(`${project.projectId} is not published`);
  const described = published.descriptive;
  const keep = <T extends Sourced>(value: T): boolean => options.includeIllustrative || !value.illustrative;
  const mark = (value: Sourced): Marked => (value.illustrative ? { illustrative: true } : {});
  const org = (ref: OrganisationRef): IatiOrg => organisation(ref, facts);
  const agreements = [...project.agreements.values()].filter(keep);
  const countries = described.countries ?? project.countries;
  return {
    localId: project.projectId,
    identifier: published.iatiIdentifier,
    hierarchy: 2,
    lastUpdated: project.lastUpdated,
    defaultCurrency: options.defaultCurrency,
    title: described.titles ? narrativesOf(described.titles) : [{ text: project.title }],
    descriptions: [
      {
        type: '1',
        narratives: [
          {
            text: `${project.title}: a project of the ${project.cluster} cluster of the Economic Corridor Almaty–Bishkek (${countries.map((c) => c.code).join(', ')}).`,
          },
        ],
      },
    ],
    participatingOrgs: participants(described, agreements, org),
    otherIdentifiers: described.otherIdentifiers.map((o) => ({ ref: o.ref, type: o.type, ...(o.owner ? { owner: org(o.owner) } : {}) })),
    status: project.status,
    dates: [...project.dates]
      .filter(([, d]) => keep(d))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, d]) => ({ type, isoDate: d.date, ...mark(d) })),
    recipientCountries: countries.map(({ code, percentage }) => ({ code, percentage })),
    recipientRegions: [],
    locations: described.locations.map((l) => ({
      ref: `${published.iatiIdentifier}-${l.locationId}`,
      name: l.name,
      description: l.description,
      point: l.point,
    })),
    sectors: sectors(described, project.cluster),
    policyMarkers: described.policyMarkers,
    budgets: described.budgets.filter(keep).map((b) => ({
      type: b.type,
      status: b.status,
      start: b.start,
      end: b.end,
      value: { amount: b.amount, currency: b.currency, valueDate: b.valueDate },
      ...mark(b),
    })),
    plannedDisbursements: described.plannedDisbursements
      .filter((p) => project.agreements.has(p.agreementId) && keep(project.agreements.get(p.agreementId) as AgreementFacts))
      .map((p) => ({
        start: p.start,
        end: p.end,
        value: { amount: p.amount, currency: p.currency, valueDate: p.start },
        provider: org((project.agreements.get(p.agreementId) as AgreementFacts).financier),
      })),
    transactions: project.transactions.filter(keep).flatMap((t): IatiTransaction[] => {
      const agreement = project.agreements.get(t.agreementId);
      if (!agreement || !keep(agreement)) return [];
      const incoming = t.type === '11' || t.type === '1';
      return [
        {
          ref: `${t.agreementId}:${t.transactionId}`,
          type: t.type,
          date: t.date,
          value: { amount: t.amount, currency: t.currency, valueDate: t.valueDate },
          description: t.note,
          ...(incoming ? { provider: { ...org(agreement.financier), activityId: agreement.providerActivityId } } : {}),
          ...(t.receiver ? { receiver: org(t.receiver) } : {}),
          flowType: agreement.flowType,
          financeType: agreement.financeType,
          aidType: agreement.aidType,
          ...mark({ illustrative: t.illustrative || agreement.illustrative }),
        },
      ];
    }),
    documentLinks: described.documentLinks.filter(keep).map((d) => ({
      url: d.url,
      format: d.format,
      title: narrativesOf(d.title),
      category: d.category,
      language: d.language,
      documentDate: d.documentDate,
      ...mark(d),
    })),
    relatedActivities: [],
    results: described.results.map((r) => result(r, project.verifiedActuals, keep, mark)).filter((r) => r.indicators.length > 0),
  };
}

function organisation(ref: OrganisationRef, facts: PortfolioFacts): IatiOrg {
  const known = ref.organisationId === undefined ? undefined : facts.organisations.get(ref.organisationId);
  const iatiRef = known?.iatiOrgId ?? (known ? undefined : ref.organisationId);
  return { ...(iatiRef ? { ref: iatiRef } : {}), ...(known ? { type: known.type } : {}), name: ref.name ?? known?.names.en ?? ref.organisationId };
}

/** The participants as assigned, and every financier of an agreement as funding (role 1) if not already named so. */
function participants(described: DescriptiveFacts, agreements: AgreementFacts[], org: (ref: OrganisationRef) => IatiOrg): IatiActivity['participatingOrgs'] {
  const named = described.participants.map((p) => ({ ...org(p.organisation), ...(p.type ? { type: p.type } : {}), role: p.role }));
  const same = (a: IatiOrg, b: IatiOrg) => (a.ref !== undefined && a.ref === b.ref) || (a.ref === undefined && b.ref === undefined && a.name === b.name);
  for (const agreement of agreements) {
    const financier = org(agreement.financier);
    if (!named.some((p) => p.role === FUNDING && same(p, financier)))
      named.push({ ...financier, role: FUNDING, ...(agreement.illustrative ? { illustrative: true } : {}) });
  }
  return named;
}

/** The published sector set; the project's cluster is added in the cluster vocabulary when a DAC set exists without one. */
function sectors(described: DescriptiveFacts, cluster: string): IatiActivity['sectors'] {
  const lines: IatiActivity['sectors'] = described.sectors.map((s) => ({ ...s, ...(s.vocabulary !== '1' ? { narrative: s.code } : {}) }));
  const hasDac = lines.some((s) => s.vocabulary === '1');
  const hasCluster = lines.some((s) => s.vocabulary === '98' || s.vocabulary === '99');
  if (hasDac && !hasCluster) lines.push({ vocabulary: CLUSTER_VOCABULARY, code: cluster, percentage: 100, narrative: cluster });
  return lines;
}

function result(r: ResultFacts, actuals: VerifiedActual[], keep: (v: Sourced) => boolean, mark: (v: Sourced) => Marked): IatiResult {
  return {
    type: r.type,
    title: r.title,
    indicators: r.indicators.map((i): IatiIndicator => {
      const targets = i.targets.filter(keep);
      const verified = actuals.filter((a) => a.indicatorId === i.indicatorId && keep(a));
      const periods = new Map<string, IatiIndicator['periods'][number]>();
      const period = (start: string, end: string) => {
        const key = `${start}/${end}`;
        if (!periods.has(key)) periods.set(key, { start, end });
        return periods.get(key) as IatiIndicator['periods'][number];
      };
      for (const t of targets) period(t.start, t.end).target = { value: t.value, ...mark(t) };
      for (const a of verified) period(a.start, a.end).actual = { value: a.value, ...mark(a) };
      return {
        measure: i.measure,
        ascending: i.ascending,
        title: i.unit ? `${i.title} (${i.unit})` : i.title,
        unit: i.unit,
        ...(i.baseline && keep(i.baseline) ? { baseline: { year: i.baseline.year, value: i.baseline.value, ...mark(i.baseline) } } : {}),
        periods: [...periods.values()].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)),
      };
    }),
  };
}
