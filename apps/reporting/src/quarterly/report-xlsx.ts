import ExcelJS from 'exceljs';
import { cellKey, type FigureCell } from './lineage.js';
import { ALL_CURRENCIES, MONEY_FIGURES, moneyKey, PROGRAMME_GROUP, RATIO_PERIODS, RATIOS } from './portfolio-money.js';
import { RATINGS } from './quarterly-figures.js';
import type { GroupLists } from './group-lists.js';
import type { AgreementRow } from './quarterly-lists.js';
import type { QuarterlyReport } from './quarterly-report.js';

/** How a column's values are written: text, or a number with its format (amounts with 2 decimals, ratios as %). */
type Kind = 'text' | 'amount' | 'ratio' | 'count';
interface Column {
  header: string;
  kind: Kind;
  width?: number;
}
type Row = (string | undefined)[];

const FORMATS: Record<Exclude<Kind, 'text'>, string> = { amount: '#,##0.00', ratio: '0.00%', count: '0' };

/**
 * quarterly/2 as an XLSX workbook for ministries, written with exceljs: one sheet per table of the page (the
 * portfolio at a glance, the money, the ratios, the counts, each list, the scorecard, the KPIs, the missing rates)
 * and an About sheet (quarterly/3: each list and the scorecard with a Group column, every group's own rows, then
 * the programme's, group `programme`). Every amount, ratio and count is a number cell (amounts formatted #,##0.00, ratios as a
 * percentage of the exact 4-decimal ratio), never text; a figure that cannot be given is an empty cell and its
 * row's Note says why. The workbook's dates are the quarter's end, so its content depends on the events alone.
 */
