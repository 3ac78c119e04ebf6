import { createHash } from 'node:crypto';
import { el, inlineEl, renderHtml, type XmlElement } from '../iati/xml-writer.js';
import type { GroupLists } from './group-lists.js';
import { cellKey } from './lineage.js';
import { ALL_CURRENCIES, MONEY_FIGURES, moneyKey, PROGRAMME_GROUP, RATIO_PERIODS, RATIOS, type MoneyFigure } from './portfolio-money.js';
import { statusName } from './quarterly-cells.js';
import { RATINGS, type GroupFigures } from './quarterly-figures.js';
import type { QuarterlyReport } from './quarterly-report.js';
import { CellRenderer, percent, table, text, type PageOptions } from './report-format.js';
import { groupListSections, listSections } from './report-page-lists.js';

// No quotes or angle brackets: the writer escapes text, and a <style> element's text is not unescaped.
const STYLE = `@page{size:A4 landscape;margin:12mm}body{font-family:DejaVu Sans,Liberation Sans,Arial,sans-serif;font-size:9.5pt;margin:2em;color:#111}
h1{font-size:16pt;margin:0 0 .3em}h2{font-size:13pt;margin:1.2em 0 .4em;border-bottom:2px solid #1f4e79;color:#1f4e79}h3{font-size:11pt;margin:.9em 0 .3em}
p{margin:.3em 0}table{border-collapse:collapse;margin:0 0 1em;width:100%}th,td{border:1px solid #aaa;padding:.2em .45em;vertical-align:top}
th{background:#e8eef5;text-align:left;font-weight:600}td.amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:700;background:#f4f4f4}p.note{color:#444;font-size:8.5pt}a{color:inherit;text-decoration:none}
section{break-inside:avoid}section.group,section.list{break-inside:auto}thead{display:table-header-group}tr{break-inside:avoid}
@media print{body{margin:0}}`;

/** The page's inline style block, by its SHA-256: the Content-Security-Policy lets exactly it (and quarterly/1's) apply. */
export const REPORT_PAGE_STYLE_SHA256 = createHash('sha256').update(STYLE).digest('base64');

const FIGURE_TITLES: Record<MoneyFigure, string> = {
  netCommitment: 'Net commitment (IATI 11)',
  disbursed: 'Disbursed (IATI 1, funds received)',
  spent: 'Spent (IATI 3 and 4)',
  contractAwards: 'Contract awards',
  undisbursed: 'Undisbursed (net commitment − disbursed)',
  uncontracted: 'Uncontracted (net commitment − awards)',
};
const RATIO_TITLES = { disbursementRatio: 'Disbursement ratio', contractAwardRatio: 'Contract-award ratio' } as const;
const groupName = (group: string) => (group === PROGRAMME_GROUP ? 'Programme (all projects)' : group);

/**
 * quarterly/2's and 3's printable page (HTML; the PDF is this page printed by Chromium): the portfolio at a glance, per
 * group the counts, money (as recorded and in USD) and ratios (quarterly/3: and the group's own lists and
 * scorecard), then ADB's lists programme-wide, the results scorecard and the
 * programme's KPIs, the exchange rates that were missing, and how each figure is defined. Every figure carries
 * data-cell and data-value; in a filed report it links to the events behind it.
 */
export function reportPage(report: QuarterlyReport, options: PageOptions = {}): string {
  const content = report.content;
  const cells = new CellRenderer(report.cells, options);
  const title = `ECAB quarterly portfolio report, ${report.quarter.label}, per ${report.groupBy}`;
  const groups = [...report.groups, content.programme];
  return renderHtml(
    el('html', { lang: 'en' }, [
      el('head', {}, [el('meta', { charset: 'utf-8' }), el('title', {}, title), el('style', {}, STYLE)]),
      el('body', {}, [
        el('h1', {}, title),
        el(
          'p',
          { 'data-as-of': report.quarter.end },
          `As of the quarter's end, ${report.quarter.end} (quarter from ${report.quarter.start}, year to date from ${report.quarter.yearStart}). Amounts in each currency as recorded and in US dollars at each movement's value date (the latest rate recorded on or before it; where there is none the figure says "no rate" and the rate is listed at the end). A project's money is shared among its countries by their percentage.`,
        ),
        ...(options.filedAs
          ? [
              el(
                'p',
                { 'data-filing': options.filedAs.id, 'data-position': options.filedAs.position, 'data-code-version': options.filedAs.codeVersion },
                `Filed report ${options.filedAs.id}: made from the events reporting held through log position ${options.filedAs.position}, written by ${options.filedAs.codeVersion}. Each figure links to the events behind it.`,
              ),
            ]
          : []),
        glance(groups, cells, report.groupBy),
        ...groups.map((g) =>
          groupSection(
            g,
            cells,
            currenciesOf(report, g.group),
            content.groupLists?.find((l) => l.group === g.group),
          ),
        ),
        ...listSections(content, cells),
        missingRates(report),
        definitions(report),
      ]),
    ]),
  );
}

