import { later, utcDayOf } from './event-data.js';

describe('later', () => {
  it('answers the later of two times written as Date#toISOString writes them', () => {
    expect(later('2026-11-26T09:00:00.000Z', '2026-11-26T09:00:00.001Z')).toBe('2026-11-26T09:00:00.001Z');
    expect(later('2026-11-26T10:00:00.000Z', '2026-11-26T09:59:59.999Z')).toBe('2026-11-26T10:00:00.000Z');
    expect(later('2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('keeps the first of two equal times', () => {
    const first = '2026-11-26T09:00:00.000Z';
    expect(later(first, '2026-11-26T09:00:00.000Z')).toBe(first);
  });

  it('compares times written in another form by the instants they name', () => {
    // As text '2026-11-26T10:00:00+02:00' sorts after '2026-11-26T09:00:00.000Z', but it is an hour earlier.
    expect(later('2026-11-26T09:00:00.000Z', '2026-11-26T10:00:00+02:00')).toBe('2026-11-26T09:00:00.000Z');
    expect(later('2026-11-26T10:00:00+02:00', '2026-11-26T08:30:00.000Z')).toBe('2026-11-26T08:30:00.000Z');
  });
});

describe('utcDayOf', () => {
  it('answers the UTC day of a time, whatever offset it is written with', () => {
    expect(utcDayOf('2026-11-26T23:59:59.999Z')).toBe('2026-11-26');
    expect(utcDayOf('2026-11-27T01:30:00+02:00')).toBe('2026-11-26');
  });
});
