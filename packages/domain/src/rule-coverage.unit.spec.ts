import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  recordedRuleCodes,
  recordedRuleCodesBySpec,
  ruleCodesInSources,
  specTexts,
  unexercisedRuleCodes,
  useCaseCodesUnexercisedBeside,
  useCaseFiles,
  useCaseSpecGaps,
} from '../jest/rule-codes.js';
import type { Decider } from './decider/decider.js';
import { DomainRuleViolation } from './decider/domain-rule-violation.js';
import { deciderSpecification } from './testing/decider-spec.js';

// Every rule code the domain can throw must be expected, and seen thrown, by a Given/When/Then test. The proof is at
// run time: jest/record-expected-rules.js records each code thenThrows saw, and jest/global-teardown.js fails a
// whole-suite run when a code of the sources was never recorded. These tests check the parts of that machinery.
// A use case's rule and its tests sit side by side: each use case file (one that declares `useCase(...)`) has
// `<use-case>.unit.spec.ts` beside it, and each rule code the file throws itself is tested there (codes thrown by the
// helpers it calls, e.g. requireEffectiveAgreement, are tested wherever a use case reaches them).

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

describe('use cases and their tests side by side', () => {
  it('finds every use case of every aggregate', () => {
    const files = useCaseFiles().map(({ file }) => file.slice(file.indexOf('/src/') + 5));
    expect(files).toHaveLength(62);
    expect(files).toContain('agreement/record-funds-received.ts');
    expect(useCaseFiles().find(({ file }) => file.endsWith('/agreement/sign-agreement.ts'))?.codes).toContain('AGREEMENT_ALREADY_SIGNED');
  });

  it('has a spec beside each use case that names each rule code the use case throws', () => {
    expect(useCaseSpecGaps()).toEqual({ withoutSpec: [], untested: [] });
  });

  it('reports a use case without a spec beside it, and a code its spec does not name', () => {
    const root = mkdtempSync(join(tmpdir(), 'ecab-use-case-specs-'));
    try {
      mkdirSync(join(root, 'thing'));
      const rule = (code: string) => `export const doItUseCase = useCase('DoIt', () => {\n  throw new DomainRuleViolation('${code}', 'no');\n});\n`;
      writeFileSync(join(root, 'thing', 'do-it.ts'), rule('THING_REFUSED'));
      writeFileSync(join(root, 'thing', 'do-it.unit.spec.ts'), "it('refuses', () => expect('OTHER_RULE').toBeTruthy());\n");
      writeFileSync(join(root, 'thing', 'do-more.ts'), rule('THING_REFUSED_TOO'));
      writeFileSync(join(root, 'thing', 'helper.ts'), "export const check = () => violation('HELPER_RULE');\n");
      expect(useCaseSpecGaps(root)).toEqual({ withoutSpec: ['thing/do-more.ts'], untested: ['thing/do-it.ts: THING_REFUSED'] });
      writeFileSync(join(root, 'thing', 'do-it.unit.spec.ts'), "it('refuses', () => given([]).when(doIt).thenThrows('THING_REFUSED'));\n");
      expect(useCaseSpecGaps(root).untested).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names the codes of a use case that no test of the spec beside it saw thrown', () => {
    const useCases = [{ file: '/src/thing/do-it.ts', codes: ['A_RULE', 'B_RULE'] }];
    const bySpec = new Map([
      ['/src/thing/do-it.unit.spec.ts', new Set(['A_RULE'])],
      ['/src/thing/thing.unit.spec.ts', new Set(['B_RULE'])],
    ]);
    expect(useCaseCodesUnexercisedBeside(useCases, bySpec, '/src')).toEqual(['thing/do-it.ts: B_RULE']);
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
  const recordedHere = () => [...recordedRuleCodes(dir!)];

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
    expect(recordedRuleCodesBySpec(dir!).get(expect.getState().testPath!)).toContain('RULE_COVERAGE_PROBE');
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
      writeFileSync(join(workers, 'worker-2.txt'), 'B_RULE\t/src/b.unit.spec.ts\nD_RULE\t/src/d.unit.spec.ts\n');
      const recorded = recordedRuleCodes(workers);
      expect([...recorded].sort()).toEqual(['A_RULE', 'B_RULE', 'D_RULE']);
      expect(unexercisedRuleCodes(['C_RULE', 'B_RULE', 'A_RULE', 'E_RULE'], recorded)).toEqual(['C_RULE', 'E_RULE']);
    } finally {
      rmSync(workers, { recursive: true, force: true });
    }
  });
});
