import { parseQuarter, type Quarter } from '../quarterly/quarter.js';
import { quarterlyFigures } from '../quarterly/quarterly-figures.js';
import { coded } from '../test-support/event-log.js';
import { cents, inQ2, portfolio, sum } from '../test-support/quarterly-portfolio.js';
import { diffFigures } from './report-diff.js';

const Q2 = parseQuarter('2025-Q2') as Quarter;

/** The portfolio as first filed, then what is recorded after: the test knows which event is which. */
function twoFilings() {
  const log = portfolio();
  const earlier = [...log.events];
  const last = () => log.events.at(-1)?.eventId as string;
  const money = (transactionId: string, iati: string, type: string, amount: string, date: string) =>
    log.agreement('ROAD', 'ROAD-F1', type, {
      transactionId,
      transactionType: coded(iati, 'TransactionType'),
      amount,
      currency: 'USD',
      valueDate: date,
      effectiveDate: date,
    });
  money('LATE', '1', 'FundsReceived', '30000.00', '2025-06-10');
  const late = last();
  // T2 is the fixture's Q2 FundsReceived of 250000.00; reversed with effect inside the quarter.
  log.agreement('ROAD', 'ROAD-F1', 'TransactionReversed', {
    transactionId: 'T2',
    reversedEventType: 'FundsReceived',
    amount: '250000.00',
    currency: 'USD',
    reasonCode: 'DATA_ENTRY_ERROR',
    effectiveDate: '2025-06-25',
  });
  const reversal = last();
  money('Q3', '1', 'FundsReceived', '70000.00', '2025-08-15');
  const otherQuarter = last();
  log.project('LAB', 'ProjectStatusChanged', { from: coded('1', 'ActivityStatus'), to: coded('2', 'ActivityStatus') });
  const status = last();
  log.project('ROAD', 'ProjectTitlesSet', { titles: { en: 'Renamed' } });
  const title = last();
  return { earlier, later: log.events, between: log.events.slice(earlier.length), ids: { late, reversal, otherQuarter, status, title } };
}

describe('the diff of two filings of a period', () => {
  const { earlier, later, between, ids } = twoFilings();
  const diff = diffFigures(quarterlyFigures(earlier, Q2, 'cluster'), quarterlyFigures(later, Q2, 'cluster'), between);

  it('names exactly the events recorded since that move a figure, each with why', () => {
    expect(diff.events.map((e) => [e.eventId, e.restatement])).toEqual([
      [ids.late, 'late-reported'],
      [ids.reversal, 'correction'],
      [ids.status, 'current-state'],
    ]);
    expect(diff.untouched).toBe(2); // the Q3 money and the new title
    const listed = diff.events.map((e) => e.eventId);
    expect(listed).not.toContain(ids.otherQuarter);
    expect(listed).not.toContain(ids.title);
    expect(diff.events[0]).toMatchObject({ type: 'FundsReceived', projectId: 'ROAD', date: '2025-06-10' });
    expect(diff.events[1]).toMatchObject({ type: 'TransactionReversed', projectId: 'ROAD', date: '2025-06-25' });
  });

  it('gives the figures each event moved, before and after, as the test works them out', () => {
    const before = sum((m) => m[0] === 'ROAD' && m[1] === '1' && inQ2(m[5]));
    const after = before + 3_000_000n - 25_000_000n; // + the late 30000.00, − the reversed 250000.00
    const disbursedQuarter = { cell: 'transport/disbursed/USD/quarter', before: cents(before), after: cents(after) };
    expect(diff.events[0]?.figures).toContainEqual(disbursedQuarter);
    expect(diff.events[1]?.figures).toContainEqual(disbursedQuarter);
    expect(diff.events[2]?.figures).toEqual([{ cell: 'health/status/2', before: null, after: '1' }]);
    const changed = diff.figures.find((f) => f.cell === disbursedQuarter.cell);
    expect(changed).toEqual({ ...disbursedQuarter, added: [ids.late, ids.reversal], removed: [] });
    const leftPipeline = diff.figures.find((f) => f.cell === 'health/status/1');
    expect(leftPipeline).toMatchObject({ before: '1', after: null, added: [] });
    expect(leftPipeline?.removed).toHaveLength(1);
  });

  it('finds nothing between a filing and itself', () => {
    const same = quarterlyFigures(earlier, Q2, 'cluster');
    expect(diffFigures(same, quarterlyFigures(earlier, Q2, 'cluster'), [])).toEqual({ events: [], figures: [], untouched: 0 });
  });
});
