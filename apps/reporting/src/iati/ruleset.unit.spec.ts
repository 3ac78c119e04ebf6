import { Codelists } from './codelists.js';
import type { IatiActivity } from './iati-activity.js';
import { checkActivity } from './ruleset.js';

const context = { reportingOrgRef: 'XI-TEST', today: '2026-01-05', codelists: Codelists.load() };

function activity(change: (a: IatiActivity) => void = () => undefined): IatiActivity {
  const a: IatiActivity = {
    localId: 'ECAB-TR-01',
    identifier: 'XI-TEST-ECAB-TR-01',
    hierarchy: 2,
    lastUpdated: '2026-01-05T10:00:00Z',
    defaultCurrency: 'USD',
    title: [{ text: 'Road' }],
    descriptions: [{ type: '1', narratives: [{ text: 'A road.' }] }],
    participatingOrgs: [{ ref: 'XM-DAC-46004', type: '40', name: 'ADB', role: '1' }],
    otherIdentifiers: [],
    status: '2',
    dates: [
      { type: '1', isoDate: '2025-01-15' },
      { type: '2', isoDate: '2025-02-01' },
      { type: '3', isoDate: '2026-11-30' },
    ],
    recipientCountries: [
      { code: 'KZ', percentage: 59.4 },
      { code: 'KG', percentage: 40.6 },
    ],
    recipientRegions: [],
    locations: [],
    sectors: [
      { vocabulary: '1', code: '21020', percentage: 80 },
      { vocabulary: '1', code: '33210', percentage: 20 },
      { vocabulary: '99', code: 'transport', percentage: 100, narrative: 'transport' },
    ],
    policyMarkers: [],
    budgets: [
      { type: '1', status: '2', start: '2025-01-01', end: '2025-12-31', value: { amount: '2000000.00', currency: 'USD', valueDate: '2025-01-01' } },
      { type: '1', status: '1', start: '2026-01-01', end: '2026-12-31', value: { amount: '3000000.00', currency: 'USD', valueDate: '2026-01-01' } },
      { type: '2', status: '2', start: '2025-01-01', end: '2025-12-31', value: { amount: '2500000.00', currency: 'USD', valueDate: '2025-06-30' } },
    ],
    plannedDisbursements: [{ start: '2026-01-01', end: '2026-12-31', value: { amount: '1.00', currency: 'USD', valueDate: '2026-01-01' } }],
    transactions: [{ ref: 'F1:C1', type: '11', date: '2025-03-01', value: { amount: '1500000.00', currency: 'USD', valueDate: '2025-03-01' } }],
    documentLinks: [
      {
        url: 'https://www.adb.org/projects/54439-001/main',
        format: 'text/html',
        title: [{ text: 'ADB project page' }],
        category: 'A12',
        language: 'en',
        documentDate: '2024-06-24',
      },
    ],
    relatedActivities: [],
    results: [
      {
        type: '2',
        title: 'R',
        indicators: [
          {
            measure: '1',
            ascending: true,
            title: 'I',
            baseline: { year: 2024, value: '0' },
            periods: [{ start: '2026-01-01', end: '2026-12-31', target: { value: '1' } }],
          },
        ],
      },
    ],
  };
  change(a);
  return a;
}
const rules = (a: IatiActivity) => checkActivity(a, context).map((f) => f.rule);

