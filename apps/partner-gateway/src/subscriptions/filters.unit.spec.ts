import { filterSchema, matches, selects, type Filter } from './filters.js';

const event = {
  type: 'ecab.project.status-changed.v1',
  subject: 'ECAB-HE-01',
  cluster: 'health',
  countries: 'KG',
  source: '/ecab/portfolio/partners',
  data: { cluster: 'transport' },
};

describe('CloudEvents subscription filters', () => {
  it.each<[string, Filter, boolean]>([
    ['exact on an attribute', { exact: { cluster: 'health' } }, true],
    ['exact is not a substring', { exact: { cluster: 'heal' } }, false],
    ['prefix', { prefix: { subject: 'ECAB-HE-' } }, true],
    ['prefix that does not match', { prefix: { subject: 'ECAB-TR-' } }, false],
    ['suffix', { suffix: { type: '.v1' } }, true],
    ['a missing attribute never matches', { exact: { nosuch: 'x' } }, false],
    ['data is not an attribute', { exact: { data: 'x' } }, false],
    ['all: every one', { all: [{ exact: { cluster: 'health' } }, { prefix: { subject: 'ECAB-HE' } }] }, true],
    ['all: one fails', { all: [{ exact: { cluster: 'health' } }, { prefix: { subject: 'ECAB-TR' } }] }, false],
    ['any: one matches', { any: [{ exact: { cluster: 'transport' } }, { exact: { countries: 'KG' } }] }, true],
    ['any: none', { any: [{ exact: { cluster: 'transport' } }, { exact: { countries: 'KZ' } }] }, false],
    ['not', { not: { exact: { cluster: 'transport' } } }, true],
    ['not of a match', { not: { suffix: { type: '.v1' } } }, false],
  ])('%s', (_name, filter, expected) => {
    expect(filterSchema.parse(filter)).toEqual(filter);
    expect(matches(filter, event)).toBe(expected);
  });

  it('a subscription selects one of its types (all when none) and every filter', () => {
    expect(selects({ types: [], filters: [] }, event)).toBe(true);
    expect(selects({ types: ['ecab.agreement.signed.v1'], filters: [] }, event)).toBe(false);
    expect(selects({ types: ['ecab.agreement.signed.v1', event.type], filters: [{ exact: { cluster: 'health' } }] }, event)).toBe(true);
    expect(selects({ types: [event.type], filters: [{ exact: { cluster: 'health' } }, { exact: { subject: 'ECAB-HE-02' } }] }, event)).toBe(false);
  });

  it('refuses filters of no dialect, of two attributes, or empty combinations', () => {
    for (const bad of [{ sql: "type = 'x'" }, { exact: { cluster: 'a', subject: 'b' } }, { all: [] }, { exact: { Cluster: 'a' } }, { not: [] }]) {
      expect(filterSchema.safeParse(bad).success).toBe(false);
    }
  });
});
