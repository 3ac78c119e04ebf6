import { jest } from '@jest/globals';
import { compactJsonb, isoMilliseconds } from './recorded-event.js';

/** What the relay sent before it read the data as text: the bytes of JSON.stringify of the parsed data. */
const viaJson = (jsonbText: string) => Buffer.from(JSON.stringify(JSON.parse(jsonbText)));

describe('compactJsonb', () => {
  // Each text as PostgreSQL 15 writes a jsonb value: `, ` between items, `: ` after keys.
  const texts: [string, string][] = [
    ['an event of the bench', '{"amount": "1001.00", "currency": "USD", "financier": "XM-DAC-46004", "projectId": "RL-0", "valueDate": "2025-01-01"}'],
    ['separators and quotes inside strings', '{"a": "x, y: z", "b": "say \\"hi\\", then: go", "c": " lead and trail "}'],
    ['a backslash before a closing quote', '{"path": "C:\\\\dir\\\\", "next": "v"}'],
    ['escapes as JSON.stringify writes them', '{"s": "tab\\tnew\\nline\\r\\b\\f \\u0001 \\u001f end"}'],
    ['non-ASCII text as is', '{"name": "Économie — 経済 😀", "sep": "\u2028"}'],
    ['nesting, arrays, literals and empties', '{"a": [true, false, null, "x"], "b": {"c": {}, "d": []}, "e": [[], {"f": "g"}]}'],
    ['numbers, which go through JSON', '{"n": 1.50, "m": -2, "big": 12345678901234567890, "e": 0.000001}'],
    ['a key that starts with a digit, which goes through JSON', '{"b": "x", "10": "y", "2": "z"}'],
    ['a digit inside a string is just text', '{"id": "2025-01-01", "k1": "v"}'],
  ];
  it.each(texts)('gives the bytes JSON.stringify writes: %s', (_what, text) => {
    expect(compactJsonb(text).toString()).toBe(viaJson(text).toString());
    expect(compactJsonb(text).equals(viaJson(text))).toBe(true);
  });

  it('parses only a text with a number or a digit-led key', () => {
    const spy = jest.spyOn(JSON, 'parse');
    try {
      compactJsonb('{"amount": "1001.00", "valueDate": "2025-01-01"}');
      expect(spy).not.toHaveBeenCalled();
      compactJsonb('{"amount": 1001.5}');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('isoMilliseconds', () => {
  it('writes what Date#toISOString writes for the instant node-postgres parses from the same text', () => {
    expect(isoMilliseconds('2026-11-28T06:05:49.123456')).toBe('2026-11-28T06:05:49.123Z');
    expect(isoMilliseconds('2026-11-28T06:05:49.000000')).toBe('2026-11-28T06:05:49.000Z');
    expect(isoMilliseconds('2026-01-02T03:04:05.009999')).toBe('2026-01-02T03:04:05.009Z');
    expect(isoMilliseconds('2026-01-02T03:04:05.090000')).toBe('2026-01-02T03:04:05.090Z');
    // node-postgres: 1000 × parseFloat of the fraction, cut by Date to a whole millisecond.
    for (const fraction of ['000001', '123000', '999999', '100000', '289000', '577000', '015000']) {
      const fromPg = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 1000 * parseFloat(`.${fraction}`))).toISOString();
      expect(isoMilliseconds(`2026-01-01T00:00:00.${fraction}`)).toBe(fromPg);
    }
  });
});
