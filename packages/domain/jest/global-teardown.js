// After the domain's jest run: when the whole suite ran (no path, name or related-file filter), every rule code the
// sources can throw must have been expected and seen thrown by some Given/When/Then test; the run fails otherwise.
// A code that a spec merely names (a comment, a test that never reaches its thenThrows) does not count. A code a use
// case file throws itself must have been seen thrown by a test of the spec beside that file.
import { rmSync } from 'node:fs';
import {
  recordedRuleCodes,
  recordedRuleCodesBySpec,
  ruleCodesInSources,
  unexercisedRuleCodes,
  useCaseCodesUnexercisedBeside,
  useCaseFiles,
} from './rule-codes.js';

/** Path patterns as jest 30 keeps them (an object with `patterns`), or as a plain list. */
const pathPatterns = (config) => config.testPathPatterns?.patterns ?? config.testPathPatterns ?? [];

function ranWholeSuite(config) {
  return (
    pathPatterns(config).length === 0 &&
    !config.testNamePattern &&
    !config.findRelatedTests &&
    !config.onlyChanged &&
    !config.onlyFailures &&
    !config.changedSince &&
    !config.shard &&
    (config.nonFlagArgs ?? []).length === 0
  );
}

export default function globalTeardown(globalConfig) {
  const dir = process.env.ECAB_EXPECTED_RULES_DIR;
  if (dir === undefined) return;
  try {
    if (!ranWholeSuite(globalConfig)) return;
    const missing = unexercisedRuleCodes(ruleCodesInSources(), recordedRuleCodes(dir));
    if (missing.length > 0) {
      throw new Error(
        `Rule coverage: no Given/When/Then test expected and saw thrown ${missing.length} rule code(s) the domain can throw:\n  ${missing.join('\n  ')}`,
      );
    }
    const notBeside = useCaseCodesUnexercisedBeside(useCaseFiles(), recordedRuleCodesBySpec(dir));
    if (notBeside.length > 0) {
      throw new Error(
        `Rule coverage: no test of the spec beside the use case expected and saw thrown ${notBeside.length} rule code(s) it throws:\n  ${notBeside.join('\n  ')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
