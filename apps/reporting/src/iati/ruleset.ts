import { checkPeriodAtMostOneYear, DomainRuleViolation, parseDecimal, percentageToHundredths } from '@ecab/domain';
import type { CodelistName, Codelists } from './codelists.js';
import { QUALITATIVE, type IatiActivity } from './iati-activity.js';

/** A rule of the IATI Standard ruleset (and docs/DOMAIN.md §3.1/§6.3) an activity breaks. */
export interface RuleFinding {
  activity: string;
  identifier: string;
  rule: string;
  detail: string;
}

export interface RulesetContext {
  reportingOrgRef: string;
  /** The file's date: actual, transaction and value dates may not lie after it. */
  today: string;
  codelists: Codelists;
}

/** Characters IATI forbids in identifiers, and white space. */
const BAD_IDENTIFIER = /[/&|?\s]/;

/** Every rule the activity breaks; an empty list means it may be published. */
export function checkActivity(a: IatiActivity, context: RulesetContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const fail = (rule: string, detail: string) => findings.push({ activity: a.localId, identifier: a.identifier, rule, detail });
  if (!a.identifier.startsWith(`${context.reportingOrgRef}-`) || BAD_IDENTIFIER.test(a.identifier)) {
    fail('IDENTIFIER_PREFIX', `${a.identifier} does not start with the reporting organisation's ref ${context.reportingOrgRef}- (or holds / & | ? or a space)`);
  }
  checkDates(a, context.today, fail);
  checkPercentages(a, fail);
  if (a.participatingOrgs.length === 0) fail('PARTICIPATING_ORG_REQUIRED', 'no participating organisation');
  for (const p of a.plannedDisbursements) atMostOneYear(p, 'planned-disbursement', fail);
  checkBudgets(a, fail);
  for (const d of a.documentLinks) if (!isWebAddress(d.url)) fail('DOCUMENT_URL_VALID', `document link ${JSON.stringify(d.url)} is not an http(s) address`);
  for (const r of a.results) {
    for (const i of r.indicators) {
      if (i.measure === QUALITATIVE) continue;
      const values = [i.baseline?.value, ...i.periods.flatMap((p) => [p.target?.value, p.actual?.value])].filter((v): v is string => v !== undefined);
      for (const value of values)
        if (parseDecimal(value) === undefined) fail('RESULT_VALUE_NUMERIC', `indicator "${i.title}": ${JSON.stringify(value)} is not a number`);
    }
  }
  checkCodes(a, context.codelists, fail);
  return findings;
}

type Fail = (rule: string, detail: string) => void;

function atMostOneYear(period: { start: string; end: string }, what: string, fail: Fail): void {
  try {
    checkPeriodAtMostOneYear(period, what);
  } catch (error) {
    if (!(error instanceof DomainRuleViolation)) throw error;
    fail('PERIOD_AT_MOST_ONE_YEAR', `${what} ${period.start}..${period.end}: ${error.message}`);
  }
}

/** Each budget: a period starting before it ends, of at most one year; budgets of one type do not overlap. */
function checkBudgets(a: IatiActivity, fail: Fail): void {
  const inOrder = a.budgets.filter((b) => {
    if (b.start < b.end) return true;
    fail('BUDGET_PERIOD_IN_ORDER', `budget ${b.start}..${b.end}: period-start is not before period-end`);
    return false;
  });
  for (const b of inOrder) atMostOneYear(b, 'budget', fail);
  inOrder.forEach((b, i) => {
    for (const other of inOrder.slice(i + 1))
      if (other.type === b.type && b.start <= other.end && other.start <= b.end)
        fail('BUDGETS_NOT_OVERLAPPING', `budgets of type ${b.type} ${b.start}..${b.end} and ${other.start}..${other.end} overlap`);
  });
}

function isWebAddress(url: string): boolean {
  if (!URL.canParse(url) || /\s/.test(url)) return false;
  const { protocol, hostname } = new URL(url);
  return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
}

