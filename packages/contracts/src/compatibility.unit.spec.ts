import { incompatibleChanges } from './compatibility.js';
import type { JsonSchema } from './json-schema.js';

const published: JsonSchema = {
  $id: 'urn:ecab:schema:ecab.widget.painted.v1',
  title: 'WidgetPainted v1',
  type: 'object',
  properties: {
    widgetId: { type: 'string', minLength: 1 },
    colour: { type: 'string', enum: ['red', 'green', 'blue'] },
    parts: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, weight: { type: 'number' } }, required: ['code'], additionalProperties: true },
    },
    note: { type: 'string' },
  },
  required: ['widgetId', 'colour'],
  additionalProperties: true,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reaches into nested JSON whose shape it knows; typing every level would hide the edit
type Editable = any;

/** The published schema with one change made by `edit` on a deep copy. */
function changed(edit: (schema: Editable) => void): JsonSchema {
  const copy = structuredClone(published);
  edit(copy);
  return copy;
}

describe('the compatibility checker', () => {
  it('finds nothing when the schema is unchanged', () => {
    expect(incompatibleChanges(published, structuredClone(published))).toEqual([]);
  });

  it.each<[string, (schema: Editable) => void]>([
    ['a new optional property', (s) => (s.properties.effectiveDate = { type: 'string', format: 'date' })],
    ['a new optional property in a nested object', (s) => (s.properties.parts.items.properties.unit = { type: 'string' })],
    ['a new enum value', (s) => s.properties.colour.enum.push('black')],
    ['reworded descriptions and title', (s) => ((s.title = 'Widget painted'), (s.properties.note.description = 'Free text'))],
  ])('accepts %s', (_case, edit) => {
    expect(incompatibleChanges(published, changed(edit))).toEqual([]);
  });

  it.each<[string, (schema: Editable) => void, { path: string; problem: RegExp }]>([
    ['a removed property', (s) => delete s.properties.note, { path: 'note', problem: /removed/ }],
    ['a removed nested property', (s) => delete s.properties.parts.items.properties.weight, { path: 'parts[].weight', problem: /removed/ }],
    ['an optional property made required', (s) => s.required.push('note'), { path: 'note', problem: /newly required/ }],
    [
      'a new required property',
      (s) => ((s.properties.owner = { type: 'string' }), s.required.push('owner')),
      { path: 'owner', problem: /new property is required/ },
    ],
    ['a required property made optional', (s) => (s.required = ['widgetId']), { path: 'colour', problem: /no longer required/ }],
    ['a changed type', (s) => (s.properties.note.type = 'number'), { path: 'note', problem: /type changed from string to number/ }],
    ['a changed item type', (s) => (s.properties.parts.items.type = 'string'), { path: 'parts[]', problem: /type changed/ }],
    ['a narrowed enum', (s) => (s.properties.colour.enum = ['red', 'green']), { path: 'colour', problem: /enum narrowed: "blue"/ }],
    ['an enum on a free property', (s) => (s.properties.note.enum = ['a']), { path: 'note', problem: /enum added/ }],
    ['a tighter constraint', (s) => (s.properties.widgetId.minLength = 3), { path: 'widgetId', problem: /minLength changed from 1 to 3/ }],
    ['a new pattern', (s) => (s.properties.note.pattern = '^[a-z]+$'), { path: 'note', problem: /pattern changed/ }],
    ['an object closed to unknown properties', (s) => (s.additionalProperties = false), { path: '', problem: /closed to unknown properties/ }],
  ])('rejects %s', (_case, edit, expected) => {
    expect(incompatibleChanges(published, changed(edit))).toEqual([{ path: expected.path, problem: expect.stringMatching(expected.problem) }]);
  });
});
