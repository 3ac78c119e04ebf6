/**
 * Writes the published contract files (`npm run generate`). Refuses to overwrite a published schema with
 * an incompatible one: that change needs a new version and an upcaster instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { incompatibleChanges } from './compatibility.js';
import { publishedFiles, SCHEMAS_DIRECTORY } from './published-files.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const files = publishedFiles();

const refusals: string[] = [];
for (const [path, content] of files) {
  const target = join(packageRoot, path);
  if (!path.startsWith(`${SCHEMAS_DIRECTORY}/`) || !existsSync(target)) continue;
  for (const { path: where, problem } of incompatibleChanges(JSON.parse(readFileSync(target, 'utf8')), JSON.parse(content))) {
    refusals.push(`${path}: ${where || '(data)'}: ${problem}`);
  }
}
if (refusals.length > 0) {
  console.error(['Incompatible changes to published schemas; add a new version with an upcaster instead:', ...refusals.map((r) => `  ${r}`)].join('\n'));
  process.exit(1);
}

let written = 0;
for (const [path, content] of files) {
  const target = join(packageRoot, path);
  if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  written += 1;
  console.log(`wrote ${path}`);
}
console.log(`${files.size} published files, ${written} changed`);
