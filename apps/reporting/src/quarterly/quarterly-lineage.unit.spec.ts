import { xpath } from '@ecab/testing';
import { cents, inQ2, MONEY, portfolio, sum, ytd } from '../test-support/quarterly-portfolio.js';
import { parseQuarter, type Quarter } from './quarter.js';
import { quarterlyCsv } from './quarterly-csv.js';
import { quarterlyFigures } from './quarterly-figures.js';
import { quarterlyHtml } from './quarterly-html.js';

const Q2 = parseQuarter('2025-Q2') as Quarter;
const log = portfolio();
/** The id of the event the test sent for MONEY row `index` (the log holds the two registrations first). */
const moneyEvent = (index: number) => log.events.find((e) => e.data.transactionId === `T${index}`)?.eventId as string;
const moneyEvents = (filter: (m: (typeof MONEY)[number]) => boolean) => MONEY.flatMap((m, index) => (filter(m) ? [moneyEvent(index)] : []));
const registration = (project: string) => log.events.find((e) => e.type === 'ProjectRegistered' && e.data.projectId === project)?.eventId;

/** RFC 4180 rows the test reads itself: it sends no comma or quote in a value, so a split is enough. */
function csvRows(csv: string): Record<string, string>[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  const [header, ...lines] = csv
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
  return lines.map((line) => Object.fromEntries((header as string[]).map((column, i) => [column, line[i] as string])));
}

describe('the quarterly report’s lineage and its CSV table', () => {
  const byCluster = quarterlyFigures(log.events, Q2, 'cluster');
  /** A figure with no event behind it has no lineage entry. */
  const behind = (cell: string) => byCluster.lineage.get(cell) ?? [];

  it('names, for each money figure, exactly the events the test sent that fall in its window', () => {
    expect(behind('transport/disbursed/USD/quarter')).toEqual(moneyEvents((m) => m[0] === 'ROAD' && m[1] === '1' && inQ2(m[5])));
    expect(behind('transport/netCommitment/USD/year-to-date')).toEqual(moneyEvents((m) => m[0] === 'ROAD' && m[1] === '11' && ytd(m[5])));
    expect(behind('health/disbursed/KZT/quarter')).toEqual([]); // in the row (year to date) but nothing in the quarter
    expect(behind('health/disbursed/KZT/year-to-date')).toEqual(moneyEvents((m) => m[0] === 'LAB' && m[1] === '1' && ytd(m[5])));
    expect(behind('transport/contractAwards/USD/quarter')).toEqual(log.events.filter((e) => e.type === 'ContractAwarded').map((e) => e.eventId));
    expect(behind('transport/ratings/for_attention')).toEqual(
      log.events.filter((e) => e.type === 'PerformanceRated' && e.data.period === '2025-Q2').map((e) => e.eventId),
    );
    expect(behind('transport/projects')).toEqual([registration('ROAD')]);
    expect(behind('health/status/1')).toEqual([registration('LAB')]);
    // A movement after the quarter, or before its year, is behind no figure.
    const outside = moneyEvents((m) => !ytd(m[5]));
    expect(outside).toHaveLength(2);
    expect([...byCluster.lineage.values()].flat().filter((id) => outside.includes(id))).toEqual([]);
  });

  it('by country, adds the event that set the project’s countries to each figure it shares', () => {
    const byCountry = quarterlyFigures(log.events, Q2, 'country');
    const road = moneyEvents((m) => m[0] === 'ROAD' && m[1] === '1' && inQ2(m[5]));
    expect(byCountry.lineage.get('KG/disbursed/USD/quarter')).toEqual([registration('ROAD'), ...road]);
  });

  it('writes one CSV row per figure whose values equal the test’s own sums', () => {
    const rows = csvRows(quarterlyCsv(byCluster));
    expect(Object.keys(rows[0] ?? {})).toEqual(['quarter', 'group_by', 'group', 'measure', 'currency', 'period', 'value']);
    const value = (group: string, measure: string, currency: string, period: string) =>
      rows.filter((r) => r.group === group && r.measure === measure && r.currency === currency && r.period === period).map((r) => r.value);
    expect(value('transport', 'netCommitment', 'USD', 'quarter')).toEqual([cents(sum((m) => m[0] === 'ROAD' && m[1] === '11' && inQ2(m[5])))]);
    expect(value('transport', 'netCommitment', 'USD', 'year-to-date')).toEqual([cents(sum((m) => m[0] === 'ROAD' && m[1] === '11' && ytd(m[5])))]);
    expect(value('health', 'netCommitment', 'KZT', 'quarter')).toEqual([cents(sum((m) => m[0] === 'LAB' && m[1] === '11' && inQ2(m[5])))]);
    expect(value('transport', 'projects', '', 'as-at')).toEqual(['1']);
    expect(value('health', 'status:pipeline', '', 'as-at')).toEqual(['1']);
    expect(value('transport', 'rating:for_attention', '', 'quarter')).toEqual(['1']);
    expect(rows.every((r) => r.quarter === '2025-Q2' && r.group_by === 'cluster')).toBe(true);
    // Money rows of both groups: transport has 4 figures in USD, health 2 in KZT; each a quarter and a year-to-date row.
    expect(rows.filter((r) => r.currency !== '')).toHaveLength(2 * (4 + 2));
  });

  it('adds each figure’s lineage address to a filed CSV, and answers an empty report with its header alone', () => {
    const rows = csvRows(quarterlyCsv(byCluster, { lineageHref: (cell) => `/lineage?cell=${encodeURIComponent(cell)}` }));
    const row = rows.find((r) => r.group === 'transport' && r.measure === 'disbursed' && r.period === 'quarter');
    expect(row?.lineage).toBe('/lineage?cell=transport%2Fdisbursed%2FUSD%2Fquarter');
    const empty = quarterlyFigures([], Q2, 'cluster');
    expect(quarterlyCsv(empty)).toBe('quarter,group_by,group,measure,currency,period,value\r\n');
  });

  it('links every figure of a filed page to its lineage, and says which filing it is', () => {
    const html = quarterlyHtml(byCluster, {
      lineageHref: (cell) => `R1/lineage?cell=${encodeURIComponent(cell)}`,
      filedAs: { id: 'R1', position: '42', codeVersion: 'quarterly/1' },
    });
    const cells = Number(xpath(html, 'count(//*[@data-cell])'));
    expect(cells).toBe(Number(xpath(html, 'count(//*[@data-cell]/a)')));
    expect(cells).toBeGreaterThan(10);
    expect(xpath(html, "string(//td[@data-cell='transport/spent/USD/quarter']/a/@href)")).toBe('R1/lineage?cell=transport%2Fspent%2FUSD%2Fquarter');
    expect(xpath(html, "string(//td[@data-cell='transport/spent/USD/quarter'])")).toBe(
      cents(sum((m) => m[0] === 'ROAD' && ['3', '4'].includes(m[1]) && inQ2(m[5]))),
    );
    expect(xpath(html, 'string(//p[@data-filing]/@data-position)')).toBe('42');
    // The live page has the same cells, without links.
    expect(xpath(quarterlyHtml(byCluster), 'count(//*[@data-cell]/a)')).toBe('0');
  });
});
