import { el, inlineEl, type XmlElement } from '../iati/xml-writer.js';
import type { GroupLists, ProjectLists } from './group-lists.js';
import type { AgreementRow, ListMoney, ListName } from './quarterly-lists.js';
import type { QuarterlyContent } from './quarterly-report.js';
import type { ScorecardRow } from './scorecard.js';
import { CellRenderer, grouped, percent, table, text } from './report-format.js';

const LIST_TITLES: Record<ListName, string> = {
  awaitingEffectiveness: 'Agreements awaiting effectiveness',
  closingWithinSixMonths: 'Agreements closing within 6 months',
  extended: 'Agreements with extended closing dates',
  cancelled: 'Cancellations in the quarter',
  overdueMilestones: 'Overdue milestones',
  actionsPastDue: 'Governance actions past due',
};

/** An amount as recorded and, under it, in USD ("no rate" with the missing rate when there is none). */
function money(m: ListMoney | undefined): XmlElement {
  if (!m) return text('–');
  const attributes = { class: 'amount', 'data-amount': m.amount, 'data-currency': m.currency, 'data-usd': m.usd };
  if (m.currency === 'USD') return inlineEl('td', attributes, `USD ${grouped(m.amount)}`);
  const usd = m.usd === '' ? `no rate (${m.note ?? ''})` : `USD ${grouped(m.usd)}`;
  return inlineEl('td', attributes, [el('span', {}, `${m.currency} ${grouped(m.amount)}`), el('br'), el('span', {}, usd)]);
}

const empty = (columns: number, what: string) => [el('tr', {}, [inlineEl('td', { colspan: String(columns) }, `None at the quarter’s end: ${what}.`)])];

function agreementList(name: ListName, rows: AgreementRow[], cells: CellRenderer, headers: string[], columns: (r: AgreementRow) => XmlElement[]): XmlElement {
  const all = ['Project', 'Cluster', 'Countries', 'Agreement', 'Financier', ...headers];
  return el('section', { class: 'list', 'data-list': name }, [
    el('h3', {}, LIST_TITLES[name]),
    table(
      all,
      rows.length === 0
        ? empty(all.length, LIST_TITLES[name].toLowerCase())
        : rows.map((r) =>
            el('tr', { 'data-row': r.key }, [
              text(r.projectId),
              text(r.cluster),
              text(r.countries),
              cells.cell(r.key, () => [r.agreementId, r.agreementNumber].filter((x) => x !== '').join(' '), 'td', {}),
              text(r.financier),
              ...columns(r),
            ]),
          ),
      { 'data-table': name },
    ),
  ]);
}

/** The lists about projects (all but the governance actions): the programme's, or one group's (quarterly/3). */
function projectLists(l: ProjectLists, cells: CellRenderer): XmlElement[] {
  return [
    agreementList('awaitingEffectiveness', l.awaitingEffectiveness, cells, ['Signed', 'Signed amount', 'Days since signing'], (r) => [
      text(r.signedDate),
      money(r.signed),
      text(String(r.daysSinceSigning ?? ''), { class: 'amount' }),
    ]),
    agreementList('closingWithinSixMonths', l.closingWithinSixMonths, cells, ['Effective', 'Closing', 'Net commitment', 'Disbursed', 'Undisbursed'], (r) => [
      text(r.effectiveDate),
      text(r.closingDate),
      money(r.netCommitment),
      money(r.disbursed),
      money(r.undisbursed),
    ]),
    agreementList('extended', l.extended, cells, ['Original closing', 'Closing', 'Extensions', 'Undisbursed'], (r) => [
      text(r.originalClosingDate),
      text(r.closingDate),
      text(String(r.extensions), { class: 'amount' }),
      money(r.undisbursed),
    ]),
    agreementList('cancelled', l.cancelled, cells, ['Cancelled in the quarter', 'Net commitment'], (r) => [
      money(r.cancelledInQuarter),
      money(r.netCommitment),
    ]),
    el('section', { class: 'list', 'data-list': 'overdueMilestones' }, [
      el('h3', {}, LIST_TITLES.overdueMilestones),
      table(
        ['Project', 'Cluster', 'Milestone', 'Baseline', 'Forecast', 'Slippage (days)', 'Days overdue'],
        l.overdueMilestones.length === 0
          ? empty(7, 'no milestone overdue')
          : l.overdueMilestones.map((m) =>
              el('tr', { 'data-row': m.key }, [
                text(m.projectId),
                text(m.cluster),
                text(m.milestone),
                text(m.baselineDate),
                text(m.forecastDate),
                text(String(m.slippageDays), { class: 'amount' }),
                cells.cell(m.key, String),
              ]),
            ),
        { 'data-table': 'overdueMilestones' },
      ),
    ]),
  ];
}

