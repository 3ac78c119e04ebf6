import { jestConfig } from '../jest.config.base.js';

// Only pure helpers are tested here: the benchmark itself is run by `npm run bench`, never by jest,
// and no test asserts a duration.
export default { ...jestConfig, displayName: '@ecab/bench', testMatch: ['**/*.unit.spec.ts'] };
