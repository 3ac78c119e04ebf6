import type { PortfolioEvent } from '@ecab/contracts';
import { addDecimals, minorUnitsOf, subtractDecimals, toMinorUnits, type ExactDecimal } from '@ecab/domain';
import type { Data } from '../iati/event-data.js';
import type { PortfolioFacts } from '../iati/portfolio-facts.js';
import { amountText, multiplyDecimals, ratioText, usdText, ZERO } from './exact.js';
import { missingNote, sortedMissing, type ExchangeRates, type MissingRate } from './exchange-rates.js';
import type { FigureCell, LineageCollector } from './lineage.js';
import type { AgreementFacts } from './quarter-fact-types.js';
import type { Quarter } from './quarter.js';
import { shareOf, sharesOf, type Grouping } from './quarterly-figures.js';

/** The money figures of quarterly/2: the recorded movements, then what is derived from them at the quarter's end. */
export const MONEY_FIGURES = ['netCommitment', 'disbursed', 'spent', 'contractAwards', 'undisbursed', 'uncontracted'] as const;
export type MoneyFigure = (typeof MONEY_FIGURES)[number];
export const RATIOS = ['disbursementRatio', 'contractAwardRatio'] as const;
export type Ratio = (typeof RATIOS)[number];
export const MONEY_PERIODS = ['quarter', 'year-to-date', 'cumulative'] as const;
export type MoneyPeriod = (typeof MONEY_PERIODS)[number];
export const RATIO_PERIODS = ['quarter', 'year-to-date'] as const;
/** The group of the whole programme, beside the clusters or countries (neither is ever named so). */
export const PROGRAMME_GROUP = 'programme';
/** The "currency" of a figure over all currencies, in USD. */
export const ALL_CURRENCIES = 'all';

/**
 * The key of a money cell: `<group>/<figure>/<currency>/<period>` in the currency as recorded (the key of
 * quarterly/1's cells, plus the cumulative period), `…/usd` for its USD equivalent, `<group>/<figure>/all/<period>/usd`
 * over all currencies; ratios `<group>/<ratio>/<currency|all>/<period>` (`all`: computed in USD).
 */
export const moneyKey = (group: string, figure: string, currency: string, period: string, usd = false) =>
  `${group}/${figure}/${currency}/${period}${usd ? '/usd' : ''}`;

/** IATI transaction types per figure, as quarterly/1: net commitment (11, signed), disbursement (1), spending (3, 4). */
const FIGURE_OF_TYPE: Record<string, 'netCommitment' | 'disbursed' | 'spent'> = { '11': 'netCommitment', '1': 'disbursed', '3': 'spent', '4': 'spent' };

/** A movement of one project: its figure, amount, the date it counts on, the value date it converts at, its agreement and event. */
interface Movement {
  figure: 'netCommitment' | 'disbursed' | 'spent' | 'contractAwards';
  currency: string;
  minorUnits: bigint;
  /** The currency's decimals. */
  scale: number;
  date: string;
  valueDate: string;
  agreementId: string | undefined;
  eventId: string;
}

/** An exact sum in the currency and in USD, the events behind it, and the rates it lacked. */
class Sum {
  amount: ExactDecimal = ZERO;
  usd: ExactDecimal = ZERO;
  readonly events = new Set<string>();
  readonly rateEvents = new Set<string>();
  readonly missing: MissingRate[] = [];

  add(
    amount: ExactDecimal,
    usd: ExactDecimal | undefined,
    events: readonly (string | undefined)[],
    rateEvent: string | undefined,
    missing?: MissingRate,
  ): void {
    this.amount = addDecimals(this.amount, amount);
    if (usd) this.usd = addDecimals(this.usd, usd);
    for (const e of events) if (e !== undefined) this.events.add(e);
    if (rateEvent !== undefined) this.rateEvents.add(rateEvent);
    if (missing) this.missing.push(missing);
  }

  absorb(other: Sum, sign: 1 | -1): void {
    this.amount = sign === 1 ? addDecimals(this.amount, other.amount) : subtractDecimals(this.amount, other.amount);
    this.usd = sign === 1 ? addDecimals(this.usd, other.usd) : subtractDecimals(this.usd, other.usd);
    for (const e of other.events) this.events.add(e);
    for (const e of other.rateEvents) this.rateEvents.add(e);
    this.missing.push(...other.missing);
  }
}

/** The sums a group needs for one currency (or all, in USD): per figure and window, and the ratios' parts. */
type Sums = Map<string, Sum>;
const sumOf = (sums: Sums, name: string): Sum => {
  if (!sums.has(name)) sums.set(name, new Sum());
  return sums.get(name) as Sum;
};

