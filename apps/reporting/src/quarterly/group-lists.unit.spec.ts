import { readXlsx, sheetRecords, xpath } from '@ecab/testing';
import { AGREEMENTS, contentPortfolio, MILESTONES } from '../test-support/quarterly-content.js';
import { CLUSTER, COUNTRIES } from '../test-support/quarterly-portfolio.js';
import { parseQuarter, type Quarter } from './quarter.js';
import { quarterlyReport } from './quarterly-report.js';
import { reportCsv } from './report-csv.js';
import { reportPage } from './report-page.js';
import { reportXlsx } from './report-xlsx.js';

const Q2 = parseQuarter('2025-Q2') as Quarter;
const events = contentPortfolio().events;
type Project = keyof typeof CLUSTER;

/** The test's own membership: a project's cluster, or each of its recipient countries. */
const groupsOf = (project: Project, by: 'cluster' | 'country'): string[] => (by === 'cluster' ? [CLUSTER[project]] : COUNTRIES[project].map((c) => c.code));
/** Agreements signed by the quarter's end and not effective (the fixture's [id, project, effective, signed…]). */
const awaiting = AGREEMENTS.filter((a) => a[3] <= Q2.end && !a[2]);
/** Milestones planned by the quarter's end, neither achieved nor dropped by then. */
const overdue = MILESTONES.filter(
  ([, , baseline, rescheduled, achieved, dropped]) => (rescheduled ?? baseline) <= Q2.end && !(achieved && achieved <= Q2.end) && !dropped,
);

describe('quarterly/3: each group has its own lists and scorecard', () => {
  it.each(['cluster', 'country'] as const)('gives each %s the rows of its projects, and keeps the programme-wide lists', (by) => {
    const report = quarterlyReport(events, Q2, by);
    const groups = [...new Set((Object.keys(CLUSTER) as Project[]).flatMap((p) => groupsOf(p, by)))].sort();
    expect(report.content.groupLists?.map((g) => g.group)).toEqual(groups);
    for (const g of report.content.groupLists ?? []) {
      const mine = (project: string) => groupsOf(project as Project, by).includes(g.group);
      expect(g.lists.awaitingEffectiveness.map((r) => r.agreementId)).toEqual(awaiting.filter((a) => mine(a[1])).map((a) => a[0]));
      expect(g.lists.overdueMilestones.map((m) => m.key).sort()).toEqual(
        overdue
          .filter((m) => mine(m[0]))
          .map((m) => `${g.group}/lists/overdueMilestones/${m[0]}/${m[1]}`)
          .sort(),
      );
      expect(g.scorecard.every((s) => mine(s.projectId))).toBe(true);
      // Each group row has a cell of its own, with the programme row's value and events.
      for (const row of g.lists.overdueMilestones) {
        const programmeKey = row.key.slice(g.group.length + 1);
        expect(report.cells.find((c) => c.key === row.key)?.value).toBe(report.cells.find((c) => c.key === programmeKey)?.value);
        expect(report.lineage.get(row.key)).toEqual(report.lineage.get(programmeKey));
      }
    }
    expect(report.content.lists.overdueMilestones.map((m) => m.key).sort()).toEqual(overdue.map((m) => `lists/overdueMilestones/${m[0]}/${m[1]}`).sort());
  });

  it('puts ROAD (KZ and KG) in both countries’ lists, in the page, the CSV and the workbook', async () => {
    const report = quarterlyReport(events, Q2, 'country');
    const roadOverdue = overdue.filter((m) => m[0] === 'ROAD').map((m) => m[1]);
    expect(roadOverdue.length).toBeGreaterThan(0);
    const page = reportPage(report);
    const csv = reportCsv(report).trimEnd().split('\r\n');
    expect(csv[0]).toBe('quarter,group_by,group,measure,currency,period,item,value,note');
    const sheets = readXlsx(await reportXlsx(report));
    const milestones = sheetRecords(sheets.find((s) => s.name === 'Overdue milestones')!);
    for (const country of ['KZ', 'KG']) {
      for (const id of roadOverdue) {
        expect(
          xpath(
            page,
            `count(//section[@data-group='${country}']//table[@data-table='overdueMilestones']//tr[@data-row='${country}/lists/overdueMilestones/ROAD/${id}'])`,
          ),
        ).toBe('1');
        expect(csv.some((line) => line.startsWith(`2025-Q2,country,${country},list:overdueMilestones,,quarter-end,ROAD/${id},`))).toBe(true);
      }
      expect(milestones.filter((r) => r.Group === country && r.Project === 'ROAD')).toHaveLength(roadOverdue.length);
    }
    // LAB is in KZ only.
    const labOverdue = overdue.filter((m) => m[0] === 'LAB');
    expect(milestones.filter((r) => r.Group === 'KG' && r.Project === 'LAB')).toHaveLength(0);
    expect(milestones.filter((r) => r.Group === 'KZ' && r.Project === 'LAB')).toHaveLength(labOverdue.length);
    expect(milestones.filter((r) => r.Group === 'programme')).toHaveLength(overdue.length);
  });

  it('leaves quarterly/2 as it was: no group lists, no item column', () => {
    const report = quarterlyReport(events, Q2, 'cluster', 'quarterly/2');
    expect(report.content.groupLists).toBeUndefined();
    expect(reportCsv(report).split('\r\n')[0]).toBe('quarter,group_by,group,measure,currency,period,value,note');
  });
});
