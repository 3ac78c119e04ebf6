// `npm run mutation`: Stryker over the domain's aggregates (stryker.config.mjs), then the per-aggregate table in
// docs/MUTATION.md (report.mjs). `--force` goes to Stryker (re-test every mutant, not only the changed ones); other
// arguments go to report.mjs (e.g. `-- --section before`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const forStryker = args.filter((arg) => arg === '--force');
const forReport = args.filter((arg) => arg !== '--force');
const started = Date.now();
const stryker = spawnSync(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...forStryker], {
  cwd: root,
  stdio: 'inherit',
});
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const minutes = Math.round((Date.now() - started) / 60_000);
const report = spawnSync(process.execPath, [join(root, 'infra/mutation/report.mjs'), '--duration', `${minutes} min`, ...forReport], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(report.status ?? 1);
