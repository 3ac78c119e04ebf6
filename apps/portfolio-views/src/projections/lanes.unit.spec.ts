import { laneOf, laneSlices } from './lanes.js';

const event = (subject: string, n: number) => ({ subject, n });

describe('laneSlices', () => {
  const subjects = Array.from({ length: 40 }, (_, i) => `BP-${String(i).padStart(6, '0')}`);
  const events = Array.from({ length: 400 }, (_, i) => event(subjects[(i * 7) % subjects.length]!, i));

  it('keeps every event once, each subject in one slice, in the order given', () => {
    for (const lanes of [1, 2, 3, 5]) {
      const slices = laneSlices(events, lanes);
      expect(slices.length).toBeLessThanOrEqual(lanes);
      expect(
        slices
          .flat()
          .map((e) => e.n)
          .sort((a, b) => a - b),
      ).toEqual(events.map((e) => e.n));
      const sliceOf = new Map<string, number>();
      slices.forEach((slice, index) => {
        for (const e of slice) {
          expect(sliceOf.get(e.subject) ?? index).toBe(index);
          sliceOf.set(e.subject, index);
        }
        const order = slice.map((e) => e.n);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      });
    }
  });

  it('spreads forty projects over every lane', () => {
    expect(laneSlices(events, 2)).toHaveLength(2);
    expect(laneSlices(events, 3)).toHaveLength(3);
  });

  it('puts a subject in the same lane whatever else the batch holds', () => {
    const alone = laneSlices([event('BP-000007', 0)], 3);
    const lane = laneOf('BP-000007', 3);
    expect(alone).toEqual([[event('BP-000007', 0)]]);
    const mixed = laneSlices(events, 3);
    const withIt = mixed.find((slice) => slice.some((e) => e.subject === 'BP-000007'))!;
    expect(withIt.every((e) => laneOf(e.subject, 3) === lane)).toBe(true);
  });

  it('gives one slice for one lane and none for no events', () => {
    expect(laneSlices(events, 1)).toEqual([events]);
    expect(laneSlices([], 2)).toEqual([]);
  });

  it('refuses a lane count that is not a positive integer', () => {
    for (const lanes of [0, -1, 1.5, Number.NaN]) expect(() => laneSlices(events, lanes)).toThrow(RangeError);
  });
});
