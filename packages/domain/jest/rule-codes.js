// The rule codes the domain's sources can throw, and the ones its Given/When/Then tests saw thrown at run time.
// Shared by the jest global teardown (the run-time check) and src/rule-coverage.unit.spec.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOMAIN_SOURCES = fileURLToPath(new URL('../src', import.meta.url));

/**
 * `new DomainRuleViolation…('CODE'`, or the local `violation('CODE'` / `fail('CODE'` helpers. Under mutation testing the
 * sources are Stryker's instrumented copies, where the code literal reads `stryMutAct_…("n") ? "" : (stryCov_…("n"), 'CODE')`.
 */
const THROWN =
  /(?:DomainRuleViolation(?:<\w+>)?|\bviolation|\bfail)\(\s*(?:stryMutAct_\w+\("\d+"\)\s*\?\s*""\s*:\s*\(stryCov_\w+\("\d+"\),\s*)?'([A-Z][A-Z0-9_]+)'/g;

function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? typeScriptFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const isTestCode = (file) => file.endsWith('.spec.ts') || /[/\\](test-support|testing)[/\\]/.test(file);

/** Every rule code that a non-test source file under `root` throws. */
export function ruleCodesInSources(root = DOMAIN_SOURCES) {
  const codes = typeScriptFiles(root)
    .filter((file) => !isTestCode(file))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(THROWN)].map((match) => match[1]));
  return new Set(codes);
}

/** The spec files under `root`, with their text. */
export function specTexts(root = DOMAIN_SOURCES) {
  return typeScriptFiles(root)
    .filter((file) => file.endsWith('.spec.ts'))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** The codes recorded in `dir` (one file a test worker, one code a line). */
export function recordedRuleCodes(dir) {
  const lines = readdirSync(dir).flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'));
  return new Set(lines.filter((line) => line !== ''));
}

/** The codes the sources throw that no test saw thrown, sorted. */
export function unexercisedRuleCodes(thrown, recorded) {
  return [...thrown].filter((code) => !recorded.has(code)).sort();
}
