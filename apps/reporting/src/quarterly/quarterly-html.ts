import { createHash } from 'node:crypto';
import { el, renderHtml, type XmlElement } from '../iati/xml-writer.js';
import { FIGURES, RATINGS, type Figure, type GroupFigures, type QuarterlyFigures } from './quarterly-figures.js';

const FIGURE_TITLES: Record<Figure, string> = {
  netCommitment: 'Net commitments (IATI 11: commitments, amendments, cancellations)',
  disbursed: 'Disbursements (IATI 1: funds received)',
  spent: 'Spending (IATI 3 and 4: onward disbursements and expenditure)',
  contractAwards: 'Contract awards',
};
const STATUS_NAMES: Record<string, string> = { '1': 'pipeline', '2': 'implementation', '3': 'finalisation', '4': 'closed', '5': 'cancelled', '6': 'suspended' };

const STYLE = `body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:0 0 1.5em}th,td{border:1px solid #999;padding:.25em .6em}
td.amount{text-align:right;font-variant-numeric:tabular-nums}section{break-inside:avoid}@media print{body{margin:0}}`;

/** The report's inline style block, by its SHA-256: the page's Content-Security-Policy lets exactly it apply. */
export const QUARTERLY_STYLE_SHA256 = createHash('sha256').update(STYLE).digest('base64');

/**
 * The quarterly portfolio report as a printable HTML page: per group, the portfolio at a glance, the money
 * in the quarter and the year to date per currency, and the ratings distribution. Every figure cell carries
 * data-* attributes naming what it is, so tools (and the tests) read it without scraping the layout.
 */
export function quarterlyHtml(report: QuarterlyFigures): string {
  const title = `ECAB quarterly portfolio report, ${report.quarter.label}, per ${report.groupBy}`;
  return renderHtml(
    el('html', { lang: 'en' }, [
      el('head', {}, [el('meta', { charset: 'utf-8' }), el('title', {}, title), el('style', {}, STYLE)]),
      el('body', {}, [
        el('h1', {}, title),
        el('p', {}, `Quarter ${report.quarter.start} to ${report.quarter.end}; year to date from ${report.quarter.yearStart}. Amounts in each currency as recorded; a project's money is shared among its countries by their percentage.`),
        ...report.groups.map(groupSection),
      ]),
    ]),
  );
}

function groupSection(g: GroupFigures): XmlElement {
  const statuses = Object.entries(g.byStatus).sort(([a], [b]) => a.localeCompare(b));
  return el('section', { 'data-group': g.group }, [
    el('h2', {}, g.group),
    el('p', {}, [el('span', { 'data-figure': 'projects' }, String(g.projects)), el('span', {}, ` projects: ${statuses.map(([s, n]) => `${n} ${STATUS_NAMES[s] ?? s}`).join(', ')}`)]),
    el('table', {}, [
      el('thead', {}, [el('tr', {}, [el('th', {}, 'Figure'), el('th', {}, 'Currency'), el('th', {}, 'Quarter'), el('th', {}, 'Year to date')])]),
      el(
        'tbody',
        {},
        FIGURES.flatMap((figure) =>
          g.figures[figure].map((a) =>
            el('tr', { 'data-figure': figure, 'data-currency': a.currency }, [
              el('td', {}, FIGURE_TITLES[figure]),
              el('td', {}, a.currency),
              el('td', { class: 'amount', 'data-period': 'quarter' }, a.quarter),
              el('td', { class: 'amount', 'data-period': 'year-to-date' }, a.yearToDate),
            ]),
          ),
        ),
      ),
    ]),
    el('table', {}, [
      el('thead', {}, [el('tr', {}, RATINGS.map((r) => el('th', {}, r.replace('_', ' '))))]),
      el('tbody', {}, [el('tr', { 'data-figure': 'ratings' }, RATINGS.map((r) => el('td', { class: 'amount', 'data-rating': r }, String(g.ratings[r]))))]),
    ]),
  ]);
}