/**
 * The money cells of quarterly/2 per group (cluster or country, and the whole programme), from the same
 * movements as quarterly/1: per currency as recorded and in USD at each movement's value date (the latest rate
 * on or before it; none, and the cell says which rate is missing). Windows: the quarter, the year to its end,
 * and everything to its end (cumulative). Undisbursed = net commitment − disbursed, uncontracted = net
 * commitment − contract awards, both cumulative (docs/DOMAIN.md §2).
 *
 * The ratios, for a period p (the quarter, or the year to the quarter's end), after docs/DOMAIN.md §2 and
 * portfolio-views' money figures, over the same movements:
 * - disbursement ratio = disbursements dated in p ÷ (undisbursed balance at the start of p + net commitment of
 *   agreements that became effective in p), where the balance at the start is the net commitment dated before p
 *   of agreements effective before p, less every disbursement dated before p;
 * - contract-award ratio = contract awards dated in p ÷ (uncontracted balance at the start of p + net commitment
 *   of agreements that became effective in p), the balance being that net commitment less every award dated
 *   before p.
 * "Effective" is the effectiveness date on or before the quarter's end (an opened agreement's opening day); an
 * agreement signed and not yet effective adds nothing to a base. A ratio whose base is not above 0 is empty (with a note), not 0.
 * Per currency the ratio is of that currency's amounts; over all currencies, of their USD values.
 */
export function portfolioMoney(
  events: readonly PortfolioEvent[],
  facts: PortfolioFacts,
  agreements: readonly AgreementFacts[],
  rates: ExchangeRates,
  quarter: Quarter,
  groupBy: Grouping,
  lineage: LineageCollector,
): FigureCell[] {
  const effective = new Map(agreements.map((a) => [a.agreementId, a]));
  const movements = new Map<string, Movement[]>();
  const countriesEvent = new Map<string, string>();
  const moved = (projectId: string, m: Movement) => movements.set(projectId, [...(movements.get(projectId) ?? []), m]);
  for (const event of events) {
    const d = event.data as Data;
    if (event.type === 'ProjectRegistered' || event.type === 'RecipientCountriesSet') countriesEvent.set(d.projectId, event.eventId);
    if (event.type === 'ContractAwarded' && d.awardDate <= quarter.end) {
      const { currency, minorUnits } = toMinorUnits(d.contractValue);
      const scale = minorUnitsOf(currency);
      moved(d.projectId, {
        figure: 'contractAwards',
        currency,
        minorUnits,
        scale,
        date: d.awardDate,
        valueDate: d.awardDate,
        agreementId: undefined,
        eventId: event.eventId,
      });
    }
  }
  for (const project of facts.projects.values()) {
    for (const t of project.transactions) {
      const figure = FIGURE_OF_TYPE[t.type];
      if (!figure || t.date > quarter.end) continue;
      const { currency, minorUnits } = toMinorUnits({ amount: t.amount, currency: t.currency });
      const scale = minorUnitsOf(currency);
      moved(project.projectId, { figure, currency, minorUnits, scale, date: t.date, valueDate: t.valueDate, agreementId: t.agreementId, eventId: t.eventId });
    }
  }

  // Per group, per currency (and ALL_CURRENCIES), the sums by name.
  const groups = new Map<string, Map<string, Sums>>();
  const starts = { quarter: quarter.start, 'year-to-date': quarter.yearStart };
  for (const project of facts.projects.values()) {
    const basis = groupBy === 'country' ? countriesEvent.get(project.projectId) : undefined;
    const shares = [...sharesOf(project, groupBy).map((s) => ({ ...s, basis })), { group: PROGRAMME_GROUP, hundredths: 10_000n, basis: undefined }];
    for (const { group, hundredths, basis: countries } of shares) {
      const byCurrency = groups.get(group) ?? new Map<string, Sums>();
      groups.set(group, byCurrency);
      for (const m of movements.get(project.projectId) ?? []) {
        const amount: ExactDecimal = { units: shareOf(m.minorUnits, hundredths), scale: m.scale };
        const rate = rates.on(m.currency, m.valueDate);
        const usd = rate ? multiplyDecimals(amount, rate.usdPerUnit) : undefined;
        const missing = rate ? undefined : { currency: m.currency, date: m.valueDate };
        const behind = [m.eventId, countries];
        const agreement = m.agreementId === undefined ? undefined : effective.get(m.agreementId);
        const add = (name: string) => {
          for (const currency of [m.currency, ALL_CURRENCIES]) sumOf(sumsFor(byCurrency, currency), name).add(amount, usd, behind, rate?.eventId, missing);
        };
        add(`${m.figure}|cumulative`);
        for (const period of RATIO_PERIODS) {
          const start = starts[period];
          if (m.date >= start) add(`${m.figure}|${period}`);
          else if (m.figure === 'disbursed' || m.figure === 'contractAwards') add(`${m.figure}|before|${period}`);
          // The base's net commitment: dated before p on agreements effective before p, or of agreements becoming effective in p.
          const effectiveOn = agreement?.effectiveDate;
          if (m.figure === 'netCommitment' && effectiveOn !== undefined && ((effectiveOn < start && m.date < start) || effectiveOn >= start)) {
            add(`base|${period}`);
            for (const currency of [m.currency, ALL_CURRENCIES])
              sumOf(sumsFor(byCurrency, currency), `effective|${period}`).add(ZERO, ZERO, agreement?.events ?? [], undefined);
          }
        }
      }
    }
  }

  const cells: FigureCell[] = [];
  const groupNames = [...groups.keys()].filter((g) => g !== PROGRAMME_GROUP).sort();
  for (const group of groups.has(PROGRAMME_GROUP) ? [...groupNames, PROGRAMME_GROUP] : []) {
    const byCurrency = groups.get(group) as Map<string, Sums>;
    const currencies = [...byCurrency.keys()].filter((c) => c !== ALL_CURRENCIES).sort();
    for (const currency of [...currencies, ...(currencies.length > 0 ? [ALL_CURRENCIES] : [])]) {
      const sums = byCurrency.get(currency) as Sums;
      for (const figure of MONEY_FIGURES) {
        for (const period of MONEY_PERIODS) {
          if ((figure === 'undisbursed' || figure === 'uncontracted') && period !== 'cumulative') continue;
          const sum = figureSum(sums, figure, period);
          if (currency !== ALL_CURRENCIES) cells.push(cell(lineage, moneyKey(group, figure, currency, period), group, figure, currency, period, sum, false));
          cells.push(cell(lineage, moneyKey(group, figure, currency, period, true), group, `${figure}:usd`, currency, period, sum, true));
        }
      }
      for (const ratio of RATIOS) {
        for (const period of RATIO_PERIODS) {
          const inPeriod = sumOf(sums, `${ratio === 'disbursementRatio' ? 'disbursed' : 'contractAwards'}|${period}`);
          const base = new Sum();
          base.absorb(sumOf(sums, `base|${period}`), 1);
          base.absorb(sumOf(sums, `${ratio === 'disbursementRatio' ? 'disbursed' : 'contractAwards'}|before|${period}`), -1);
          cells.push(
            ratioCell(lineage, moneyKey(group, ratio, currency, period), group, ratio, currency, period, inPeriod, base, sumOf(sums, `effective|${period}`)),
          );
        }
      }
    }
  }
  return cells;
}

