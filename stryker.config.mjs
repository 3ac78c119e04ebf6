// Mutation testing of the domain's aggregates (`npm run mutation`; not part of `npm test` or CI).
// Every folder under packages/domain/src with a decider (decide.ts) is an aggregate and is mutated; the domain's own
// jest suite (ESM through --experimental-vm-modules, as its test script runs it) is the test runner.
// infra/mutation/report.mjs turns the JSON report into docs/MUTATION.md.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const domainSrc = 'packages/domain/src';
export const aggregates = readdirSync(domainSrc, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(domainSrc, entry.name, 'decide.ts')))
  .map((entry) => entry.name)
  .sort();

export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // jest runs the domain's tests as native ES modules.
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  jest: { projectType: 'custom', configFile: 'packages/domain/jest.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant) runs the whole suite, 20–40 s here each: they are left out (reported
  // as ignored) to keep a run under an hour on this machine.
  ignoreStatic: true,
  // Later runs re-test only the mutants whose code or covering tests changed (`npm run mutation -- --force`: all).
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // A 2-core machine shared with other work.
  concurrency: 1,
  mutate: [...aggregates.map((name) => `${domainSrc}/${name}/**/*.ts`), '!**/*.spec.ts'],
  // The sandbox needs only the domain workspace and the files its jest config and tsconfig extend.
  ignorePatterns: [
    '/*',
    '!/packages',
    '/packages/*',
    '!/packages/domain',
    '/packages/domain/dist',
    '!/jest.config.base.js',
    '!/tsconfig.base.json',
    '!/package.json',
  ],
  tempDirName: '.stryker-tmp',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportMutants: false, reportTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
};
