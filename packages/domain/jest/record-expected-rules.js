// In every test file: each rule code a Given/When/Then test expected and saw thrown is appended to this worker's file,
// with the spec file that saw it (a use case's codes must be seen by the spec beside it).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { onExpectedRuleThrown } from '../src/testing/decider-spec.js';

const dir = process.env.ECAB_EXPECTED_RULES_DIR;
if (dir !== undefined) {
  const file = join(dir, `worker-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.txt`);
  onExpectedRuleThrown((code) => appendFileSync(file, `${code}\t${expect.getState().testPath ?? ''}\n`));
}