/** The results scorecard's table. */
function scorecardTable(rows: ScorecardRow[], cells: CellRenderer): XmlElement {
  return table(
    ['Project', 'Cluster', 'Level', 'Indicator', 'Unit', 'Baseline', 'Target', 'Latest actual', 'Progress'],
    rows.length === 0
      ? empty(9, 'no indicator defined')
      : rows.map((s) =>
          el('tr', { 'data-row': s.key }, [
            text(s.projectId),
            text(s.cluster),
            text(s.resultType),
            text(s.ascending ? s.indicator : `${s.indicator} (lower is better)`),
            text(s.unit),
            text(s.baseline),
            text(s.target),
            text(s.actual),
            cells.cell(s.key, percent),
          ]),
        ),
    { 'data-table': 'scorecard' },
  );
}

/** quarterly/3: one group's own lists and scorecard, in its section. */
export function groupListSections(g: GroupLists, cells: CellRenderer): XmlElement[] {
  return [
    ...projectLists(g.lists, cells),
    el('section', { class: 'list', 'data-list': 'scorecard' }, [el('h3', {}, `Results scorecard, ${g.group}`), scorecardTable(g.scorecard, cells)]),
  ];
}

/** ADB's lists, the results scorecard and the programme's KPIs (programme-wide; quarterly/3 says so in the heading). */
export function listSections(content: QuarterlyContent, cells: CellRenderer): XmlElement[] {
  const l = content.lists;
  const perGroup = content.groupLists !== undefined;
  return [
    el('h2', {}, perGroup ? 'Lists at the quarter’s end, whole programme' : 'Lists at the quarter’s end'),
    ...projectLists(l, cells),
    el('section', { class: 'list', 'data-list': 'actionsPastDue' }, [
      el('h3', {}, LIST_TITLES.actionsPastDue),
      table(
        ['Action', 'Meeting', 'Description', 'Owner', 'Due', 'Days past due'],
        l.actionsPastDue.length === 0
          ? empty(6, 'no action past due')
          : l.actionsPastDue.map((a) =>
              el('tr', { 'data-row': a.key }, [
                text(a.actionId),
                text(a.meeting),
                text(a.description),
                text(a.owner),
                text(a.dueDate),
                cells.cell(a.key, String),
              ]),
            ),
        { 'data-table': 'actionsPastDue' },
      ),
    ]),
    el('section', { class: 'list', id: 'scorecard' }, [
      el('h2', {}, perGroup ? 'Results scorecard, whole programme' : 'Results scorecard'),
      scorecardTable(content.scorecard, cells),
    ]),
    el('section', { class: 'list', id: 'kpis' }, [
      el('h2', {}, 'Programme KPIs against targets'),
      table(
        ['KPI', 'Unit', 'Baseline', 'Latest', 'Target', 'Progress', 'Time elapsed'],
        content.kpis.length === 0
          ? empty(7, 'no KPI observed')
          : content.kpis.map((k) =>
              el('tr', { 'data-row': k.key }, [
                text(k.kpi),
                text(k.unit),
                text(k.baseline),
                text(k.latest),
                text(k.target),
                cells.cell(k.key, percent),
                text(k.elapsed === '' ? '–' : percent(k.elapsed), { class: 'amount' }),
              ]),
            ),
        { 'data-table': 'kpis' },
      ),
    ]),
  ];
}
