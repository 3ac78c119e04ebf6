import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedRuleCodes, ruleCodesInSources, specTexts, unexercisedRuleCodes } from '../jest/rule-codes.js';
import type { Decider } from './decider/decider.js';
import { DomainRuleViolation } from './decider/domain-rule-violation.js';
import { deciderSpecification } from './testing/decider-spec.js';

// Every rule code the domain can throw must be expected, and seen thrown, by a Given/When/Then test. The proof is at
// run time: jest/record-expected-rules.js records each code thenThrows saw, and jest/global-teardown.js fails a
// whole-suite run when a code of the sources was never recorded. These tests check the parts of that machinery.

const thrown = ruleCodesInSources();

describe('rule coverage', () => {
  it('finds the rules the domain enforces', () => {
    expect(thrown.size).toBeGreaterThan(100);
    expect(thrown).toContain('AGREEMENT_ALREADY_SIGNED');
  });

  it('names every rule code the domain can throw in some spec (the quick check a filtered run can make)', () => {
    const specText = specTexts()
      .filter(({ file }) => !file.endsWith('rule-coverage.unit.spec.ts'))
      .map(({ text }) => text)
      .join('\n');
    expect([...thrown].filter((code) => !specText.includes(`'${code}'`)).sort()).toEqual([]);
  });
});

describe('rule coverage at run time', () => {
  type Try = { type: 'Try'; data: { fail: boolean } };
  type Tried = { type: 'Tried'; data: Record<string, never> };
  const probe: Decider<Try, Tried, null, Record<string, never>> = {
    initialState: () => null,
    evolve: (state) => state,
    decide: ({ data }) => {
      if (data.fail) throw new DomainRuleViolation('RULE_COVERAGE_PROBE', 'probe');
      return [{ type: 'Tried', data: {} }];
    },
  };
  const given = deciderSpecification(probe, {});
  const dir = process.env['ECAB_EXPECTED_RULES_DIR'];
  const recordedHere = () => readdirSync(dir!).flatMap((name) => readFileSync(join(dir!, name), 'utf8').split('\n'));

  it('runs with the recorder installed (jest.config.js: globalSetup, setupFilesAfterEnv, globalTeardown)', () => {
    expect(dir).toEqual(expect.any(String));
    const config = readFileSync(new URL('../jest.config.js', import.meta.url), 'utf8');
    expect(config).toContain("globalSetup: '<rootDir>/jest/global-setup.js'");
    expect(config).toContain("setupFilesAfterEnv: ['<rootDir>/jest/record-expected-rules.js']");
    expect(config).toContain("globalTeardown: '<rootDir>/jest/global-teardown.js'");
  });

  it('records a code once a test expected it and saw it thrown, and not before', () => {
    expect(() =>
      given([])
        .when({ type: 'Try', data: { fail: false } })
        .thenThrows('RULE_COVERAGE_PROBE'),
    ).toThrow(/Expected rule RULE_COVERAGE_PROBE/);
    expect(recordedHere()).not.toContain('RULE_COVERAGE_PROBE');
    given([])
      .when({ type: 'Try', data: { fail: true } })
      .thenThrows('RULE_COVERAGE_PROBE', { message: 'probe' });
    expect(recordedHere()).toContain('RULE_COVERAGE_PROBE');
  });

  it('does not record a code a test expected when another one was thrown', () => {
    expect(() =>
      given([])
        .when({ type: 'Try', data: { fail: true } })
        .thenThrows('RULE_COVERAGE_OTHER'),
    ).toThrow(/but got RULE_COVERAGE_PROBE/);
    expect(recordedHere()).not.toContain('RULE_COVERAGE_OTHER');
  });

  it('names the codes of the sources that no worker recorded', () => {
    const workers = mkdtempSync(join(tmpdir(), 'ecab-rule-coverage-spec-'));
    try {
      writeFileSync(join(workers, 'worker-1.txt'), 'A_RULE\nB_RULE\n');
      writeFileSync(join(workers, 'worker-2.txt'), 'B_RULE\nD_RULE\n');
      const recorded = recordedRuleCodes(workers);
      expect([...recorded].sort()).toEqual(['A_RULE', 'B_RULE', 'D_RULE']);
      expect(unexercisedRuleCodes(['C_RULE', 'B_RULE', 'A_RULE', 'E_RULE'], recorded)).toEqual(['C_RULE', 'E_RULE']);
    } finally {
      rmSync(workers, { recursive: true, force: true });
    }
  });
});
