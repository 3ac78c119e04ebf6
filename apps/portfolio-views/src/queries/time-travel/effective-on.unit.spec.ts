import type { PortfolioEvent } from '@ecab/contracts';
import { EffectiveOnCut } from './effective-on.js';

let sequence = 0;
function event(streamId: string, streamVersion: number, type: string, data: Record<string, unknown>, time = '2026-11-26T08:00:00.000Z'): PortfolioEvent {
  sequence += 1;
  return { eventId: `e${sequence}`, type, schemaVersion: 1, streamId, streamVersion, subject: 'P-1', cluster: 'transport', time, data };
}
const names = (events: readonly PortfolioEvent[]) => events.map((e) => `${e.streamId}@${e.streamVersion}`);

describe('the "as effective on" cut', () => {
  it('counts an event from its effective date, or from the day it was recorded in Almaty when it has none', () => {
    // 2026-06-30T19:30Z is already 1 July in Almaty (UTC+5).
    const late = event('project-P-1', 1, 'ProjectRegistered', {}, '2026-06-30T19:30:00.000Z');
    const dated = event('project-P-1', 2, 'ProjectTitlesSet', { effectiveDate: '2026-06-30' });
    expect(names(new EffectiveOnCut('2026-06-30').select([late, dated]))).toEqual(['project-P-1@1', 'project-P-1@2']);
    expect(names(new EffectiveOnCut('2026-06-29').select([late, dated]))).toEqual([]);
    expect(names(new EffectiveOnCut('2026-07-01').select([late]))).toEqual(['project-P-1@1']);
  });

  it('keeps a reversal effective later than the cut out, and the transaction it reverses in', () => {
    const received = event('agreement-A', 2, 'FundsReceived', { agreementId: 'A', transactionId: 't1', effectiveDate: '2026-09-15' });
    const reversed = event('agreement-A', 3, 'TransactionReversed', { agreementId: 'A', transactionId: 't1', effectiveDate: '2026-11-27' });
    const signed = event('agreement-A', 1, 'AgreementSigned', { agreementId: 'A', effectiveDate: '2026-01-10' });
    expect(names(new EffectiveOnCut('2026-09-30').select([signed, received, reversed]))).toEqual(['agreement-A@1', 'agreement-A@2']);
    expect(names(new EffectiveOnCut('2026-11-27').select([signed, received, reversed]))).toEqual(['agreement-A@1', 'agreement-A@2', 'agreement-A@3']);
  });

  it('never lets a reversal take effect before the transaction it reverses', () => {
    const signed = event('agreement-A', 1, 'AgreementSigned', { agreementId: 'A', effectiveDate: '2026-01-10' });
    const received = event('agreement-A', 2, 'FundsReceived', { agreementId: 'A', transactionId: 't1', effectiveDate: '2026-09-15' });
    // Backdated before the transaction itself: on 2026-08-31 there was nothing to reverse.
    const reversed = event('agreement-A', 3, 'TransactionReversed', { agreementId: 'A', transactionId: 't1', effectiveDate: '2026-08-01' });
    const other = event('agreement-A', 4, 'FundsReceived', { agreementId: 'A', transactionId: 't2', effectiveDate: '2026-08-02' });
    const cut = new EffectiveOnCut('2026-08-31');
    expect(names(cut.select([signed, received]))).toEqual(['agreement-A@1']);
    // Batches follow one another: the cut remembers what it left out.
    expect(names(cut.select([reversed, other]))).toEqual(['agreement-A@4']);
  });

  it('replays a stream’s first event, and the project’s registration, just before the first event of theirs that counts', () => {
    const registered = event('project-P-1', 1, 'ProjectRegistered', { effectiveDate: '2026-11-27' });
    const signed = event('agreement-A', 1, 'AgreementSigned', { agreementId: 'A', effectiveDate: '2026-11-27' });
    const received = event('agreement-A', 2, 'FundsReceived', { agreementId: 'A', transactionId: 't1', effectiveDate: '2025-05-05' });
    const renamed = event('project-P-1', 2, 'ProjectTitlesSet', { effectiveDate: '2026-11-27' });
    const status = event('project-P-1', 3, 'ProjectStatusChanged', { effectiveDate: '2025-06-01' });
    const cut = new EffectiveOnCut('2025-12-31');
    expect(names(cut.select([registered, signed, received, renamed, status]))).toEqual(['project-P-1@1', 'agreement-A@1', 'agreement-A@2', 'project-P-1@3']);
    // Nothing of a stream counts: its first event stays out.
    expect(names(new EffectiveOnCut('2025-01-01').select([registered, signed, received]))).toEqual([]);
  });

  it('lets a rate correction replace the rate from the rate’s own date, in the order they were recorded', () => {
    const rate = {
      ...event('exchange-rates-KZT', 1, 'ExchangeRateRecorded', { currency: 'KZT', date: '2026-09-30', usdPerUnit: '0.0021', effectiveDate: '2026-09-30' }),
      subject: 'exchange-rates',
    };
    const corrected = {
      ...event(
        'exchange-rates-KZT',
        2,
        'ExchangeRateRecorded',
        { currency: 'KZT', date: '2026-09-30', usdPerUnit: '0.0020', correctsRate: '0.0021', effectiveDate: '2026-09-30' },
        '2026-11-27T05:00:00.000Z',
      ),
      subject: 'exchange-rates',
    };
    // On the rate's date, both count and the correction, recorded later, applies last (it wins the row).
    expect(names(new EffectiveOnCut('2026-09-30').select([rate, corrected]))).toEqual(['exchange-rates-KZT@1', 'exchange-rates-KZT@2']);
    expect(names(new EffectiveOnCut('2026-09-29').select([rate, corrected]))).toEqual([]);
  });
});
