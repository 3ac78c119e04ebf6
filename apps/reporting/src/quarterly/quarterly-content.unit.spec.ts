import { xpath } from '@ecab/testing';
import { ACTIONS, AGREEMENTS, contentPortfolio, EXTRA_MONEY, MILESTONES, RATES } from '../test-support/quarterly-content.js';
import { inQ2, MONEY, ytd } from '../test-support/quarterly-portfolio.js';
import { parseQuarter, type Quarter } from './quarter.js';
import { quarterlyFigures } from './quarterly-figures.js';
import { quarterlyReport } from './quarterly-report.js';
import { reportCsv } from './report-csv.js';
import { reportPage } from './report-page.js';

const Q2 = parseQuarter('2025-Q2') as Quarter;
const log = contentPortfolio();
const report = quarterlyReport(log.events, Q2, 'cluster');
const value = (key: string) => report.cells.find((c) => c.key === key);

/** Every movement the test sent, signed as it counts (a cancellation is negative): [project, IATI type, amount, currency, date]. */
const SENT = [
  ...MONEY.map((m) => [m[0], m[1], Number(m[3]), m[4], m[5]] as const),
  ...EXTRA_MONEY.map((m) => [m[0], m[1], -Number(m[3]), m[4], m[5]] as const),
];
/** The test's own rate: the last one recorded for the latest date on or before the value date; 1 for USD. */
function rate(currency: string, date: string): number | undefined {
  if (currency === 'USD') return 1;
  const before = RATES.filter((r) => r[0] === currency && r[1] <= date);
  const latest = before.filter(
    (r) =>
      r[1] ===
      before
        .map((b) => b[1])
        .sort()
        .at(-1),
  );
  return latest.length > 0 ? Number(latest.at(-1)?.[2]) : undefined;
}
const fixed = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const cumulative = (date: string) => date <= Q2.end;
type Sent = (typeof SENT)[number];
const total = (filter: (m: Sent) => boolean) => SENT.filter(filter).reduce((s, m) => s + m[2], 0);
const totalUsd = (filter: (m: Sent) => boolean) => SENT.filter(filter).reduce((s, m) => s + m[2] * (rate(m[3], m[4]) as number), 0);
const types = { netCommitment: ['11'], disbursed: ['1'], spent: ['3', '4'] } as const;

