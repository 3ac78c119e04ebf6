import { xpath } from '@ecab/testing';
import { cents, inQ2, portfolio, sum, ytd } from '../test-support/quarterly-portfolio.js';
import { parseQuarter, type Quarter } from './quarter.js';
import { quarterlyFigures } from './quarterly-figures.js';
import { quarterlyHtml } from './quarterly-html.js';

const Q2 = parseQuarter('2025-Q2') as Quarter;

describe('the quarterly portfolio report', () => {
  const byCluster = quarterlyFigures(portfolio().events, Q2, 'cluster');
  const figure = (group: string, name: string, currency: string) =>
    byCluster.groups.find((g) => g.group === group)?.figures[name as 'spent'].find((a) => a.currency === currency);

  it('sums the quarter and the year to date per cluster and currency, equal to an independent sum of what was sent', () => {
    expect(figure('transport', 'netCommitment', 'USD')).toEqual({
      currency: 'USD',
      quarter: cents(sum((m) => m[0] === 'ROAD' && m[1] === '11' && inQ2(m[5]))),
      yearToDate: cents(sum((m) => m[0] === 'ROAD' && m[1] === '11' && ytd(m[5]))),
    });
    expect(figure('transport', 'netCommitment', 'USD')).toEqual({ currency: 'USD', quarter: '-100000.00', yearToDate: '900000.00' });
    expect(figure('transport', 'disbursed', 'USD')).toEqual({
      currency: 'USD',
      quarter: cents(sum((m) => m[0] === 'ROAD' && m[1] === '1' && inQ2(m[5]))),
      yearToDate: cents(sum((m) => m[0] === 'ROAD' && m[1] === '1' && ytd(m[5]))),
    });
    expect(figure('transport', 'spent', 'USD')?.quarter).toBe('50000.00');
    expect(figure('health', 'disbursed', 'KZT')).toEqual({ currency: 'KZT', quarter: '0.00', yearToDate: '200000001.00' });
    // LAB's only spending is dated 2024: nothing in the year to the quarter's end, so no row at all.
    expect(figure('health', 'spent', 'KZT')).toBeUndefined();
    expect(figure('transport', 'contractAwards', 'USD')).toEqual({ currency: 'USD', quarter: '400000.00', yearToDate: '400000.00' });
  });

  it('shares a project among its countries by percentage, and counts ratings of the quarter only', () => {
    const byCountry = quarterlyFigures(portfolio().events, Q2, 'country');
    const kz = byCountry.groups.find((g) => g.group === 'KZ');
    const kg = byCountry.groups.find((g) => g.group === 'KG');
    expect(kz?.figures.disbursed.find((a) => a.currency === 'USD')?.quarter).toBe('148500.00'); // 59.4 % of 250000.00
    expect(kg?.figures.disbursed.find((a) => a.currency === 'USD')?.quarter).toBe('101500.00');
    expect([kz?.projects, kg?.projects]).toEqual([2, 1]);
    expect(byCluster.groups.map((g) => [g.group, g.ratings])).toEqual([
      ['health', { on_track: 0, for_attention: 0, at_risk: 0 }],
      ['transport', { on_track: 0, for_attention: 1, at_risk: 0 }],
    ]);
  });

  it('renders every figure in the page, readable by its data attributes', () => {
    const html = quarterlyHtml(byCluster);
    const cell = (group: string, fig: string, currency: string, period: string) =>
      xpath(html, `string(//section[@data-group='${group}']//tr[@data-figure='${fig}' and @data-currency='${currency}']/td[@data-period='${period}'])`);
    expect(cell('transport', 'netCommitment', 'USD', 'year-to-date')).toBe('900000.00');
    expect(cell('health', 'disbursed', 'KZT', 'year-to-date')).toBe('200000001.00');
    expect(xpath(html, "string(//section[@data-group='transport']//td[@data-rating='for_attention'])")).toBe('1');
    expect(xpath(html, "string(//section[@data-group='transport']//*[@data-figure='projects'])")).toBe('1');
  });
});
