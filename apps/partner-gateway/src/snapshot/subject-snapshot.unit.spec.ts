import type { IntegrationCloudEvent } from '../integration/integration-event.js';
import { addDecimal, negateDecimal } from './decimal.js';
import { foldSubject, type ProjectSnapshot } from './subject-snapshot.js';

let sequence = 0;
function event(type: string, data: Record<string, unknown>, extra: Partial<IntegrationCloudEvent> = {}): IntegrationCloudEvent {
  sequence += 1;
  return {
    specversion: '1.0',
    id: `e-${sequence}`,
    source: '/ecab/portfolio/partners',
    type,
    subject: 'ECAB-HE-01',
    time: `2025-03-${String(sequence).padStart(2, '0')}T10:00:00.000Z`,
    datacontenttype: 'application/json',
    dataschema: 'urn:x',
    cluster: 'health',
    countries: 'KG',
    recorderrole: 'portfolio-secretariat',
    sequence: String(sequence * 10),
    data,
    ...extra,
  };
}
const coded = (code: string) => ({ code, codelist: 'x', version: '1' });
const money = (type: string, agreementId: string, amount: string, currency = 'USD') =>
  event(type, { agreementId, projectId: 'ECAB-HE-01', transactionId: `t-${amount}`, amount, currency, valueDate: '2025-03-01', effectiveDate: '2025-03-01' });

describe('decimal sums', () => {
  it('adds and negates exactly, keeping the larger scale', () => {
    expect(addDecimal('0.10', '0.20')).toBe('0.30');
    expect(addDecimal('1500000.00', '-500000.00')).toBe('1000000.00');
    expect(addDecimal('5', '0.25')).toBe('5.25');
    expect(addDecimal('-0.05', '0.02')).toBe('-0.03');
    expect(negateDecimal('12.50')).toBe('-12.50');
  });
});

describe('a subject folded from its integration events', () => {
  it('keeps the latest status and date per type, and money totals per agreement and currency, reversals subtracted', () => {
    const events = [
      event('ecab.project.registered.v1', { projectId: 'ECAB-HE-01', title: 'Osh boilers', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] }),
      event('ecab.project.status-changed.v1', {
        projectId: 'ECAB-HE-01',
        from: coded('1'),
        to: coded('2'),
        stage: 'implementation',
        effectiveDate: '2025-03-02',
      }),
      event('ecab.project.date-recorded.v1', { dateType: coded('2'), date: '2025-03-01', source: { confidence: 'illustrative' } }, { illustrative: 'true' }),
      event('ecab.project.date-recorded.v1', { dateType: coded('2'), date: '2025-04-01' }),
      event('ecab.agreement.signed.v1', {
        agreementId: 'L-1',
        projectId: 'ECAB-HE-01',
        agreementNumber: 'L-1',
        financier: { ref: 'XM-DAC-46004' },
        instrument: 'loan',
        amount: '1000.00',
        currency: 'USD',
        signedDate: '2025-03-05',
      }),
      money('ecab.agreement.commitment-recorded.v1', 'L-1', '1000.00'),
      money('ecab.agreement.commitment-amended.v1', 'L-1', '-250.00'),
      money('ecab.agreement.funds-received.v1', 'L-1', '300.00'),
      money('ecab.agreement.funds-received.v1', 'L-1', '120.50', 'EUR'),
      event('ecab.agreement.transaction-reversed.v1', {
        agreementId: 'L-1',
        transactionId: 't-300.00',
        reversedEventType: 'FundsReceived',
        amount: '300.00',
        currency: 'USD',
      }),
      event('ecab.milestone.achieved.v1', { milestoneId: 'm-1', actualDate: '2025-05-01', slippageDays: 3 }),
      event('ecab.milestone.rescheduled.v1', { milestoneId: 'm-1', newDate: '2025-06-01', previousDate: '2025-05-01', slippageDays: 34 }),
    ];
    const snapshot = foldSubject(events, false) as ProjectSnapshot;
    expect(snapshot).toMatchObject({
      kind: 'project',
      subject: 'ECAB-HE-01',
      cluster: 'health',
      countries: ['KG'],
      registration: { title: 'Osh boilers' },
      status: { code: '2', stage: 'implementation', effectiveDate: '2025-03-02' },
      dates: [{ dateType: '2', date: '2025-04-01' }],
      milestones: [{ milestoneId: 'm-1', state: 'achieved', date: '2025-05-01' }],
      lastSequence: events.at(-1)!.sequence,
      illustrative: true,
    });
    expect(snapshot.dates[0]).not.toHaveProperty('illustrative');
    expect(snapshot.agreements).toEqual([
      {
        agreementId: 'L-1',
        financier: { ref: 'XM-DAC-46004' },
        agreementNumber: 'L-1',
        instrument: 'loan',
        signed: { amount: '1000.00', currency: 'USD', signedDate: '2025-03-05' },
        totals: {
          USD: { committed: '750.00', cancelled: '0', received: '0.00', disbursed: '0', spent: '0' },
          EUR: { committed: '0', cancelled: '0', received: '120.50', disbursed: '0', spent: '0' },
        },
      },
    ]);
    expect(snapshot).not.toHaveProperty('ratings');
  });

  it('has ratings, the latest per period, only when the audience may read them; an illustrative fact is marked', () => {
    const rated = (overall: string, illustrative?: 'true') =>
      event('ecab.performance.rated.v1', { period: '2025-Q1', overall, ratings: {} }, illustrative ? { illustrative } : {});
    const snapshot = foldSubject([rated('satisfactory'), rated('unsatisfactory', 'true')], true) as ProjectSnapshot;
    expect(snapshot.ratings).toEqual([{ period: '2025-Q1', overall: 'unsatisfactory', ratings: {}, illustrative: true }]);
  });

  it('a programme-wide subject lists its governance meetings', () => {
    const meeting = event(
      'ecab.programme.governance-meeting-recorded.v1',
      { meetingId: 'g-1', body: 'steering-committee', date: '2025-02-01', place: 'Almaty', decisions: [] },
      { subject: 'ECAB', cluster: 'programme', countries: '' },
    );
    expect(foldSubject([meeting], false)).toMatchObject({
      kind: 'programme',
      subject: 'ECAB',
      governanceMeetings: [{ meetingId: 'g-1', date: '2025-02-01', place: 'Almaty' }],
    });
  });
});