function checkDates(a: IatiActivity, today: string, fail: Fail): void {
  const date = (type: string) => a.dates.find((d) => d.type === type)?.isoDate;
  if (date('1') === undefined && date('2') === undefined) fail('START_DATE_REQUIRED', 'no planned (1) or actual (2) start date');
  for (const [start, end] of [
    ['1', '3'],
    ['2', '4'],
  ] as const) {
    const from = date(start);
    const to = date(end);
    if (from !== undefined && to !== undefined && !(from < to))
      fail('DATES_IN_ORDER', `activity-date ${start} (${from}) is not before activity-date ${end} (${to})`);
  }
  for (const d of a.dates)
    if ((d.type === '2' || d.type === '4') && d.isoDate > today) fail('NO_FUTURE_ACTUAL_DATE', `actual date ${d.type} ${d.isoDate} is after ${today}`);
  for (const t of a.transactions) {
    if (t.date > today) fail('NO_FUTURE_TRANSACTION_DATE', `transaction ${t.ref} is dated ${t.date}, after ${today}`);
    if (t.value.valueDate > today) fail('NO_FUTURE_VALUE_DATE', `transaction ${t.ref} has value date ${t.value.valueDate}, after ${today}`);
  }
}

function checkPercentages(a: IatiActivity, fail: Fail): void {
  const totals = new Map<string, number>();
  for (const s of a.sectors) totals.set(s.vocabulary, (totals.get(s.vocabulary) ?? 0) + hundredths(s.percentage));
  for (const [vocabulary, total] of totals)
    if (total !== 100_00) fail('SECTOR_PERCENTAGES_100', `sector percentages of vocabulary ${vocabulary} add up to ${total / 100}, not 100`);
  if (!totals.has('1')) fail('DAC_SECTOR_REQUIRED', 'no DAC 5-digit sector (vocabulary 1)');
  const places = [...a.recipientCountries, ...a.recipientRegions];
  const placeTotal = places.reduce((sum, p) => sum + hundredths(p.percentage), 0);
  if (places.length > 0 && placeTotal !== 100_00)
    fail('RECIPIENT_PERCENTAGES_100', `recipient country and region percentages add up to ${placeTotal / 100}, not 100`);
}

/** A percentage in hundredths; one with more than 2 decimals counts as never summing (NaN). */
function hundredths(percentage: number): number {
  return percentageToHundredths(percentage) ?? Number.NaN;
}

function checkCodes(a: IatiActivity, lists: Codelists, fail: Fail): void {
  const codes: [CodelistName, string | undefined][] = [
    ['ActivityStatus', a.status],
    ...a.descriptions.map((d): [CodelistName, string] => ['DescriptionType', d.type]),
    ...a.dates.map((d): [CodelistName, string] => ['ActivityDateType', d.type]),
    ...a.participatingOrgs.flatMap((p): [CodelistName, string | undefined][] => [
      ['OrganisationRole', p.role],
      ['OrganisationType', p.type],
    ]),
    ...a.otherIdentifiers.map((o): [CodelistName, string] => ['OtherIdentifierType', o.type]),
    ...a.recipientCountries.map((c): [CodelistName, string] => ['Country', c.code]),
    ...a.recipientRegions.map((r): [CodelistName, string] => ['Region', r.code]),
    ...a.sectors.flatMap((s): [CodelistName, string][] => [
      ['SectorVocabulary', s.vocabulary],
      ...(s.vocabulary === '1' ? [['Sector', s.code] as [CodelistName, string]] : []),
    ]),
    ...a.policyMarkers.flatMap((m): [CodelistName, string][] => [
      ['PolicyMarker', m.code],
      ['PolicySignificance', m.significance],
    ]),
    ...a.budgets.flatMap((b): [CodelistName, string][] => [
      ['BudgetType', b.type],
      ['BudgetStatus', b.status],
      ['Currency', b.value.currency],
    ]),
    ...a.plannedDisbursements.map((p): [CodelistName, string] => ['Currency', p.value.currency]),
    ...a.transactions.flatMap((t): [CodelistName, string | undefined][] => [
      ['TransactionType', t.type],
      ['Currency', t.value.currency],
      ['FlowType', t.flowType],
      ['FinanceType', t.financeType],
      ['AidType', t.aidType],
    ]),
    ...a.documentLinks.flatMap((d): [CodelistName, string | undefined][] => [
      ['DocumentCategory', d.category],
      ['Language', d.language],
    ]),
    ...a.relatedActivities.map((r): [CodelistName, string] => ['RelatedActivityType', r.type]),
    ...a.results.flatMap((r): [CodelistName, string][] => [
      ['ResultType', r.type],
      ...r.indicators.map((i): [CodelistName, string] => ['IndicatorMeasure', i.measure]),
    ]),
    ['Currency', a.defaultCurrency],
  ];
  for (const [list, code] of codes) if (code !== undefined && !lists.has(list, code)) fail('CODE_ON_CODELIST', `${code} is not a code of ${list}`);
}
