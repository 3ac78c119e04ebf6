import { eventsPerProject, percentile, ratio, spread } from './stats.js';

describe('percentile (nearest rank)', () => {
  it('picks the value at rank ceil(p/100 × n) of the sorted values', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10]; // 1..10, shuffled
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([42], 99)).toBe(42);
  });

  it('has no value for no values, and refuses a p outside 0–100', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('spread and ratio', () => {
  it('gives min, median and max of repetitions', () => {
    expect(spread([30, 10, 20])).toEqual({ min: 10, median: 20, max: 30, runs: 3 });
    expect(spread([4, 1])).toEqual({ min: 1, median: 1, max: 4, runs: 2 });
    expect(spread([])).toBeUndefined();
  });

  it('writes a ÷ b, and a dash when it has no meaning', () => {
    expect(ratio(1, 4)).toBe('0.25×');
    expect(ratio(30, 2)).toBe('15×');
    expect(ratio(3, 2)).toBe('1.5×');
    expect(ratio(1, 0)).toBe('–');
    expect(ratio(undefined, 2)).toBe('–');
  });
});

describe('eventsPerProject', () => {
  it('splits the events over the projects, the remainder to the first ones', () => {
    expect(eventsPerProject(3, 10)).toEqual([4, 3, 3]);
    expect(eventsPerProject(2, 200).reduce((a, b) => a + b, 0)).toBe(200);
    expect(() => eventsPerProject(0, 10)).toThrow(RangeError);
    expect(() => eventsPerProject(10, 5)).toThrow(RangeError);
  });
});
