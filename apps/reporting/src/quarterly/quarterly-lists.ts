import { addDecimals, minorUnitsOf, toMinorUnits, type ExactDecimal } from '@ecab/domain';
import type { PortfolioFacts, ProjectFacts } from '../iati/portfolio-facts.js';
import { addMonths, daysBetween, nextDay } from './dates.js';
import { amountText, multiplyDecimals, usdText, ZERO } from './exact.js';
import { missingNote, sortedMissing, type ExchangeRates, type MissingRate } from './exchange-rates.js';
import type { FigureCell, LineageCollector } from './lineage.js';
import type { AgreementFacts, QuarterFacts } from './quarter-fact-types.js';
import type { Quarter } from './quarter.js';

/** An amount as recorded and in USD at each movement's value date ('' with a note when a rate is missing). */
export interface ListMoney {
  amount: string;
  currency: string;
  usd: string;
  note?: string;
}

export interface AgreementRow {
  key: string;
  projectId: string;
  cluster: string;
  countries: string;
  agreementId: string;
  agreementNumber: string;
  financier: string;
  signed: ListMoney | undefined;
  signedDate: string;
  effectiveDate: string;
  originalClosingDate: string;
  closingDate: string;
  extensions: number;
  netCommitment: ListMoney;
  disbursed: ListMoney;
  undisbursed: ListMoney;
  cancelledInQuarter: ListMoney;
  /** Days from signing to the quarter's end (awaiting effectiveness). */
  daysSinceSigning: number | undefined;
}

export interface MilestoneRow {
  key: string;
  projectId: string;
  cluster: string;
  milestone: string;
  baselineDate: string;
  forecastDate: string;
  plannedDate: string;
  slippageDays: number;
  daysOverdue: number;
}

export interface ActionRow {
  key: string;
  actionId: string;
  meeting: string;
  description: string;
  owner: string;
  dueDate: string;
  daysPastDue: number;
}

/** ADB's quarterly-update lists, as they stood at the quarter's end (programme-wide; each row names its project's cluster and countries). */
export interface QuarterlyLists {
  awaitingEffectiveness: AgreementRow[];
  closingWithinSixMonths: AgreementRow[];
  extended: AgreementRow[];
  cancelled: AgreementRow[];
  overdueMilestones: MilestoneRow[];
  actionsPastDue: ActionRow[];
}
export type ListName = keyof QuarterlyLists;
export const LIST_NAMES: readonly ListName[] = [
  'awaitingEffectiveness',
  'closingWithinSixMonths',
  'extended',
  'cancelled',
  'overdueMilestones',
  'actionsPastDue',
];
/** The key of a list row's cell (its lineage): `lists/<list>/<agreement, project|milestone or action id>`. */
export const listKey = (list: ListName, id: string) => `lists/${list}/${id}`;

/**
 * The lists, after portfolio-views' quarterly lists, at the quarter's end E (every date as the events gave it by E):
 * - awaiting effectiveness: signed on or before E and not effective by E;
 * - closing within 6 months: effective by E, closing after E and no later than E + 6 months;
 * - extended: the closing date was extended by E, and the agreement had not closed before the quarter began;
 * - cancelled: cancellations (FundsCancelled, less their reversals) valued in the quarter;
 * - overdue milestones: planned date (the forecast, else the baseline) on or before E, neither achieved nor
 *   dropped by E; days overdue counted to the day after E, slippage = planned − baseline (docs/DOMAIN.md §2);
 * - governance actions past due: due on or before E and not completed by E.
 */
