import type { ProblemError } from '@ecab/platform';
import { pdfPages, pdfText } from '@ecab/testing';
import { parseQuarter, type Quarter } from '../quarterly/quarter.js';
import { quarterlyReport } from '../quarterly/quarterly-report.js';
import { reportPage } from '../quarterly/report-page.js';
import { contentPortfolio, EXTRA_MONEY } from '../test-support/quarterly-content.js';
import { MONEY } from '../test-support/quarterly-portfolio.js';
import { PdfRenderer } from './pdf-renderer.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const Q2 = parseQuarter('2025-Q2') as Quarter;
/** The test's own writing of an amount, grouped by thousands as a reader sees it. */
const shown = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** What the test sent, signed as it counts (cancellations negative), to the quarter's end. */
const sent = [...MONEY.map((m) => [m[0], m[1], Number(m[3]), m[5]] as const), ...EXTRA_MONEY.map((m) => [m[0], m[1], -Number(m[3]), m[5]] as const)].filter(
  (m) => m[3] <= Q2.end,
);
const total = (project: string, iati: string) => sent.filter((m) => m[0] === project && m[1] === iati).reduce((s, m) => s + m[2], 0);

async function problemOf(promise: Promise<unknown>): Promise<ProblemError['problem']> {
  try {
    await promise;
  } catch (error) {
    return (error as ProblemError).problem;
  }
  throw new Error('expected a problem');
}

describe('the quarterly report as PDF, printed by Debian’s Chromium', () => {
  const launched: string[] = [];
  const renderer = new PdfRenderer(CHROMIUM, { info: (_d, message) => launched.push(message), warn: () => undefined });

  afterAll(() => renderer.close());

  it('prints the page to a PDF whose text holds the report’s totals, with one browser for every PDF', async () => {
    const page = reportPage(quarterlyReport(contentPortfolio().events, Q2, 'cluster'));
    const pdf = await renderer.render(page);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThan(0);
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    expect(text).toContain('ECAB quarterly portfolio report, 2025-Q2, per cluster');
    // Net commitment and disbursed to the quarter's end, as recorded: ROAD in USD, LAB in KZT.
    for (const amount of [total('ROAD', '11'), total('ROAD', '1'), total('LAB', '11'), total('LAB', '1')]) expect(text).toContain(shown(amount));
    expect(text).toContain('no KZT rate on or before 2024-12-31');
    await renderer.render(page);
    expect(launched).toEqual(['PDF browser launched']);
  });

  it('answers 503 pdf-renderer-unavailable without Chromium, and once closed', async () => {
    const missing = new PdfRenderer('/nonexistent/chromium', { info: () => undefined, warn: () => undefined });
    expect(await problemOf(missing.render('<p>x</p>'))).toMatchObject({
      status: 503,
      type: 'urn:problem:ecab:pdf-renderer-unavailable',
      detail: expect.stringContaining('apt-get install -y chromium'),
    });
    const closed = new PdfRenderer(CHROMIUM, { info: () => undefined, warn: () => undefined });
    await closed.close();
    expect(await problemOf(closed.render('<p>x</p>'))).toMatchObject({ status: 503 });
  });
});
