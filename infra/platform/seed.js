// Seeds the ECAB demo portfolio through the same HTTP commands a program manager sends, so every
// seeded fact is a real event. Runs once: a project already registered is left as it is.
// What it records, and the public source of each value, is in seed-data.js, seed-programme.js and seed-sources.js: the
// programme (names, clusters, the bilateral-trade target and observations, the 12th Intergovernmental
// Council and its decisions), the organisations, KZT and KGS exchange rates on the seed's money dates
// (illustrative) and the 17 projects with their status, financing, milestones and key indicator; then, in
// seed-publication.js, each project's DAC sectors and the participants the sources name, and the publication (IATI
// identifier `<IATI_REPORTING_ORG_REF>-<projectId>`) of the projects whose sourced facts pass the IATI ruleset. Every value
// carries its source and the confidence that source supports; a value no public source gives is recorded
// with confidence "illustrative", so that it can be kept out of partner feeds and IATI.
// Each command carries an Idempotency-Key: a seed interrupted half-way is resumed by running it again. The
// keys carry the seed's data version (SEED_VERSION): a seed whose data changed does not replay an older
// seed's keys, and finds what an older seed registered already there (left as it is).
// Run by `npm start` after the apps are up (as the admin it created), or on its own: `npm run seed`
// (API_URL, default :3001; ECAB_TOKEN, or ECAB_ADMIN_USERNAME + ECAB_ADMIN_PASSWORD, or else the admin
// and the password `npm start` keeps in .data/auth/admin-password).
// Every command of one run carries a W3C traceparent of the run's trace, so the seeded events carry it
// (metadata.traceparent, the ce_traceparent Kafka header) like any traced client's.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ADMIN_PASSWORD_FILE, adminAuthorization, generatedAdminPassword, ROOT, SeedCredentialsError } from './admin-credentials.js';
import { ECAB_SEED_DETAILS, ECAB_SEED_PROJECTS } from './seed-data.js';
import { exchangeRateSteps, organisationSteps, programmeSteps } from './seed-programme.js';
import { publicationSteps, reportingOrgRefFrom } from './seed-publication.js';

export { ECAB_SEED_DETAILS, ECAB_SEED_PROJECTS } from './seed-data.js';
export { ECAB_PROGRAMME_ID } from './seed-programme.js';
export { DEFAULT_REPORTING_ORG_REF, ECAB_SEED_PUBLISHED } from './seed-publication.js';

/** The version of the seed's data, in every idempotency key: v2 cites public sources (issue 9 §4). */
export const SEED_VERSION = 'v3';
const key = (rest) => `seed-${SEED_VERSION}:${rest}`;

export { adminAuthorization, SeedCredentialsError };

/** A W3C trace context: one trace per seed run, one span per command. */
const newTraceId = () => randomBytes(16).toString('hex');
const traceparentOf = (traceId) => `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

async function send(apiUrl, headers, [method, path, body], key, traceId) {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-correlation-id': 'seed-ecab-demo-portfolio',
      'idempotency-key': key,
      traceparent: traceparentOf(traceId),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', text };
}

async function run(apiUrl, headers, steps, keyPrefix, traceId) {
  for (const [index, step] of steps.entries()) {
    const answer = await send(apiUrl, headers, step, `${keyPrefix}:${index}`, traceId);
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`seed: ${step[0]} ${step[1]} failed with ${answer.status}: ${answer.text}`);
  }
}

/** `reportingOrgRef`: the ref the IATI file's reporting organisation has (IATI_REPORTING_ORG_REF, as the reporting app reads it). */
export async function seed({ apiUrl, log = console.log, headers = {}, traceId = newTraceId(), reportingOrgRef = reportingOrgRefFrom(process.env) }) {
  // The programme and the organisations first: once, like the projects.
  const programme = await send(apiUrl, headers, programmeSteps[0], key('programme:0'), traceId);
  if (programme.status === 201) {
    await run(apiUrl, headers, programmeSteps, key('programme'), traceId);
    await run(apiUrl, headers, organisationSteps, key('organisations'), traceId);
    await run(apiUrl, headers, exchangeRateSteps, key('exchange-rates'), traceId);
  } else if (programme.status !== 409) {
    throw new Error(`seed: registering the programme failed with ${programme.status}: ${programme.text}`);
  }

  let registered = 0;
  let present = 0;
  let details = 0;
  for (const project of ECAB_SEED_PROJECTS) {
    const registration = await send(apiUrl, headers, ['POST', '/api/v1/projects', project], key(`${project.id}:register`), traceId);
    if (registration.status === 409) {
      // Registered before, by someone else or by a seed without idempotency keys: left as it is.
      present += 1;
      continue;
    }
    if (registration.status !== 201) throw new Error(`registering ${project.id} failed with ${registration.status}: ${registration.text}`);
    if (registration.replayed) present += 1;
    else registered += 1;
    // Replayed by this seed earlier: its remaining steps answer as before or complete what was interrupted.
    const steps = ECAB_SEED_DETAILS[project.id] ?? [];
    await run(apiUrl, headers, steps, key(project.id), traceId);
    // Keyed apart from the details, so that a portfolio seeded before these steps existed gets them on a re-run.
    const publication = publicationSteps(project.id, reportingOrgRef);
    await run(apiUrl, headers, publication, key(`${project.id}:publication`), traceId);
    details += steps.length + publication.length;
  }
  log(
    `ECAB demo portfolio: ${registered} projects registered, ${present} already there (${ECAB_SEED_PROJECTS.length} in the seed)` +
      (registered > 0
        ? `; programme, organisations and ${details} project commands (lifecycle, financing, milestones, key indicators, sectors, participants, publication)`
        : ''),
  );
  return { registered, present };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3001';
  const { ECAB_TOKEN: token, ECAB_ADMIN_USERNAME: username = 'admin', ECAB_ADMIN_PASSWORD: password } = process.env;
  try {
    let headers;
    if (token) headers = { authorization: `Bearer ${token}` };
    else if (password || generatedAdminPassword()) headers = await adminAuthorization(apiUrl, username, password, generatedAdminPassword());
    else
      throw new SeedCredentialsError(
        `npm run seed needs ECAB_TOKEN, ECAB_ADMIN_PASSWORD, or ${path.relative(ROOT, ADMIN_PASSWORD_FILE)} (npm start writes it)`,
      );
    await seed({ apiUrl, headers });
  } catch (error) {
    const reachable = error?.cause?.code !== 'ECONNREFUSED';
    console.error(`npm run seed: ${reachable ? error.message : `nothing answers at ${apiUrl} (is the platform running? npm start)`}`);
    process.exit(error instanceof SeedCredentialsError || !reachable ? 2 : 1);
  }
}
