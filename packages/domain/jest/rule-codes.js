// The rule codes the domain's sources can throw, and the ones its Given/When/Then tests saw thrown at run time.
// Shared by the jest global teardown (the run-time check) and src/rule-coverage.unit.spec.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

const codesIn = (text) => [...text.matchAll(THROWN)].map((match) => match[1]);

/** Every rule code that a non-test source file under `root` throws. */
export function ruleCodesInSources(root = DOMAIN_SOURCES) {
  const codes = typeScriptFiles(root)
    .filter((file) => !isTestCode(file))
    .flatMap((file) => codesIn(readFileSync(file, 'utf8')));
  return new Set(codes);
}

/** A use case file declares its use case (`export const xUseCase = useCase('X', decideX)`, decider/use-case.ts). */
const DECLARES_USE_CASE = /\bexport const \w+UseCase\b[^=]*=\s*useCase\b/;

/** The spec beside a source file: `record-funds-received.ts` → `record-funds-received.unit.spec.ts`. */
export const specBeside = (file) => file.replace(/\.ts$/, '.unit.spec.ts');

/** Each use case file under `root` with the rule codes it throws itself (not those of the helpers it calls). */
export function useCaseFiles(root = DOMAIN_SOURCES) {
  return typeScriptFiles(root)
    .filter((file) => !isTestCode(file))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => DECLARES_USE_CASE.test(text))
    .map(({ file, text }) => ({ file, codes: [...new Set(codesIn(text))].sort() }));
}

/**
 * What keeps a use case's rule and its Given/When/Then tests side by side: use case files with no spec beside them,
 * and rule codes a use case file throws that the spec beside it does not name.
 */
export function useCaseSpecGaps(root = DOMAIN_SOURCES) {
  const withoutSpec = [];
  const untested = [];
  for (const { file, codes } of useCaseFiles(root)) {
    const spec = specBeside(file);
    if (!existsSync(spec)) {
      withoutSpec.push(relative(root, file));
      continue;
    }
    const specText = readFileSync(spec, 'utf8');
    for (const code of codes) if (!specText.includes(`'${code}'`)) untested.push(`${relative(root, file)}: ${code}`);
  }
  return { withoutSpec: withoutSpec.sort(), untested: untested.sort() };
}

/** The spec files under `root`, with their text. */
export function specTexts(root = DOMAIN_SOURCES) {
  return typeScriptFiles(root)
    .filter((file) => file.endsWith('.spec.ts'))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** The records in `dir`: one file a test worker, one line a code seen thrown, `CODE<tab>spec file`. */
function recordedLines(dir) {
  return readdirSync(dir)
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter((line) => line !== '')
    .map((line) => {
      const [code, spec = ''] = line.split('\t');
      return { code, spec };
    });
}

/** The codes recorded in `dir`. */
export function recordedRuleCodes(dir) {
  return new Set(recordedLines(dir).map(({ code }) => code));
}

/** The codes recorded in `dir`, by the spec file whose test saw them thrown. */
export function recordedRuleCodesBySpec(dir) {
  const bySpec = new Map();
  for (const { code, spec } of recordedLines(dir)) {
    if (!bySpec.has(spec)) bySpec.set(spec, new Set());
    bySpec.get(spec).add(code);
  }
  return bySpec;
}

/** The codes use case files throw that no test of the spec beside the file saw thrown, as `file: CODE`, sorted. */
export function useCaseCodesUnexercisedBeside(useCases, bySpec, root = DOMAIN_SOURCES) {
  return useCases
    .flatMap(({ file, codes }) => codes.filter((code) => !bySpec.get(specBeside(file))?.has(code)).map((code) => `${relative(root, file)}: ${code}`))
    .sort();
}

/** The codes the sources throw that no test saw thrown, sorted. */
export function unexercisedRuleCodes(thrown, recorded) {
  return [...thrown].filter((code) => !recorded.has(code)).sort();
}
