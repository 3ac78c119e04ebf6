// Adds up the jest results of every workspace (each writes .jest-results.json) into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const workspaces = [];
// The workspaces of package.json: `group/*` entries and single folders (bench).
const folders = JSON.parse(readFileSync('package.json', 'utf8')).workspaces.flatMap((entry) =>
  entry.endsWith('/*') ? (existsSync(entry.slice(0, -2)) ? readdirSync(entry.slice(0, -2)).map((name) => join(entry.slice(0, -2), name)) : []) : [entry],
);
for (const folder of folders) {
  const file = join(folder, '.jest-results.json');
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  workspaces.push(`${folder.split('/').pop()} ${result.numPassedTests}/${result.numTotalTests}`);
}
console.log(`\nworkspaces: ${workspaces.join(', ') || 'none ran'}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (workspaces.length === 0 || failed > 0 || skipped > 0) process.exit(1);
