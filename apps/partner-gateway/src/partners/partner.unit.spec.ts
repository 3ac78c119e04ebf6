import { entitlementsSchema, grantedEventTypes, isEntitled, PARTNER_EVENT_TYPES, RATING_EVENT_TYPES, type Entitlements } from './partner.js';

const STATUS = 'ecab.project.status-changed.v1';
const RATED = 'ecab.performance.rated.v1';
const healthKg: Entitlements = { clusters: ['health'], countries: ['KG'], eventTypes: [...PARTNER_EVENT_TYPES], audiences: ['observer'] };
const partner = (entitlements: Entitlements, illustrative: 'mark' | 'withhold' = 'mark') => ({ entitlements, illustrative });
const scope = (over: Partial<{ type: string; cluster: string; countries: string[]; illustrative: boolean }> = {}) => ({
  type: STATUS,
  cluster: 'health',
  countries: ['KG'],
  illustrative: false,
  ...over,
});

describe('entitlements', () => {
  it('the registry gives partners the partner-facing types only, ratings among them', () => {
    expect(PARTNER_EVENT_TYPES).toContain(STATUS);
    expect(PARTNER_EVENT_TYPES).not.toContain('ecab.performance.issue-raised.v1');
    expect(PARTNER_EVENT_TYPES).not.toContain('ecab.result.actual-reported.v1');
    expect(RATING_EVENT_TYPES).toEqual([RATED]);
  });

  it('a partner of health in KG sees its cluster and country, nothing else', () => {
    expect(isEntitled(partner(healthKg), scope())).toBe(true);
    expect(isEntitled(partner(healthKg), scope({ countries: ['KG', 'KZ'] }))).toBe(true);
    expect(isEntitled(partner(healthKg), scope({ cluster: 'transport' }))).toBe(false);
    expect(isEntitled(partner(healthKg), scope({ countries: ['KZ'] }))).toBe(false);
    expect(isEntitled(partner(healthKg), scope({ cluster: 'programme', countries: [] }))).toBe(false);
    expect(isEntitled(partner({ ...healthKg, eventTypes: ['ecab.agreement.signed.v1'] }), scope())).toBe(false);
  });

  it('ratings go to funders and co-chairs only', () => {
    expect(isEntitled(partner(healthKg), scope({ type: RATED }))).toBe(false);
    expect(grantedEventTypes(healthKg)).not.toContain(RATED);
    for (const audience of ['funder', 'co-chair'] as const) {
      expect(isEntitled(partner({ ...healthKg, audiences: [audience] }), scope({ type: RATED }))).toBe(true);
    }
  });

  it('illustrative values reach a partner that wants them marked, never one that withholds them', () => {
    expect(isEntitled(partner(healthKg, 'mark'), scope({ illustrative: true }))).toBe(true);
    expect(isEntitled(partner(healthKg, 'withhold'), scope({ illustrative: true }))).toBe(false);
    expect(isEntitled(partner(healthKg, 'withhold'), scope())).toBe(true);
  });

  it('names every bad field of an entitlement', () => {
    const result = entitlementsSchema.safeParse({
      clusters: ['roads'],
      countries: ['kg'],
      eventTypes: ['ecab.performance.issue-raised.v1'],
      audiences: ['donor'],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('/')).sort()).toEqual(['audiences/0', 'clusters/0', 'countries/0', 'eventTypes/0']);
  });
});
