import { z } from 'zod';

/**
 * The filter dialects of the CloudEvents Subscriptions API that every implementation supports: `exact`,
 * `prefix` and `suffix` compare one context attribute (a missing attribute never matches), `all` and `any`
 * combine filters, `not` negates one.
 */
export type Filter =
  | { exact: Record<string, string> }
  | { prefix: Record<string, string> }
  | { suffix: Record<string, string> }
  | { all: Filter[] }
  | { any: Filter[] }
  | { not: Filter };

const attributeName = /^[a-z0-9]{1,20}$/;
const oneAttribute = z
  .record(z.string(), z.string().min(1).max(200))
  .refine((value) => Object.keys(value).length === 1, 'must name exactly one attribute')
  .refine((value) => Object.keys(value).every((name) => attributeName.test(name)), 'attribute names are lower-case letters and digits');

export const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.strictObject({ exact: oneAttribute }),
    z.strictObject({ prefix: oneAttribute }),
    z.strictObject({ suffix: oneAttribute }),
    z.strictObject({ all: z.array(filterSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(filterSchema).min(1).max(20) }),
    z.strictObject({ not: filterSchema }),
  ]),
);

/** The context attributes of a CloudEvent (every string member but data). */
export type Attributes = object;

function compare(attributes: Attributes, condition: Record<string, string>, test: (actual: string, expected: string) => boolean): boolean {
  const [name, expected] = Object.entries(condition)[0]!;
  const actual = (attributes as Record<string, unknown>)[name];
  return typeof actual === 'string' && test(actual, expected);
}

export function matches(filter: Filter, attributes: Attributes): boolean {
  if ('exact' in filter) return compare(attributes, filter.exact, (actual, expected) => actual === expected);
  if ('prefix' in filter) return compare(attributes, filter.prefix, (actual, expected) => actual.startsWith(expected));
  if ('suffix' in filter) return compare(attributes, filter.suffix, (actual, expected) => actual.endsWith(expected));
  if ('all' in filter) return filter.all.every((inner) => matches(inner, attributes));
  if ('any' in filter) return filter.any.some((inner) => matches(inner, attributes));
  return !matches(filter.not, attributes);
}

/** A subscription's selection: one of its `types` (every type when empty) and every one of its filters. */
export function selects(selection: { types: readonly string[]; filters: readonly Filter[] }, attributes: Attributes): boolean {
  if (selection.types.length > 0 && !selection.types.includes(String((attributes as { type?: unknown }).type))) return false;
  return selection.filters.every((filter) => matches(filter, attributes));
}