function glance(groups: GroupFigures[], cells: CellRenderer, groupBy: string): XmlElement {
  const usd = (group: string, figure: string, period: string) => cells.cell(moneyKey(group, figure, ALL_CURRENCIES, period, true));
  const ratio = (group: string, name: string) => cells.cell(moneyKey(group, name, ALL_CURRENCIES, 'year-to-date'), percent);
  return el('section', { id: 'glance' }, [
    el('h2', {}, 'Portfolio at a glance'),
    el('p', { class: 'note' }, `Per ${groupBy} and for the programme; US dollars at the value date; ratios for the year to date; ratings of the quarter.`),
    table(
      [
        '',
        'Projects',
        'Net commitment',
        'Disbursed to date',
        'Undisbursed',
        'Awarded to date',
        'Disbursed YTD',
        'Awarded YTD',
        'Disb. ratio YTD',
        'Award ratio YTD',
        'On track',
        'For attention',
        'At risk',
      ],
      groups.map((g) =>
        el('tr', { 'data-group': g.group, ...(g.group === PROGRAMME_GROUP ? { class: 'total' } : {}) }, [
          text(groupName(g.group)),
          cells.cell(cellKey.projects(g.group), String),
          usd(g.group, 'netCommitment', 'cumulative'),
          usd(g.group, 'disbursed', 'cumulative'),
          usd(g.group, 'undisbursed', 'cumulative'),
          usd(g.group, 'contractAwards', 'cumulative'),
          usd(g.group, 'disbursed', 'year-to-date'),
          usd(g.group, 'contractAwards', 'year-to-date'),
          ratio(g.group, 'disbursementRatio'),
          ratio(g.group, 'contractAwardRatio'),
          ...RATINGS.map((r) => cells.cell(cellKey.rating(g.group, r), String)),
        ]),
      ),
      { 'data-table': 'glance' },
    ),
  ]);
}

