import fc from 'fast-check';

/** Values a careless or hostile client might put in any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      null,
      true,
      0,
      -1,
      1e308,
      -0.000001,
      '',
      ' ',
      '-1',
      '-1000.00',
      '0.0000001',
      '1e400',
      '12345678901234567890.00',
      'NaN',
      'XXX',
      'usd',
      '2024-02-30',
      '2099-01-01',
      '1999-13-01',
      'KZ',
      '\u0000',
      'a\u0000b',
      '\ud800',
      '<script>alert(1)</script>',
      "'; drop table events; --",
      '../../etc/passwd',
      { $gt: '' },
      [],
      {},
    ),
  },
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
);

/** Every path through a JSON value, so that a hostile value can replace any field, however deep. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return [prefix];
}

export function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head as string]: replaceAt(record[head as string], rest, replacement) };
}

/** Whether a stored event's data holds the value somewhere (as a field's value or an array's item). */
export function holds(data: unknown, value: unknown): boolean {
  if (data === value) return true;
  if (data !== null && typeof data === 'object') return Object.values(data).some((item) => holds(item, value));
  return false;
}