describe('the IATI ruleset checks', () => {
  it('find nothing wrong with an activity that keeps every rule', () => {
    expect(checkActivity(activity(), context)).toEqual([]);
  });

  it('want identifiers that start with the reporting organisation ref and a dash, without / & | ? or spaces', () => {
    expect(rules(activity((a) => (a.identifier = 'XI-OTHER-ECAB-TR-01')))).toEqual(['IDENTIFIER_PREFIX']);
    expect(rules(activity((a) => (a.identifier = 'XI-TESTECAB-TR-01')))).toEqual(['IDENTIFIER_PREFIX']);
    expect(rules(activity((a) => (a.identifier = 'XI-TEST-ECAB/TR-01')))).toEqual(['IDENTIFIER_PREFIX']);
  });

  it('want a start date, and starts before ends', () => {
    expect(rules(activity((a) => (a.dates = a.dates.filter((d) => d.type === '3'))))).toEqual(['START_DATE_REQUIRED']);
    expect(
      rules(
        activity(
          (a) =>
            (a.dates = [
              { type: '1', isoDate: '2027-01-01' },
              { type: '3', isoDate: '2026-11-30' },
            ]),
        ),
      ),
    ).toEqual(['DATES_IN_ORDER']);
    expect(rules(activity((a) => a.dates.push({ type: '4', isoDate: '2025-02-01' })))).toEqual(['DATES_IN_ORDER']);
  });

  it('refuse actual, transaction and value dates after the file date', () => {
    expect(rules(activity((a) => a.dates.push({ type: '4', isoDate: '2026-01-06' })))).toEqual(['NO_FUTURE_ACTUAL_DATE']);
    expect(rules(activity((a) => ((a.transactions[0] as IatiActivity['transactions'][0]).date = '2026-02-01')))).toEqual(['NO_FUTURE_TRANSACTION_DATE']);
    expect(rules(activity((a) => ((a.transactions[0] as IatiActivity['transactions'][0]).value.valueDate = '2026-02-01')))).toEqual(['NO_FUTURE_VALUE_DATE']);
  });

  it('want sector percentages summing to 100 in each vocabulary, and a DAC sector', () => {
    const findings = checkActivity(
      activity((a) => ((a.sectors[1] as IatiActivity['sectors'][0]).percentage = 10)),
      context,
    );
    expect(findings).toEqual([expect.objectContaining({ rule: 'SECTOR_PERCENTAGES_100', detail: 'sector percentages of vocabulary 1 add up to 90, not 100' })]);
    expect(rules(activity((a) => ((a.sectors[2] as IatiActivity['sectors'][0]).percentage = 50)))).toEqual(['SECTOR_PERCENTAGES_100']);
    expect(rules(activity((a) => (a.sectors = a.sectors.filter((s) => s.vocabulary === '99'))))).toEqual(['DAC_SECTOR_REQUIRED']);
  });

  it('want recipient country and region percentages summing to 100 (counted in exact hundredths)', () => {
    expect(
      rules(
        activity(
          (a) =>
            (a.recipientCountries = [
              { code: 'KZ', percentage: 33.33 },
              { code: 'KG', percentage: 33.33 },
              { code: 'UZ', percentage: 33.34 },
            ]),
        ),
      ),
    ).toEqual([]);
    expect(rules(activity((a) => ((a.recipientCountries[0] as IatiActivity['recipientCountries'][0]).percentage = 50)))).toEqual(['RECIPIENT_PERCENTAGES_100']);
    expect(rules(activity((a) => a.recipientRegions.push({ code: '619', vocabulary: '1', percentage: 10 })))).toEqual(['RECIPIENT_PERCENTAGES_100']);
  });

  it('want planned-disbursement periods of at most one year', () => {
    expect(rules(activity((a) => ((a.plannedDisbursements[0] as IatiActivity['plannedDisbursements'][0]).end = '2027-01-01')))).toEqual([
      'PERIOD_AT_MOST_ONE_YEAR',
    ]);
  });

  it('want budget periods starting before they end, of at most one year, not overlapping within a type', () => {
    const budget = (a: IatiActivity, i: number) => a.budgets[i] as IatiActivity['budgets'][0];
    expect(rules(activity((a) => (budget(a, 1).end = '2026-01-02')))).toEqual([]);
    expect(rules(activity((a) => (budget(a, 1).end = budget(a, 1).start)))).toEqual(['BUDGET_PERIOD_IN_ORDER']);
    expect(rules(activity((a) => (budget(a, 1).end = '2027-01-01')))).toEqual(['PERIOD_AT_MOST_ONE_YEAR']);
    const findings = checkActivity(
      activity((a) => Object.assign(budget(a, 1), { start: '2025-12-31', end: '2026-06-30' })),
      context,
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'BUDGETS_NOT_OVERLAPPING', detail: 'budgets of type 1 2025-01-01..2025-12-31 and 2025-12-31..2026-06-30 overlap' }),
    ]);
    expect(rules(activity((a) => (budget(a, 2).type = '1')))).toEqual(['BUDGETS_NOT_OVERLAPPING']);
  });

  it('want document links at a web address, with a category of the DocumentCategory list', () => {
    const link = (a: IatiActivity) => a.documentLinks[0] as IatiActivity['documentLinks'][0];
    expect(rules(activity((a) => (link(a).url = 'www.adb.org/projects')))).toEqual(['DOCUMENT_URL_VALID']);
    expect(rules(activity((a) => (link(a).url = 'ftp://adb.org/report.pdf')))).toEqual(['DOCUMENT_URL_VALID']);
    expect(rules(activity((a) => (link(a).category = 'A99')))).toEqual(['CODE_ON_CODELIST']);
    expect(rules(activity((a) => (link(a).language = 'xx')))).toEqual(['CODE_ON_CODELIST']);
  });

  it('want numbers for non-qualitative results, and codes of the IATI code lists', () => {
    expect(rules(activity((a) => ((a.results[0]!.indicators[0]!.periods[0]!.target as { value: string }).value = 'one')))).toEqual(['RESULT_VALUE_NUMERIC']);
    expect(rules(activity((a) => (a.status = '7')))).toEqual(['CODE_ON_CODELIST']);
    expect(rules(activity((a) => ((a.sectors[0] as IatiActivity['sectors'][0]).code = '99999')))).toEqual(['CODE_ON_CODELIST']);
    expect(rules(activity((a) => ((a.transactions[0] as IatiActivity['transactions'][0]).type = '2')))).toEqual([]);
    expect(rules(activity((a) => ((a.transactions[0] as IatiActivity['transactions'][0]).type = '14')))).toEqual(['CODE_ON_CODELIST']);
    expect(rules(activity((a) => ((a.budgets[0] as IatiActivity['budgets'][0]).type = '3')))).toEqual(['CODE_ON_CODELIST']);
    expect(rules(activity((a) => ((a.budgets[0] as IatiActivity['budgets'][0]).status = '3')))).toEqual(['CODE_ON_CODELIST']);
  });

  it('want a participating organisation', () => {
    expect(rules(activity((a) => (a.participatingOrgs = [])))).toEqual(['PARTICIPATING_ORG_REQUIRED']);
  });
});
