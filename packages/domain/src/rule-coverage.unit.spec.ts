import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

const all = files(root);
const sources = all.filter((f) => !f.endsWith('.spec.ts') && !f.includes(`${'/'}test-support${'/'}`) && !f.includes(`${'/'}testing${'/'}`));
const specs = all.filter((f) => f.endsWith('.unit.spec.ts') && !f.endsWith('rule-coverage.unit.spec.ts'));

/** Every rule code a decision can throw: `new DomainRuleViolation…('CODE'`, or the local `violation('CODE'` / `fail('CODE'` helpers. */
const THROWN = /(?:DomainRuleViolation(?:<\w+>)?|\bviolation|\bfail)\(\s*'([A-Z][A-Z0-9_]+)'/g;

describe('rule coverage', () => {
  const thrown = new Set(sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(THROWN)].map((m) => m[1]!)));
  const specText = specs.map((file) => readFileSync(file, 'utf8')).join('\n');

  it('finds the rules the domain enforces', () => {
    expect(thrown.size).toBeGreaterThan(100);
  });

  it('has a Given/When/Then test that expects every rule code the domain can throw', () => {
    const untested = [...thrown].filter((code) => !specText.includes(`'${code}'`)).sort();
    expect(untested).toEqual([]);
  });
});