export async function reportXlsx(report: QuarterlyReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ECAB Portfolio reporting';
  workbook.created = new Date(`${report.quarter.end}T00:00:00Z`);
  workbook.modified = workbook.created;
  const cells = new Map(report.cells.map((c) => [c.key, c]));
  const value = (key: string) => cells.get(key)?.value;
  const note = (...keys: string[]) => [...new Set(keys.map((k) => cells.get(k)?.note).filter((n): n is string => n !== undefined))].join('; ');
  const groups = [...report.groups.map((g) => g.group), PROGRAMME_GROUP];
  const currencies = (group: string) =>
    report.cells.filter((c) => c.group === group && c.measure === 'netCommitment' && c.period === 'cumulative').map((c) => c.currency);

  const usd = (g: string, f: string, p: string) => moneyKey(g, f, ALL_CURRENCIES, p, true);
  const glanceKeys = (g: string) => [
    usd(g, 'netCommitment', 'cumulative'),
    usd(g, 'disbursed', 'cumulative'),
    usd(g, 'undisbursed', 'cumulative'),
    usd(g, 'contractAwards', 'cumulative'),
    usd(g, 'disbursed', 'year-to-date'),
    usd(g, 'contractAwards', 'year-to-date'),
    moneyKey(g, 'disbursementRatio', ALL_CURRENCIES, 'year-to-date'),
    moneyKey(g, 'contractAwardRatio', ALL_CURRENCIES, 'year-to-date'),
  ];
  sheet(
    workbook,
    'Glance',
    [
      text('Group', 14),
      count('Projects'),
      ...['Net commitment USD', 'Disbursed to date USD', 'Undisbursed USD', 'Awarded to date USD', 'Disbursed YTD USD', 'Awarded YTD USD'].map(amount),
      ratio('Disbursement ratio YTD'),
      ratio('Contract-award ratio YTD'),
      ...RATINGS.map((r) => count(r.replace('_', ' '))),
      text('Note', 40),
    ],
    groups.map((g) => [g, value(cellKey.projects(g)), ...glanceKeys(g).map(value), ...RATINGS.map((r) => value(cellKey.rating(g, r))), note(...glanceKeys(g))]),
  );

  const periods = ['quarter', 'year-to-date', 'cumulative'] as const;
  const moneyRows: Row[] = groups.flatMap((g) =>
    MONEY_FIGURES.flatMap((figure) =>
      [...currencies(g), ALL_CURRENCIES].map((currency) => {
        const keys = periods.flatMap((p) => [moneyKey(g, figure, currency, p), moneyKey(g, figure, currency, p, true)]);
        return [
          g,
          figure,
          currency === ALL_CURRENCIES ? 'all (USD)' : currency,
          ...keys.map((k) => (currency === ALL_CURRENCIES && !k.endsWith('/usd') ? undefined : value(k))),
          note(...keys),
        ];
      }),
    ),
  );
  sheet(
    workbook,
    'Money',
    [
      text('Group', 14),
      text('Figure', 16),
      text('Currency', 10),
      ...['Quarter', 'Quarter USD', 'Year to date', 'YTD USD', 'To date', 'To date USD'].map(amount),
      text('Note', 40),
    ],
    moneyRows,
  );

  const ratioRows: Row[] = groups.flatMap((g) =>
    RATIOS.flatMap((name) =>
      [...currencies(g), ALL_CURRENCIES].map((currency) => {
        const keys = RATIO_PERIODS.map((p) => moneyKey(g, name, currency, p));
        return [g, name, currency === ALL_CURRENCIES ? 'all (USD)' : currency, ...keys.map(value), note(...keys)];
      }),
    ),
  );
  sheet(workbook, 'Ratios', [text('Group', 14), text('Ratio', 20), text('Currency', 10), ratio('Quarter'), ratio('Year to date'), text('Note', 60)], ratioRows);

  const counts = report.cells.filter((c: FigureCell) => c.currency === '' && c.period !== 'quarter-end');
  sheet(
    workbook,
    'Counts',
    [text('Group', 14), text('Measure', 24), text('Period', 10), count('Value')],
    counts.map((c) => [c.group, c.measure, c.period, c.value]),
  );

  const l = report.content.lists;
  // quarterly/3: every list and the scorecard has a Group column, each group's rows then the programme's.
  const perGroup = report.content.groupLists;
  const groupColumn = perGroup ? [text('Group', 14)] : [];
  const grouped = <R>(programmeRows: readonly R[], groupRows: (g: GroupLists) => readonly R[], toRow: (r: R) => Row): Row[] => {
    if (!perGroup) return programmeRows.map(toRow);
    return [...perGroup.flatMap((g) => groupRows(g).map((r) => [g.group, ...toRow(r)])), ...programmeRows.map((r) => [PROGRAMME_GROUP, ...toRow(r)])];
  };
  const agreement = [text('Project', 14), text('Cluster', 12), text('Countries', 16), text('Agreement', 14), text('Number', 12), text('Financier', 24)];
  const agreementCells = (r: AgreementRow): Row => [r.projectId, r.cluster, r.countries, r.agreementId, r.agreementNumber, r.financier];
  const money = (m: { amount: string; currency: string; usd: string; note?: string } | undefined): Row => [m?.currency, m?.amount, m?.usd];
  const moneyColumns = (name: string) => [text(`${name} currency`, 8), amount(name), amount(`${name} USD`)];
  sheet(
    workbook,
    'Awaiting effectiveness',
    [...groupColumn, ...agreement, text('Signed', 11), ...moneyColumns('Signed amount'), count('Days since signing')],
    grouped(
      l.awaitingEffectiveness,
      (g) => g.lists.awaitingEffectiveness,
      (r) => [...agreementCells(r), r.signedDate, ...money(r.signed), String(r.daysSinceSigning ?? '')],
    ),
  );
  sheet(
    workbook,
    'Closing within 6 months',
    [
      ...groupColumn,
      ...agreement,
      text('Effective', 11),
      text('Closing', 11),
      ...moneyColumns('Net commitment'),
      ...moneyColumns('Disbursed'),
      ...moneyColumns('Undisbursed'),
    ],
    grouped(
      l.closingWithinSixMonths,
      (g) => g.lists.closingWithinSixMonths,
      (r) => [...agreementCells(r), r.effectiveDate, r.closingDate, ...money(r.netCommitment), ...money(r.disbursed), ...money(r.undisbursed)],
    ),
  );
  sheet(
    workbook,
    'Extended',
    [...groupColumn, ...agreement, text('Original closing', 11), text('Closing', 11), count('Extensions'), ...moneyColumns('Undisbursed')],
    grouped(
      l.extended,
      (g) => g.lists.extended,
      (r) => [...agreementCells(r), r.originalClosingDate, r.closingDate, String(r.extensions), ...money(r.undisbursed)],
    ),
  );
  sheet(
    workbook,
    'Cancelled',
    [...groupColumn, ...agreement, ...moneyColumns('Cancelled in quarter'), ...moneyColumns('Net commitment')],
    grouped(
      l.cancelled,
      (g) => g.lists.cancelled,
      (r) => [...agreementCells(r), ...money(r.cancelledInQuarter), ...money(r.netCommitment)],
    ),
  );
  sheet(
    workbook,
    'Overdue milestones',
    [
      ...groupColumn,
      text('Project', 14),
      text('Cluster', 12),
      text('Milestone', 30),
      text('Baseline', 11),
      text('Forecast', 11),
      count('Slippage days'),
      count('Days overdue'),
    ],
    grouped(
      l.overdueMilestones,
      (g) => g.lists.overdueMilestones,
      (m) => [m.projectId, m.cluster, m.milestone, m.baselineDate, m.forecastDate, String(m.slippageDays), String(m.daysOverdue)],
    ),
  );
  sheet(
    workbook,
    'Actions past due',
    [...groupColumn, text('Action', 10), text('Meeting', 30), text('Description', 40), text('Owner', 24), text('Due', 11), count('Days past due')],
    grouped(
      l.actionsPastDue,
      () => [],
      (a) => [a.actionId, a.meeting, a.description, a.owner, a.dueDate, String(a.daysPastDue)],
    ),
  );
  sheet(
    workbook,
    'Scorecard',
    [
      ...groupColumn,
      text('Project', 14),
      text('Cluster', 12),
      text('Level', 10),
      text('Indicator', 30),
      text('Unit', 10),
      text('Baseline', 14),
      text('Target', 14),
      text('Latest actual', 24),
      ratio('Progress'),
    ],
    grouped(
      report.content.scorecard,
      (g) => g.scorecard,
      (s) => [s.projectId, s.cluster, s.resultType, s.indicator, s.unit, s.baseline, s.target, s.actual, s.progress],
    ),
  );
  sheet(
    workbook,
    'KPIs',
    [text('KPI', 20), text('Unit', 10), text('Baseline', 14), text('Latest', 14), text('Target', 14), ratio('Progress'), ratio('Time elapsed')],
    report.content.kpis.map((k) => [k.kpi, k.unit, k.baseline, k.latest, k.target, k.progress, k.elapsed]),
  );
  sheet(
    workbook,
    'Missing rates',
    [text('Currency', 10), text('No rate on or before', 20)],
    report.content.missingRates.map((m) => [m.currency, m.date]),
  );
  sheet(
    workbook,
    'About',
    [text('Item', 20), text('Value', 100)],
    [
      ['Report', `ECAB quarterly portfolio report, ${report.quarter.label}, per ${report.groupBy}`],
      ['As of', report.quarter.end],
      ['Code version', report.edition],
      [
        'Amounts',
        'As recorded in each currency, and in USD at each movement’s value date (the latest rate on or before it); an empty cell is a figure that cannot be given, its Note says why.',
      ],
      [
        'Ratios',
        'Disbursement ratio: disbursements in the period ÷ (undisbursed balance at its start + net commitment of agreements effective in it); contract-award ratio likewise with awards.',
      ],
    ],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const text = (header: string, width?: number): Column => ({ header, kind: 'text', ...(width ? { width } : {}) });
const amount = (header: string): Column => ({ header, kind: 'amount', width: 18 });
const ratio = (header: string): Column => ({ header, kind: 'ratio', width: 14 });
const count = (header: string): Column => ({ header, kind: 'count', width: 10 });

/** One sheet: a bold, frozen header row, then the rows, numbers written as numbers. */
function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Row[]): void {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 12 }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = worksheet.addRow(columns.map((c, i) => toCell(c.kind, row[i])));
    columns.forEach((c, i) => {
      if (c.kind !== 'text') added.getCell(i + 1).numFmt = FORMATS[c.kind];
    });
  }
}

function toCell(kind: Kind, value: string | undefined): string | number | null {
  if (value === undefined || value === '') return null;
  return kind === 'text' ? value : Number(value);
}