describe('quarterly/2: the quarterly portfolio report as at the quarter’s end', () => {
  it.each([
    ['quarter', inQ2],
    ['year-to-date', ytd],
    ['cumulative', cumulative],
  ] as const)('sums each figure for the %s in each currency and in USD at the value date, equal to the test’s own sums', (period, window) => {
    for (const [figure, iati] of Object.entries(types)) {
      const road = (m: Sent) => m[0] === 'ROAD' && (iati as readonly string[]).includes(m[1]) && window(m[4]);
      expect(value(`transport/${figure}/USD/${period}`)?.value).toBe(fixed(total(road)));
      expect(value(`transport/${figure}/USD/${period}/usd`)?.value).toBe(fixed(totalUsd(road)));
    }
    const labFunds = (m: Sent) => m[0] === 'LAB' && m[1] === '1' && window(m[4]);
    expect(value(`health/disbursed/KZT/${period}`)?.value).toBe(fixed(total(labFunds)));
    expect(value(`health/disbursed/KZT/${period}/usd`)?.value).toBe(fixed(totalUsd(labFunds)));
    const allFunds = (m: Sent) => m[1] === '1' && window(m[4]);
    expect(value(`programme/disbursed/all/${period}/usd`)?.value).toBe(fixed(totalUsd(allFunds)));
  });

  it('says which rate is missing instead of guessing a USD amount', () => {
    // LAB's expenditure of 2024-12-31 comes before the first KZT rate (2025-01-01).
    const missing = SENT.filter((m) => m[3] !== 'USD' && rate(m[3], m[4]) === undefined && cumulative(m[4]));
    expect(missing.map((m) => [m[3], m[4]])).toEqual([['KZT', '2024-12-31']]);
    for (const key of ['health/spent/KZT/cumulative/usd', 'health/spent/all/cumulative/usd', 'programme/spent/all/cumulative/usd']) {
      expect(value(key)).toMatchObject({ value: '', note: 'no KZT rate on or before 2024-12-31' });
    }
    expect(value('health/spent/KZT/cumulative')?.value).toBe(fixed(total((m) => m[0] === 'LAB' && m[1] === '4')));
    expect(report.content?.missingRates).toEqual([{ currency: 'KZT', date: '2024-12-31' }]);
    const page = reportPage(report);
    expect(xpath(page, "string(//*[@data-cell='health/spent/KZT/cumulative/usd']/@data-note)")).toBe('no KZT rate on or before 2024-12-31');
    expect(xpath(page, "string(//section[@id='missing-rates']//li)")).toBe('no KZT rate on or before 2024-12-31');
  });

  it('computes the disbursement and contract-award ratios from the same movements, after docs/DOMAIN.md §2', () => {
    // ROAD-F1 (USD) became effective on 2025-01-05: before the quarter, within the year to date.
    const [, , effective] = AGREEMENTS.find((a) => a[0] === 'ROAD-F1') as (typeof AGREEMENTS)[number];
    expect(effective).toBe('2025-01-05');
    const road = (iati: string, window: (d: string) => boolean) => total((m) => m[0] === 'ROAD' && m[1] === iati && window(m[4]));
    const before = (start: string) => (d: string) => d < start;
    // Quarter: base = commitments dated before it − disbursements before it (nothing became effective in it).
    const quarterBase = road('11', before(Q2.start)) - road('1', before(Q2.start));
    expect(value('transport/disbursementRatio/USD/quarter')?.value).toBe((road('1', inQ2) / quarterBase).toFixed(4));
    const award = 400000; // the contract awarded 2025-05-05
    expect(value('transport/contractAwardRatio/USD/quarter')?.value).toBe((award / quarterBase).toFixed(4));
    // Year to date: ROAD-F1 became effective in it, so its whole net commitment to the quarter's end is the base.
    expect(value('transport/disbursementRatio/USD/year-to-date')?.value).toBe((road('1', ytd) / road('11', cumulative)).toFixed(4));
    // All currencies, in USD: LAB-F1 (KZT) became effective on 2025-03-01, within the year to date.
    const usd = (filter: (m: Sent) => boolean) => totalUsd(filter);
    const ratio = usd((m) => m[1] === '1' && ytd(m[4])) / usd((m) => m[1] === '11' && cumulative(m[4]));
    expect(value('programme/disbursementRatio/all/year-to-date')?.value).toBe(ratio.toFixed(4));
    // LAB in the quarter: more was disbursed before it than committed: no base, so no ratio (not 0).
    expect(value('health/disbursementRatio/KZT/quarter')).toMatchObject({ value: '', note: expect.stringMatching(/^no base/) });
  });

  it('counts projects by their status at the quarter’s end: a change dated later leaves it as it was', () => {
    // LAB moved to implementation on 2025-08-01, after the quarter; ROAD on 2025-03-01.
    expect(report.groups.map((g) => [g.group, g.byStatus])).toEqual([
      ['health', { '1': 1 }],
      ['transport', { '2': 1 }],
    ]);
    expect(quarterlyFigures(log.events, Q2, 'cluster').groups.map((g) => g.byStatus)).toEqual([{ '2': 1 }, { '2': 1 }]);
    expect([value('programme/projects')?.value, value('programme/status/1')?.value, value('programme/ratings/for_attention')?.value]).toEqual(['2', '1', '1']);
  });

  it('lists the agreements, milestones and actions as they stood at the quarter’s end', () => {
    const lists = report.content?.lists;
    const end = Q2.end;
    expect(lists?.awaitingEffectiveness.map((r) => r.agreementId)).toEqual(AGREEMENTS.filter((a) => a[3] <= end && !a[2]).map((a) => a[0]));
    expect(lists?.closingWithinSixMonths.map((r) => [r.agreementId, r.closingDate])).toEqual([['LAB-F1', '2025-11-30']]);
    // ROAD-F2's extension was decided after the quarter: only ROAD-F1's counts.
    expect(lists?.extended.map((r) => [r.agreementId, r.originalClosingDate, r.closingDate])).toEqual([['ROAD-F1', '2025-12-31', '2026-12-31']]);
    expect(lists?.cancelled.map((r) => [r.agreementId, r.cancelledInQuarter.amount, r.cancelledInQuarter.usd])).toEqual([['ROAD-F1', '50000.00', '50000.00']]);
    const closingKzt = lists?.closingWithinSixMonths[0]?.disbursed;
    expect(closingKzt).toEqual({
      amount: fixed(total((m) => m[0] === 'LAB' && m[1] === '1')),
      currency: 'KZT',
      usd: fixed(totalUsd((m) => m[0] === 'LAB' && m[1] === '1')),
    });
    const overdue = MILESTONES.filter(
      ([, , baseline, rescheduled, achieved, dropped]) => (rescheduled ?? baseline) <= end && !(achieved && achieved <= end) && !(dropped && dropped <= end),
    );
    expect(lists?.overdueMilestones.map((m) => [m.projectId, m.plannedDate]).sort()).toEqual(overdue.map((m) => [m[0], m[3] ?? m[2]]).sort());
    expect(lists?.overdueMilestones.find((m) => m.key.endsWith('/M1'))).toMatchObject({ slippageDays: 15, daysOverdue: 16 });
    const pastDue = ACTIONS.filter(([, due, completed]) => due <= end && !(completed && completed <= end)).map((a) => a[0]);
    expect(lists?.actionsPastDue.map((a) => a.actionId)).toEqual(pastDue);
  });

  it('scores each indicator and the programme’s KPIs against their targets', () => {
    // I1: baseline 0, target 10, latest verified actual with a period ended by the quarter's end: 2 (the unverified 4 and the later 9 do not count).
    expect(report.content?.scorecard.map((s) => [s.key, s.progress])).toEqual([
      ['scorecard/LAB/I2', ((45 - 50) / (30 - 50)).toFixed(4)],
      ['scorecard/ROAD/I1', ((2 - 0) / (10 - 0)).toFixed(4)],
    ]);
    // Trade: baseline 1.6 (2023), latest by the quarter's end 1.9 (2024; 2025's value is dated 2025-12-31), target 3.0 (2030).
    expect(report.content?.kpis.map((k) => [k.kpi, k.progress])).toEqual([['bilateral-trade', ((1.9 - 1.6) / (3.0 - 1.6)).toFixed(4)]]);
  });

  it('gives every figure and row its lineage, writes the same bytes from the same events, and puts the figures in the CSV', () => {
    const cells = report.cells ?? [];
    // A figure that is not zero (or empty: a ratio without a base) has events behind it.
    const withoutEvents = cells.filter((c) => (report.lineage.get(c.key) ?? []).length === 0 && c.value !== '' && !/^0(\.0+)?$/.test(c.value));
    expect(cells.length).toBeGreaterThan(100);
    expect(withoutEvents.map((c) => c.key)).toEqual([]);
    const rateEvent = log.events.find((e) => e.type === 'ExchangeRateRecorded' && e.data.date === '2025-01-01')?.eventId;
    expect(report.lineage.get('health/disbursed/KZT/year-to-date/usd')).toContain(rateEvent);
    expect(report.lineage.get('health/disbursed/KZT/year-to-date')).not.toContain(rateEvent);
    const page = reportPage(report, {
      lineageHref: (cell) => `R/lineage?cell=${encodeURIComponent(cell)}`,
      filedAs: { id: 'R', position: '9', codeVersion: 'quarterly/2' },
    });
    expect(xpath(page, 'count(//*[@data-cell])')).toBe(xpath(page, 'count(//*[@data-cell]/a)'));
    expect(page).toBe(
      reportPage(quarterlyReport(contentPortfolio().events, Q2, 'cluster'), {
        lineageHref: (cell) => `R/lineage?cell=${encodeURIComponent(cell)}`,
        filedAs: { id: 'R', position: '9', codeVersion: 'quarterly/2' },
      }),
    );
    const rows = reportCsv(report).trimEnd().split('\r\n');
    expect(rows[0]).toBe('quarter,group_by,group,measure,currency,period,item,value,note');
    expect(rows).toContain(`2025-Q2,cluster,transport,disbursed:usd,USD,quarter,,${fixed(totalUsd((m) => m[0] === 'ROAD' && m[1] === '1' && inQ2(m[4])))},`);
  });

  it('shares money among countries by percentage, each share converted at the movement’s value date', () => {
    const byCountry = quarterlyReport(log.events, Q2, 'country');
    const kz = byCountry.cells.find((c) => c.key === 'KZ/disbursed/KZT/year-to-date/usd');
    expect(kz?.value).toBe(fixed(totalUsd((m) => m[0] === 'LAB' && m[1] === '1' && ytd(m[4]))));
    const kg = byCountry.cells.find((c) => c.key === 'KG/disbursed/USD/quarter');
    expect(kg?.value).toBe(fixed(total((m) => m[0] === 'ROAD' && m[1] === '1' && inQ2(m[4])) * 0.406));
  });
});
