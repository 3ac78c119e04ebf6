import { jestConfig } from '../../jest.config.base.js';

export default {
  ...jestConfig,
  displayName: '@ecab/domain',
  // Records the rule codes the Given/When/Then tests saw thrown; a whole-suite run fails if one the domain can throw
  // was never exercised (jest/global-teardown.js, src/rule-coverage.unit.spec.ts).
  globalSetup: '<rootDir>/jest/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/jest/record-expected-rules.js'],
  globalTeardown: '<rootDir>/jest/global-teardown.js',
};
