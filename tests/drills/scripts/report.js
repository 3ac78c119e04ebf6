// Renders the counts of the last drill run (tests/drills/.drill-results/*.json) as the markdown table
// of docs/RELIABILITY.md:   npm run report -w @ecab/drills
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '.drill-results');
let files = [];
try {
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
} catch {
  // no run yet
}
if (files.length === 0) {
  console.error('no drill results yet: run `npm test -w @ecab/drills` first');
  process.exit(1);
}
const records = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const statuses = (counts) =>
  Object.entries(counts ?? {})
    .map(([s, n]) => `${s}×${n}`)
    .join(' ') || '–';
const faultStatuses = (r) =>
  Object.entries(r.statuses)
    .filter(([phase]) => !/^(before|after)(:|$)/.test(phase))
    .map(([phase, counts]) => `${phase}: ${statuses(counts)}`)
    .join('; ');

const first = records[0];
console.log(`Run of ${first.date.slice(0, 10)} on ${first.machine.cores} cores (${first.machine.cpu}, ${first.machine.memoryGb} GB).\n`);
console.log(
  '| drill | sent | 201 | stored | on Kafka (copies / unique) | applied | lost | duplicated effects | parked / dead-lettered | answers during the fault | time |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|');
for (const r of records) {
  const c = r.counts;
  console.log(
    `| ${r.drill}: ${r.title} | ${c.sent} | ${c.acknowledged} | ${c.stored} | ${c.onKafka} / ${c.onKafkaUnique} | ${c.applied} | ${c.lost} | ${c.duplicatedEffects} | ${c.parked} / ${c.deadLettered} | ${faultStatuses(r)} | ${(r.durationMs / 1000).toFixed(0)} s |`,
  );
}
console.log('\nNotes per drill:\n');
for (const r of records) console.log(`- ${r.drill}: ${JSON.stringify(r.notes)}`);