export function quarterlyLists(
  facts: PortfolioFacts,
  quarter: QuarterFacts,
  period: Quarter,
  rates: ExchangeRates,
  lineage: LineageCollector,
): { lists: QuarterlyLists; cells: FigureCell[] } {
  const end = period.end;
  const closed = nextDay(end);
  /** The events behind each row, by its key. */
  const behind = new Map<string, string[]>();
  const rows = quarter.agreements
    .filter((a) => facts.projects.has(a.projectId))
    .sort((a, b) => a.projectId.localeCompare(b.projectId) || a.agreementId.localeCompare(b.agreementId))
    .map((a) => agreementRow(a, facts.projects.get(a.projectId) as ProjectFacts, period, rates));
  const lists: QuarterlyLists = {
    awaitingEffectiveness: rows.filter(({ a }) => a.signedDate !== undefined && a.signedDate <= end && a.effectiveDate === undefined).map(({ row }) => row),
    closingWithinSixMonths: rows
      .filter(({ a }) => a.effectiveDate !== undefined && a.closingDate !== undefined && a.closingDate > end && a.closingDate <= addMonths(end, 6))
      .map(({ row }) => row),
    extended: rows.filter(({ a }) => a.extensions > 0 && (a.closingDate === undefined || a.closingDate >= period.start)).map(({ row }) => row),
    cancelled: rows.filter(({ cancelled }) => cancelled).map(({ row }) => row),
    overdueMilestones: quarter.milestones
      .filter((m) => facts.projects.has(m.projectId) && !m.dropped && m.achievedDate === undefined && (m.forecastDate ?? m.baselineDate) <= end)
      .map((m): MilestoneRow => {
        const plannedDate = m.forecastDate ?? m.baselineDate;
        const key = listKey('overdueMilestones', `${m.projectId}/${m.milestoneId}`);
        behind.set(key, m.events);
        return {
          key,
          projectId: m.projectId,
          cluster: facts.projects.get(m.projectId)?.cluster ?? '',
          milestone: m.title ? `${m.title} (${m.category})` : m.category,
          baselineDate: m.baselineDate,
          forecastDate: m.forecastDate ?? '',
          plannedDate,
          slippageDays: daysBetween(m.baselineDate, plannedDate),
          daysOverdue: daysBetween(plannedDate, closed),
        };
      })
      .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.key.localeCompare(b.key)),
    actionsPastDue: quarter.actions
      .filter((a) => a.completedOn === undefined && a.dueDate <= end)
      .map((a): ActionRow => ({
        key: behindRow(behind, listKey('actionsPastDue', a.actionId), a.events),
        actionId: a.actionId,
        meeting: a.meeting ? `${a.meeting.body}, ${a.meeting.date}` : a.decisionId,
        description: a.description,
        owner: a.owner,
        dueDate: a.dueDate,
        daysPastDue: daysBetween(a.dueDate, closed),
      }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key)),
  };
  const eventsOf = new Map(rows.map(({ a, events }) => [a.agreementId, events]));
  const cells: FigureCell[] = [];
  for (const name of LIST_NAMES) {
    // An agreement is a row of several lists: each list's row has a key of its own.
    const listed = (lists[name] as (AgreementRow | MilestoneRow | ActionRow)[]).map((row) =>
      'agreementId' in row ? { ...row, key: listKey(name, row.agreementId) } : row,
    );
    (lists as unknown as Record<ListName, unknown[]>)[name] = listed;
    for (const row of listed) {
      lineage.add(row.key, 'agreementId' in row ? (eventsOf.get(row.agreementId) ?? []) : (behind.get(row.key) ?? []));
      cells.push({
        key: row.key,
        group: 'projectId' in row ? row.projectId : 'programme',
        measure: `list:${name}`,
        currency: '',
        period: 'quarter-end',
        value: listValue(name, row),
      });
    }
  }
  return { lists, cells };
}

function behindRow(behind: Map<string, string[]>, key: string, events: string[]): string {
  behind.set(key, events);
  return key;
}

/** What a list row's cell holds: the figure the list is about. */
function listValue(name: ListName, row: AgreementRow | MilestoneRow | ActionRow): string {
  if ('daysOverdue' in row) return String(row.daysOverdue);
  if ('daysPastDue' in row) return String(row.daysPastDue);
  if (name === 'awaitingEffectiveness') return String(row.daysSinceSigning ?? '');
  if (name === 'cancelled') return row.cancelledInQuarter.amount;
  return row.closingDate;
}

