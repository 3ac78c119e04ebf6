import { readXlsx, sheetRecords } from '@ecab/testing';
import { contentPortfolio, EXTRA_MONEY, MILESTONES, RATES } from '../test-support/quarterly-content.js';
import { MONEY } from '../test-support/quarterly-portfolio.js';
import { parseQuarter, type Quarter } from './quarter.js';
import { quarterlyReport } from './quarterly-report.js';
import { reportXlsx } from './report-xlsx.js';

const Q2 = parseQuarter('2025-Q2') as Quarter;
/** What the test sent, signed as it counts: [project, IATI type, amount, currency, date]. */
const SENT = [
  ...MONEY.map((m) => [m[0], m[1], Number(m[3]), m[4], m[5]] as const),
  ...EXTRA_MONEY.map((m) => [m[0], m[1], -Number(m[3]), m[4], m[5]] as const),
];
const rate = (currency: string, date: string) =>
  currency === 'USD'
    ? 1
    : Number(
        RATES.filter((r) => r[0] === currency && r[1] <= date)
          .sort((a, b) => a[1].localeCompare(b[1]))
          .at(-1)?.[2],
      );
const cents = (n: number) => Math.round(n * 100) / 100;

describe('quarterly/2 as an XLSX workbook, read back without exceljs', () => {
  let sheets: ReturnType<typeof readXlsx>;
  const records = (name: string) => sheetRecords(sheets.find((s) => s.name === name) ?? { name, rows: new Map() });

  beforeAll(async () => {
    sheets = readXlsx(await reportXlsx(quarterlyReport(contentPortfolio().events, Q2, 'cluster')));
  });

  it('has one sheet per table of the report', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      'Glance',
      'Money',
      'Ratios',
      'Counts',
      'Awaiting effectiveness',
      'Closing within 6 months',
      'Extended',
      'Cancelled',
      'Overdue milestones',
      'Actions past due',
      'Scorecard',
      'KPIs',
      'Missing rates',
      'About',
    ]);
  });

  it('writes amounts, ratios and counts as numbers equal to the test’s own sums', () => {
    const money = records('Money');
    const row = (group: string, figure: string, currency: string) => money.find((r) => r.Group === group && r.Figure === figure && r.Currency === currency);
    const roadFunds = SENT.filter((m) => m[0] === 'ROAD' && m[1] === '1' && m[4] >= Q2.yearStart && m[4] <= Q2.end);
    expect(row('transport', 'disbursed', 'USD')?.['Year to date']).toBe(cents(roadFunds.reduce((s, m) => s + m[2], 0)));
    const labCommitted = SENT.filter((m) => m[0] === 'LAB' && m[1] === '11' && m[4] <= Q2.end);
    expect(row('health', 'netCommitment', 'KZT')?.['To date']).toBe(labCommitted.reduce((s, m) => s + m[2], 0));
    expect(row('health', 'netCommitment', 'KZT')?.['To date USD']).toBe(cents(labCommitted.reduce((s, m) => s + m[2] * rate(m[3], m[4]), 0)));
    // LAB's 2024 spending has no KZT rate: the USD cell is empty and the note says which rate is missing.
    expect(row('health', 'spent', 'KZT')?.['To date USD']).toBeUndefined();
    expect(row('health', 'spent', 'KZT')?.Note).toBe('no KZT rate on or before 2024-12-31');
    const all = SENT.filter((m) => m[1] === '11' && m[4] <= Q2.end).reduce((s, m) => s + m[2] * rate(m[3], m[4]), 0);
    const glance = records('Glance').find((r) => r.Group === 'programme');
    expect(glance?.['Net commitment USD']).toBe(cents(all));
    expect(glance?.Projects).toBe(2);
    expect(typeof records('Ratios').find((r) => r.Group === 'transport' && r.Ratio === 'disbursementRatio')?.Quarter).toBe('number');
    const m1 = MILESTONES.find((m) => m[1] === 'M1');
    // Overdue from its rescheduled date to the day after the quarter's end.
    const overdueDays = (Date.parse('2025-07-01') - Date.parse(m1?.[3] as string)) / 86_400_000;
    expect(records('Overdue milestones').find((r) => r.Baseline === m1?.[2])?.['Days overdue']).toBe(overdueDays);
    expect(records('Missing rates')).toEqual([{ Currency: 'KZT', 'No rate on or before': '2024-12-31' }]);
  });
});
