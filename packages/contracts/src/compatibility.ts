import type { JsonSchema } from './json-schema.js';

/**
 * Whether a changed schema may keep its version (docs/ARCHITECTURE.md §6). Compatible: a new optional property,
 * a new enum value (code lists grow; readers ignore codes they do not know), a changed description.
 * Everything else is incompatible and needs version N+1 with an upcaster: a removed property, a newly
 * required or no longer required property, a changed type, a narrowed enum, a changed constraint, an
 * object closed to unknown properties, or any keyword this checker does not understand that changed.
 */
export interface Incompatibility {
  /** Where in the data, e.g. `countries[].code`; empty for the data itself. */
  readonly path: string;
  readonly problem: string;
}

/** Words for people: they change nothing a reader validates. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);
const HANDLED = new Set(['type', 'enum', 'properties', 'required', 'additionalProperties', 'items']);

type Node = JsonSchema | boolean;

function canonical(value: unknown): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function asObject(node: Node | undefined): JsonSchema {
  if (node === undefined || node === true) return {};
  if (node === false) return { not: {} };
  return node;
}

function typesOf(schema: JsonSchema): string[] | undefined {
  const type = schema['type'];
  if (type === undefined) return undefined;
  return (Array.isArray(type) ? type.map(String) : [String(type)]).sort();
}

function propertiesOf(schema: JsonSchema): Record<string, Node> {
  return (schema['properties'] as Record<string, Node> | undefined) ?? {};
}

function requiredOf(schema: JsonSchema): Set<string> {
  return new Set((schema['required'] as string[] | undefined) ?? []);
}

function child(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function compare(previousNode: Node, currentNode: Node, path: string, found: Incompatibility[]): void {
  const previous = asObject(previousNode);
  const current = asObject(currentNode);
  const report = (problem: string) => found.push({ path, problem });

  const [previousTypes, currentTypes] = [typesOf(previous), typesOf(current)];
  if (!same(previousTypes, currentTypes)) {
    report(`type changed from ${previousTypes?.join('|') ?? 'any'} to ${currentTypes?.join('|') ?? 'any'}`);
  }

  const previousEnum = previous['enum'] as unknown[] | undefined;
  const currentEnum = current['enum'] as unknown[] | undefined;
  if (currentEnum !== undefined) {
    if (previousEnum === undefined) report(`enum added: only ${currentEnum.map((v) => JSON.stringify(v)).join(', ')} allowed now`);
    else {
      const dropped = previousEnum.filter((value) => !currentEnum.some((kept) => same(kept, value)));
      if (dropped.length > 0) report(`enum narrowed: ${dropped.map((v) => JSON.stringify(v)).join(', ')} no longer allowed`);
    }
  }

  const previousProperties = propertiesOf(previous);
  const currentProperties = propertiesOf(current);
  const [previousRequired, currentRequired] = [requiredOf(previous), requiredOf(current)];
  for (const [name, schema] of Object.entries(previousProperties)) {
    const now = currentProperties[name];
    if (now === undefined) found.push({ path: child(path, name), problem: 'property removed' });
    else compare(schema, now, child(path, name), found);
  }
  for (const name of currentRequired) {
    if (previousRequired.has(name)) continue;
    found.push({ path: child(path, name), problem: name in previousProperties ? 'property newly required' : 'new property is required' });
  }
  for (const name of previousRequired) {
    if (!currentRequired.has(name) && name in currentProperties) found.push({ path: child(path, name), problem: 'property no longer required' });
  }

  const [previousExtra, currentExtra] = [previous['additionalProperties'] ?? true, current['additionalProperties'] ?? true];
  if (!same(previousExtra, currentExtra)) {
    report(currentExtra === false ? 'closed to unknown properties' : 'additionalProperties changed');
  }

  if (previous['items'] !== undefined || current['items'] !== undefined) {
    compare((previous['items'] as Node | undefined) ?? true, (current['items'] as Node | undefined) ?? true, `${path}[]`, found);
  }

  const keywords = new Set([...Object.keys(previous), ...Object.keys(current)]);
  for (const keyword of [...keywords].sort()) {
    if (ANNOTATIONS.has(keyword) || HANDLED.has(keyword)) continue;
    if (!same(previous[keyword], current[keyword])) {
      report(`${keyword} changed from ${canonical(previous[keyword])} to ${canonical(current[keyword])}`);
    }
  }
}

/** Every incompatible difference between the schema partners have and the one the code has now. */
export function incompatibleChanges(previous: JsonSchema, current: JsonSchema): Incompatibility[] {
  const found: Incompatibility[] = [];
  compare(previous, current, '', found);
  return found;
}