function sumsFor(byCurrency: Map<string, Sums>, currency: string): Sums {
  if (!byCurrency.has(currency)) byCurrency.set(currency, new Map());
  return byCurrency.get(currency) as Sums;
}

function figureSum(sums: Sums, figure: MoneyFigure, period: MoneyPeriod): Sum {
  if (figure !== 'undisbursed' && figure !== 'uncontracted') return sumOf(sums, `${figure}|${period}`);
  const sum = new Sum();
  sum.absorb(sumOf(sums, 'netCommitment|cumulative'), 1);
  sum.absorb(sumOf(sums, `${figure === 'undisbursed' ? 'disbursed' : 'contractAwards'}|cumulative`), -1);
  return sum;
}

function cell(
  lineage: LineageCollector,
  key: string,
  group: string,
  measure: string,
  currency: string,
  period: MoneyPeriod,
  sum: Sum,
  usd: boolean,
): FigureCell {
  lineage.add(key, [...sum.events, ...(usd ? sum.rateEvents : [])]);
  const base = { key, group, measure, currency, period };
  if (!usd) return { ...base, value: amountText(currency, sum.amount) };
  if (sum.missing.length > 0) return { ...base, value: '', note: missingNote(sortedMissing(sum.missing)) };
  return { ...base, value: usdText(sum.usd) };
}

/** A ratio whose base (the balance at the period's start plus the commitments becoming effective in it) is 0 or less has no meaning. */
const NO_BASE = 'no base: the balance at the start of the period plus the net commitment of agreements effective in it is not above 0';

function ratioCell(
  lineage: LineageCollector,
  key: string,
  group: string,
  measure: string,
  currency: string,
  period: 'quarter' | 'year-to-date',
  inPeriod: Sum,
  base: Sum,
  effectiveness: Sum,
): FigureCell {
  const usd = currency === ALL_CURRENCIES;
  lineage.add(key, [...inPeriod.events, ...base.events, ...effectiveness.events, ...(usd ? [...inPeriod.rateEvents, ...base.rateEvents] : [])]);
  const cellBase = { key, group, measure, currency, period };
  const missing = [...inPeriod.missing, ...base.missing];
  if (usd && missing.length > 0) return { ...cellBase, value: '', note: missingNote(sortedMissing(missing)) };
  const [numerator, denominator] = usd ? [inPeriod.usd, base.usd] : [inPeriod.amount, base.amount];
  if (denominator.units <= 0n) return { ...cellBase, value: '', note: NO_BASE };
  return { ...cellBase, value: ratioText(numerator, denominator) as string };
}
