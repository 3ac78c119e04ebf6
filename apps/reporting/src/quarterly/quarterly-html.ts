import { createHash } from 'node:crypto';
import { el, inlineEl, renderHtml, type XmlElement } from '../iati/xml-writer.js';
import { cellKey } from './lineage.js';
import { statusName } from './quarterly-cells.js';
import { FIGURES, RATINGS, type Figure, type GroupFigures, type QuarterlyFigures } from './quarterly-figures.js';

const FIGURE_TITLES: Record<Figure, string> = {
  netCommitment: 'Net commitments (IATI 11: commitments, amendments, cancellations)',
  disbursed: 'Disbursements (IATI 1: funds received)',
  spent: 'Spending (IATI 3 and 4: onward disbursements and expenditure)',
  contractAwards: 'Contract awards',
};

const STYLE = `body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:0 0 1.5em}th,td{border:1px solid #999;padding:.25em .6em}
td.amount{text-align:right;font-variant-numeric:tabular-nums}section{break-inside:avoid}@media print{body{margin:0}}`;

/** The report's inline style block, by its SHA-256: the page's Content-Security-Policy lets exactly it apply. */
export const QUARTERLY_STYLE_SHA256 = createHash('sha256').update(STYLE).digest('base64');

/** Where a figure's lineage is read: a filed report links each figure to it; the live page has none to offer. */
export interface HtmlOptions {
  lineageHref?: (cell: string) => string;
  /** A filed report says which filing it is, and what it was made from. */
  filedAs?: { id: string; position: string; codeVersion: string };
}

/**
 * The quarterly portfolio report as a printable HTML page: per group, the portfolio at a glance, the money
 * in the quarter and the year to date per currency, and the ratings distribution. Every figure carries
 * data-* attributes naming what it is and data-cell (its lineage key), so tools (and the tests) read it
 * without scraping the layout; in a filed report each figure is a link to the events behind it.
 */
export function quarterlyHtml(report: QuarterlyFigures, options: HtmlOptions = {}): string {
  const title = `ECAB quarterly portfolio report, ${report.quarter.label}, per ${report.groupBy}`;
  const figure = (cell: string, value: string): XmlElement[] | string => (options.lineageHref ? [el('a', { href: options.lineageHref(cell) }, value)] : value);
  return renderHtml(
    el('html', { lang: 'en' }, [
      el('head', {}, [el('meta', { charset: 'utf-8' }), el('title', {}, title), el('style', {}, STYLE)]),
      el('body', {}, [
        el('h1', {}, title),
        el(
          'p',
          {},
          `Quarter ${report.quarter.start} to ${report.quarter.end}; year to date from ${report.quarter.yearStart}. Amounts in each currency as recorded; a project's money is shared among its countries by their percentage.`,
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
        ...report.groups.map((g) => groupSection(g, figure)),
      ]),
    ]),
  );
}

type FigureContent = (cell: string, value: string) => XmlElement[] | string;

function groupSection(g: GroupFigures, figure: FigureContent): XmlElement {
  const statuses = Object.entries(g.byStatus).sort(([a], [b]) => a.localeCompare(b));
  const projects = cellKey.projects(g.group);
  const statusSpans = statuses.flatMap(([s, n], i) => {
    const cell = cellKey.status(g.group, s);
    return [
      ...(i > 0 ? [el('span', {}, ', ')] : []),
      inlineEl('span', { 'data-status': s, 'data-cell': cell }, figure(cell, String(n))),
      el('span', {}, ` ${statusName(s)}`),
    ];
  });
  return el('section', { 'data-group': g.group }, [
    el('h2', {}, g.group),
    inlineEl('p', {}, [
      inlineEl('span', { 'data-figure': 'projects', 'data-cell': projects }, figure(projects, String(g.projects))),
      el('span', {}, ' projects: '),
      ...statusSpans,
    ]),
    el('table', {}, [
      el('thead', {}, [el('tr', {}, [el('th', {}, 'Figure'), el('th', {}, 'Currency'), el('th', {}, 'Quarter'), el('th', {}, 'Year to date')])]),
      el(
        'tbody',
        {},
        FIGURES.flatMap((f) =>
          g.figures[f].map((a) => {
            const quarter = cellKey.amount(g.group, f, a.currency, 'quarter');
            const yearToDate = cellKey.amount(g.group, f, a.currency, 'year-to-date');
            return el('tr', { 'data-figure': f, 'data-currency': a.currency }, [
              el('td', {}, FIGURE_TITLES[f]),
              el('td', {}, a.currency),
              inlineEl('td', { class: 'amount', 'data-period': 'quarter', 'data-cell': quarter }, figure(quarter, a.quarter)),
              inlineEl('td', { class: 'amount', 'data-period': 'year-to-date', 'data-cell': yearToDate }, figure(yearToDate, a.yearToDate)),
            ]);
          }),
        ),
      ),
    ]),
    el('table', {}, [
      el('thead', {}, [
        el(
          'tr',
          {},
          RATINGS.map((r) => el('th', {}, r.replace('_', ' '))),
        ),
      ]),
      el('tbody', {}, [
        el(
          'tr',
          { 'data-figure': 'ratings' },
          RATINGS.map((r) => {
            const cell = cellKey.rating(g.group, r);
            return inlineEl('td', { class: 'amount', 'data-rating': r, 'data-cell': cell }, figure(cell, String(g.ratings[r])));
          }),
        ),
      ]),
    ]),
  ]);
}