function groupSection(g: GroupFigures, cells: CellRenderer, currencies: string[], lists: GroupLists | undefined): XmlElement {
  const statuses = Object.entries(g.byStatus).sort(([a], [b]) => a.localeCompare(b));
  const moneyRows = MONEY_FIGURES.flatMap((figure) =>
    [...currencies, ...(currencies.length > 1 ? [ALL_CURRENCIES] : [])].map((currency) => {
      const periods = figure === 'undisbursed' || figure === 'uncontracted' ? (['cumulative'] as const) : (['quarter', 'year-to-date', 'cumulative'] as const);
      const all = currency === ALL_CURRENCIES;
      return el('tr', { 'data-figure': figure, 'data-currency': currency, ...(all ? { class: 'total' } : {}) }, [
        text(all ? `${FIGURE_TITLES[figure]}, all currencies` : FIGURE_TITLES[figure]),
        text(all ? 'USD' : currency),
        ...(['quarter', 'year-to-date', 'cumulative'] as const).flatMap((period) =>
          (periods as readonly string[]).includes(period)
            ? [all ? text('') : cells.cell(moneyKey(g.group, figure, currency, period)), cells.cell(moneyKey(g.group, figure, currency, period, true))]
            : [text(''), text('')],
        ),
      ]);
    }),
  );
  return el('section', { class: 'group', 'data-group': g.group }, [
    el('h2', {}, groupName(g.group)),
    inlineEl('p', {}, [
      el('span', {}, 'Projects at the quarter’s end: '),
      cells.cell(cellKey.projects(g.group), String, 'span', { 'data-figure': 'projects' }),
      el('span', {}, ' ('),
      ...statuses.flatMap(([s], i) => [
        ...(i > 0 ? [el('span', {}, ', ')] : []),
        cells.cell(cellKey.status(g.group, s), String, 'span', { 'data-status': s }),
        el('span', {}, ` ${statusName(s)}`),
      ]),
      el('span', {}, '). Ratings of the quarter: '),
      ...RATINGS.flatMap((r, i) => [
        ...(i > 0 ? [el('span', {}, ', ')] : []),
        cells.cell(cellKey.rating(g.group, r), String, 'span', { 'data-rating': r }),
        el('span', {}, ` ${r.replace('_', ' ')}`),
      ]),
      el('span', {}, '.'),
    ]),
    table(['Figure', 'Currency', 'Quarter', 'Quarter, USD', 'Year to date', 'YTD, USD', 'To date', 'To date, USD'], moneyRows, { 'data-table': 'money' }),
    table(
      ['Ratio', 'Currency', 'Quarter', 'Year to date'],
      RATIOS.flatMap((name) =>
        [...currencies, ...(currencies.length > 1 ? [ALL_CURRENCIES] : [])].map((currency) =>
          el('tr', { 'data-figure': name, 'data-currency': currency }, [
            text(RATIO_TITLES[name]),
            text(currency === ALL_CURRENCIES ? 'all, in USD' : currency),
            ...RATIO_PERIODS.map((period) => cells.cell(moneyKey(g.group, name, currency, period), percent)),
          ]),
        ),
      ),
      { 'data-table': 'ratios' },
    ),
    ...(lists ? groupListSections(lists, cells) : []),
  ]);
}

/** The currencies a group has money in by the quarter's end, in the report's (sorted) order. */
function currenciesOf(report: QuarterlyReport, group: string): string[] {
  return report.cells.filter((c) => c.group === group && c.measure === 'netCommitment' && c.period === 'cumulative').map((c) => c.currency);
}

function missingRates({ content }: QuarterlyReport): XmlElement {
  return el('section', { id: 'missing-rates' }, [
    el('h2', {}, 'Exchange rates missing'),
    content.missingRates.length === 0
      ? el('p', {}, 'None: every amount has its US-dollar value.')
      : el(
          'ul',
          {},
          content.missingRates.map((m) => el('li', { 'data-currency': m.currency, 'data-date': m.date }, `no ${m.currency} rate on or before ${m.date}`)),
        ),
  ]);
}

function definitions(report: QuarterlyReport): XmlElement {
  return el('section', { id: 'definitions' }, [
    el('h2', {}, 'Definitions'),
    el(
      'p',
      { class: 'note' },
      'Net commitment: commitments, amendments and cancellations of the financing agreements (IATI 11, signed). Disbursed: funds received under an agreement (IATI 1); spent: onward disbursements and expenditure (IATI 3, 4). A reversal counts on its own date, negative.',
    ),
    el(
      'p',
      { class: 'note' },
      'Disbursement ratio for a period: disbursements in the period ÷ (undisbursed balance at its start + net commitment of agreements that became effective in it); the balance at the start is the net commitment dated before the period of agreements effective before it, less all disbursements before it. Contract-award ratio: the same with contract awards and the uncontracted balance. A ratio without a base is shown as –.',
    ),
    el(
      'p',
      { class: 'note' },
      'Lists: agreements signed and not effective at the quarter’s end; effective agreements closing within six months after it; agreements whose closing date was extended; cancellations valued in the quarter; milestones whose planned date (forecast, else baseline) passed by the quarter’s end, neither achieved nor dropped; governance actions due by then and not completed. Scorecard progress: (actual − baseline) ÷ (target − baseline), 0–100 %. KPI progress: (latest − baseline) ÷ (target − baseline); elapsed: the share of the time from baseline to target gone by.',
    ),
    ...(report.content.groupLists
      ? [
          el(
            'p',
            { class: 'note' },
            `Each ${report.groupBy}'s lists and scorecard hold the rows of its projects${report.groupBy === 'country' ? ' (a project is in the lists of every one of its recipient countries, whatever its share)' : ''}; governance actions are the programme's and are listed once, with the programme's lists.`,
          ),
        ]
      : []),
  ]);
}
