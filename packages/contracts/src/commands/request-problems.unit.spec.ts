import { cancelFundsRequest, checkRequest, ratePerformanceRequest, routeOf } from './index.js';

describe('checking a command request before sending it', () => {
  it('lists the problems of the path parameters and of the body, each at its pointer', () => {
    expect(checkRequest(ratePerformanceRequest, { projectId: 'P-1', period: '2026-Q5' }, { ratings: { outputs: 'on_track' } })).toEqual([
      { pointer: '/period', detail: 'must be a quarter written YYYY-Qn, e.g. 2026-Q3', code: 'invalid_format' },
      { pointer: '/overall', detail: expect.stringContaining('must be a code'), code: 'invalid_type' },
    ]);
  });

  it('finds nothing in a request the API takes, and names an unknown field by its own pointer', () => {
    const body = { amount: '150000.00', currency: 'USD', valueDate: '2026-03-02', reason: 'Savings' };
    expect(checkRequest(cancelFundsRequest, { agreementId: 'AG-1' }, body)).toEqual([]);
    expect(checkRequest(cancelFundsRequest, { agreementId: 'AG-1' }, { ...body, amount: '12,5', extra: 1 })).toEqual([
      { pointer: '/amount', detail: expect.stringContaining('must be a positive decimal string'), code: 'invalid_format' },
      { pointer: '/extra', detail: 'is not a field this request accepts', code: 'unrecognized_keys' },
    ]);
  });

  it('fills the route with the parameters, each encoded', () => {
    expect(routeOf(ratePerformanceRequest, { projectId: 'P 1', period: '2026-Q3' })).toBe('projects/P%201/performance-reviews/2026-Q3/ratings');
  });
});
