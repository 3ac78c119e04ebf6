// Turns Stryker's JSON report (reports/mutation/mutation.json) into the per-aggregate table of docs/MUTATION.md.
//
//   node infra/mutation/report.mjs [--section latest|before] [--json FILE] [--duration TEXT]
//
// The section's text between its <!-- mutation:SECTION:begin/end --> markers is replaced; the rest of
// docs/MUTATION.md is prose kept by hand. `npm run mutation` (run.mjs) calls this after Stryker with --section latest.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOMAIN_SRC = 'packages/domain/src/';
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

/** Counts per aggregate folder of packages/domain/src, from the report's `files` (paths absolute or relative). */
export function countByAggregate(report) {
  const rows = new Map();
  for (const [path, file] of Object.entries(report.files)) {
    const inDomain = path.replaceAll('\\', '/').split(DOMAIN_SRC)[1];
    if (inDomain === undefined) continue;
    const aggregate = inDomain.split('/')[0];
    const row = rows.get(aggregate) ?? { aggregate, mutants: 0, Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, errors: 0, static: 0, disabled: 0 };
    for (const mutant of file.mutants) {
      row.mutants += 1;
      if (mutant.status in row) row[mutant.status] += 1;
      else if (mutant.status === 'Ignored') row[/static/i.test(mutant.statusReason ?? '') ? 'static' : 'disabled'] += 1;
      else row.errors += 1;
    }
    rows.set(aggregate, row);
  }
  return [...rows.values()].sort((a, b) => a.aggregate.localeCompare(b.aggregate));
}

/** Stryker's mutation score: detected / (detected + undetected); errors and ignored mutants do not count. */
export function score(row) {
  const detected = DETECTED.reduce((sum, status) => sum + row[status], 0);
  const valid = detected + UNDETECTED.reduce((sum, status) => sum + row[status], 0);
  return valid === 0 ? 100 : (100 * detected) / valid;
}

function total(rows) {
  const sum = { aggregate: '**all**', mutants: 0, Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, errors: 0, static: 0, disabled: 0 };
  for (const row of rows) for (const key of Object.keys(sum)) if (key !== 'aggregate') sum[key] += row[key];
  return sum;
}

export function table(rows) {
  const line = (r) =>
    `| ${r.aggregate} | ${r.mutants} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.errors} | ${r.static} | ${r.disabled} | ${score(r).toFixed(2)} % |`;
  return [
    '| aggregate | mutants | killed | timeout | survived | no coverage | errors | static (ignored) | disabled | score |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(line),
    line(total(rows)),
  ].join('\n');
}

function survivors(report) {
  const lines = [];
  for (const [path, file] of Object.entries(report.files)) {
    for (const m of file.mutants.filter((mutant) => UNDETECTED.includes(mutant.status))) {
      const where = `${relative(ROOT, join(ROOT, path)).split(DOMAIN_SRC).pop()}:${m.location.start.line}`;
      lines.push(
        `- \`${where}\` ${m.mutatorName} → \`${String(m.replacement ?? '')
          .replaceAll('\n', ' ')
          .replaceAll('`', "'")
          .slice(0, 80)}\` (${m.status})`,
      );
    }
  }
  return lines.sort();
}

/** The `// Stryker disable` comments in the mutated sources, each with its reason. */
function disabledMutants(report) {
  const found = [];
  for (const path of Object.keys(report.files)) {
    const absolute = join(ROOT, path);
    if (!existsSync(absolute)) continue;
    readFileSync(absolute, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const comment = text.match(/\/\/\s*Stryker disable(?:-next-line| next-line| all)?\s+(.*)$/);
        if (comment) found.push(`- \`${relative(ROOT, absolute).split(DOMAIN_SRC).pop()}:${index + 1}\` ${comment[1]}`);
      });
  }
  return found;
}

function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function strykerVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/@stryker-mutator/core/package.json'), 'utf8')).version;
}

export function section(report, { date, duration, withSurvivors }) {
  const rows = countByAggregate(report);
  const lines = [
    `Run on ${date} — ${machine()} — Stryker ${strykerVersion()} (jest runner, perTest coverage, concurrency 1)${duration ? ` — took ${duration}` : ''}.`,
    '',
    table(rows),
  ];
  if (withSurvivors) {
    const left = survivors(report);
    const disabled = disabledMutants(report);
    lines.push('', `Mutants disabled in the sources (${disabled.length}):`, '', ...(disabled.length ? disabled : ['- none']));
    lines.push('', `<details><summary>Surviving and uncovered mutants (${left.length})</summary>`, '', ...left, '', '</details>');
  }
  return lines.join('\n');
}

export function writeSection(markdown, name, body) {
  const begin = `<!-- mutation:${name}:begin -->`;
  const end = `<!-- mutation:${name}:end -->`;
  const from = markdown.indexOf(begin);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) return `${markdown.trimEnd()}\n\n${begin}\n${body}\n${end}\n`;
  return `${markdown.slice(0, from + begin.length)}\n${body}\n${markdown.slice(to)}`;
}

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const jsonPath = resolve(ROOT, argument('json', 'reports/mutation/mutation.json'));
  const name = argument('section', 'latest');
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const date = statSync(jsonPath).mtime.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const docPath = join(ROOT, 'docs/MUTATION.md');
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Mutation testing\n';
  writeFileSync(docPath, writeSection(doc, name, section(report, { date, duration: argument('duration'), withSurvivors: name === 'latest' })));
  console.log(`docs/MUTATION.md (${name}):\n${table(countByAggregate(report))}`);
}
