import { jestConfig } from '../../jest.config.base.js';

// Each drill starts its own processes (apps, and a broker or PostgreSQL of its own when it stops one)
// and loads the machine: drills run one at a time, each bounded well under two minutes.
export default {
  ...jestConfig,
  displayName: '@ecab/drills',
  testMatch: ['**/*.drill.spec.ts'],
  maxWorkers: 1,
  testTimeout: 150_000,
};
