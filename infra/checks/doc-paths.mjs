// The docs name files and folders: as Markdown links, and as code spans such as `src/queries/` or
// `agreement/agreement-state.ts:57`. This checks that every one of them is still there, so that a rename or a split
// cannot leave a README pointing at nothing. A link must resolve from the Markdown file's own folder; a code span that
// names a file (it ends in a source or data extension) or a folder (it ends in `/`) must resolve from the Markdown
// file's folder or the repository root, or be the tail of a path somewhere in the repository (READMEs say
// `pull/pull-query.ts` for `apps/partner-gateway/src/pull/pull-query.ts`). `npm run check:deps` runs it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.data', '.git', '.turbo', '.stryker-tmp', 'reports']);
/** A code span names a file when it ends in one of these. */
const FILE_NAME = /\.(ts|tsx|js|mjs|cjs|json|sh|md|xsd|xml|html|css|yml|yaml|sql|pem|csv|xlsx|pdf)$/;
/** A bare name (no folder) is checked only when it names source code. */
const SOURCE_NAME = /^[\w.-]+\.(ts|tsx|js|mjs|cjs|sh)$/;
/** What git ignores (.gitignore: `.data/`, `bench/results/`, `reports/mutation/`, ...) is written at run time. */
const IGNORED = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim().replace(/\/$/, ''))
  .filter((line) => line !== '' && !line.startsWith('#') && !line.includes('*'));
const isIgnored = (path) => IGNORED.some((entry) => (entry.includes('/') ? path === entry || path.startsWith(`${entry}/`) : path.split('/').includes(entry)));

/** Every path below the root, as a repository-relative path with `/`, folders with a trailing `/`. */
function walk(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const name = relative(ROOT, path).split(sep).join('/');
    if (entry.isDirectory()) {
      found.push(`${name}/`);
      walk(path, found);
    } else {
      found.push(name);
    }
  }
  return found;
}

const paths = walk(ROOT);
const markdown = paths.filter((path) => path.endsWith('.md'));
const exists = (path) => existsSync(path);
const isTailOfSomePath = (tail) => paths.some((path) => path === tail || path.endsWith(`/${tail}`));

const problems = [];
for (const file of markdown) {
  const folder = dirname(join(ROOT, file));
  const text = readFileSync(join(ROOT, file), 'utf8');
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
      const path = decodeURI(target.split('#')[0]);
      if (!exists(resolve(folder, path))) problems.push(`${where}: link to ${target}: no such file`);
    }
    for (const [, span] of line.matchAll(/`([^`\s]+)`/g)) {
      const path = span.replace(/:\d+(-\d+)?$/, '').replace(/[.,;]$/, '');
      // A path (`src/queries/`, `iati/README.md`) must exist; so must a bare source file name (`ledger.ts`) somewhere,
      // while a bare data name (`activities.xml`) may be what an endpoint serves rather than a file.
      const named = path.includes('/') ? FILE_NAME.test(path) || path.endsWith('/') : SOURCE_NAME.test(path);
      if (!named) continue;
      // URL paths (`/api/asyncapi.json`), URLs, the home folder, placeholders, globs and extensions (`.tsx`) name no file here.
      if (/^[/~.]?$|^[/~]|:\/\/|[*{}<>$=…]/.test(path) || /^\.[a-z]+$/.test(path) || isIgnored(path)) continue;
      const tail = path.replace(/^\.\//, '');
      const found =
        exists(resolve(folder, path)) ||
        exists(resolve(ROOT, path)) ||
        isTailOfSomePath(tail) ||
        // A dependency's own file, named from its package: `kafkajs/src/producer/sendMessages.js`.
        exists(resolve(ROOT, 'node_modules', path));
      if (found) continue;
      problems.push(`${where}: \`${span}\`: no such file or folder`);
    }
  });
}

if (problems.length > 0) {
  console.error(`The docs name ${problems.length} path(s) that do not exist:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`doc paths: ${markdown.length} Markdown files, every linked or named path exists`);
