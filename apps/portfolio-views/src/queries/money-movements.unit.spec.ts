import { quarterCuts } from './money-movements.js';

describe('quarterCuts: the quarters a period reads movement by movement', () => {
  it('cuts none for a period of whole quarters', () => {
    expect(quarterCuts('2026-01-01', '2026-12-31')).toEqual({ fromQuarter: null, toQuarter: null });
    expect(quarterCuts('2025-04-01', '2025-06-30')).toEqual({ fromQuarter: null, toQuarter: null });
  });

  it('cuts the quarter a date falls inside', () => {
    expect(quarterCuts('2026-02-15', '2026-11-30')).toEqual({ fromQuarter: '2026-01-01', toQuarter: '2026-10-01' });
    expect(quarterCuts('2026-03-31', '2026-04-01')).toEqual({ fromQuarter: '2026-01-01', toQuarter: '2026-04-01' });
    expect(quarterCuts('2024-01-01', '2024-02-29')).toEqual({ fromQuarter: null, toQuarter: '2024-01-01' });
    expect(quarterCuts('2024-07-02', '2024-09-30')).toEqual({ fromQuarter: '2024-07-01', toQuarter: null });
  });
});
