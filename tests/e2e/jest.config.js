import { jestConfig } from '../../jest.config.base.js';

// The apps run as processes and share one broker: suites run one at a time.
export default { ...jestConfig, displayName: '@ecab/e2e', maxWorkers: 1, testTimeout: 120_000 };
