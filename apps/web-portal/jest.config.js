import { jestConfig } from '../../jest.config.base.js';

// The browser suites start the real apps and one Chromium each: one suite at a time.
export default { ...jestConfig, displayName: '@ecab/web-portal', maxWorkers: 1, testTimeout: 120_000 };