class MoneySum {
  amount: ExactDecimal = ZERO;
  usd: ExactDecimal = ZERO;
  readonly missing: MissingRate[] = [];
  constructor(readonly currency: string) {}

  add(amount: string, valueDate: string, rates: ExchangeRates): void {
    const { currency, minorUnits } = toMinorUnits({ amount, currency: this.currency });
    const value = { units: minorUnits, scale: minorUnitsOf(currency) };
    this.amount = addDecimals(this.amount, value);
    const rate = rates.on(this.currency, valueDate);
    if (rate) this.usd = addDecimals(this.usd, multiplyDecimals(value, rate.usdPerUnit));
    else this.missing.push({ currency: this.currency, date: valueDate });
  }

  money(): ListMoney {
    return toListMoney(this.currency, this.amount, this.usd, this.missing);
  }
}

function toListMoney(currency: string, amount: ExactDecimal, usd: ExactDecimal, missing: MissingRate[]): ListMoney {
  const base = { amount: amountText(currency, amount), currency };
  return missing.length > 0 ? { ...base, usd: '', note: missingNote(sortedMissing(missing)) } : { ...base, usd: usdText(usd) };
}

/** An agreement's row: its money to the quarter's end (net commitment IATI 11, disbursed IATI 1) in its currency and in USD. */
function agreementRow(a: AgreementFacts, project: ProjectFacts, period: Quarter, rates: ExchangeRates) {
  const end = period.end;
  const currency = a.currency ?? project.transactions.find((t) => t.agreementId === a.agreementId)?.currency ?? 'USD';
  const [committed, disbursed, cancelled] = [new MoneySum(currency), new MoneySum(currency), new MoneySum(currency)];
  const events = [...a.events];
  for (const t of project.transactions) {
    if (t.agreementId !== a.agreementId || t.date > end || t.currency !== currency || (t.type !== '11' && t.type !== '1')) continue;
    (t.type === '11' ? committed : disbursed).add(t.amount, t.valueDate, rates);
    events.push(t.eventId);
  }
  const inQuarter = a.cancellations.filter((c) => c.currency === currency && c.date >= period.start && c.date <= end);
  for (const c of inQuarter) {
    cancelled.add(c.amount, c.valueDate, rates);
    if (!events.includes(c.eventId)) events.push(c.eventId);
  }
  const row: AgreementRow = {
    key: a.agreementId,
    projectId: a.projectId,
    cluster: project.cluster,
    countries: (project.draft.countries ?? project.countries).map((c) => `${c.code} ${c.percentage}`).join(' / '),
    agreementId: a.agreementId,
    agreementNumber: a.agreementNumber ?? '',
    financier: a.financier,
    signed: undefined,
    signedDate: a.signedDate ?? '',
    effectiveDate: a.effectiveDate ?? '',
    originalClosingDate: a.originalClosingDate ?? '',
    closingDate: a.closingDate ?? '',
    extensions: a.extensions,
    netCommitment: committed.money(),
    disbursed: disbursed.money(),
    undisbursed: difference(committed, disbursed),
    cancelledInQuarter: cancelled.money(),
    daysSinceSigning: a.signedDate !== undefined && a.signedDate <= end ? daysBetween(a.signedDate, end) : undefined,
  };
  if (a.signedAmount !== undefined && a.signedDate !== undefined) {
    const signed = new MoneySum(currency);
    signed.add(a.signedAmount, a.signedDate, rates);
    row.signed = signed.money();
  }
  return { a, row, events, cancelled: inQuarter.length > 0 && cancelled.amount.units !== 0n };
}

function difference(a: MoneySum, b: MoneySum): ListMoney {
  const amount = addDecimals(a.amount, { units: -b.amount.units, scale: b.amount.scale });
  const usd = addDecimals(a.usd, { units: -b.usd.units, scale: b.usd.scale });
  return toListMoney(a.currency, amount, usd, [...a.missing, ...b.missing]);
}
