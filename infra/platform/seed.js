// Seeds the ECAB demo portfolio through the same HTTP commands a program manager sends, so every
// seeded fact is a real event. Runs once: a project already registered is left as it is.
// Facts come from docs/DOMAIN.md: the programme (names, clusters, baselines, the 12th
// Intergovernmental Council), the organisations, KZT and KGS exchange rates on the seed's money dates
// (illustrative) and the 17 seed projects with their status, financing and key indicator. Every sourced value carries its source and confidence; the values
// docs/DOMAIN.md marks [ILLUSTRATIVE] (and the dates it does not give, which the lifecycle needs) are
// recorded with confidence "illustrative", so that they can be kept out of partner feeds and IATI.
// Each command carries an Idempotency-Key: a seed interrupted half-way is resumed by running it again.
// Run by `npm start` after the apps are up (as the admin it created), or on its own: `npm run seed`
// (API_URL, default :3001; ECAB_TOKEN, or ECAB_ADMIN_USERNAME + ECAB_ADMIN_PASSWORD, or else the admin
// and the password `npm start` keeps in .data/auth/admin-password).
// Every command of one run carries a W3C traceparent of the run's trace, so the seeded events carry it
// (metadata.traceparent, the ce_traceparent Kafka header) like any traced client's.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ADMIN_PASSWORD_FILE, adminAuthorization, generatedAdminPassword, ROOT, SeedCredentialsError } from './admin-credentials.js';

export { adminAuthorization, SeedCredentialsError };

const both = (kz, kg) => [
  { code: 'KZ', percentage: kz },
  { code: 'KG', percentage: kg },
];
const only = (code) => [{ code, percentage: 100 }];

export const ECAB_SEED_PROJECTS = [
  { id: 'ECAB-TR-01', cluster: 'transport', countries: both(59.4, 40.6), title: 'Almaty–Issyk-Kul road: feasibility study' },
  { id: 'ECAB-TR-01b', cluster: 'transport', countries: both(59.4, 40.6), title: 'Almaty–Issyk-Kul road: PPP construction' },
  { id: 'ECAB-TR-02', cluster: 'transport', countries: only('KG'), title: 'ABEC Regional Improvement of Border Services (ADB 54439-001)' },
  { id: 'ECAB-TR-03', cluster: 'transport', countries: only('KZ'), title: 'Joint border checkpoint modernisation roadmap 2024–2027' },
  { id: 'ECAB-TR-04', cluster: 'transport', countries: both(50, 50), title: 'Almaty–Bishkek electric bus' },
  { id: 'ECAB-AG-01', cluster: 'agribusiness', countries: both(50, 50), title: 'Industrial Trade and Logistics Complex Karasu / Ak-Tilek' },
  { id: 'ECAB-AG-02', cluster: 'agribusiness', countries: only('KZ'), title: '"Alatau" industrial zone, Zhambyl' },
  { id: 'ECAB-AG-03', cluster: 'agribusiness', countries: both(50, 50), title: 'Wholesale market master plans' },
  { id: 'ECAB-AG-04', cluster: 'agribusiness', countries: both(50, 50), title: 'Agricultural supplies roadmap and SPS laboratory twinning' },
  { id: 'ECAB-TO-01', cluster: 'tourism', countries: both(50, 50), title: 'ABEC Tourism Master Plan (2019) and green update' },
  { id: 'ECAB-TO-02', cluster: 'tourism', countries: only('KG'), title: 'Issyk-Kul environmental management and sustainable tourism' },
  { id: 'ECAB-TO-03', cluster: 'tourism', countries: both(60, 40), title: 'Joint mountain-tourism cluster' },
  { id: 'ECAB-AQ-01', cluster: 'air-quality', countries: only('KG'), title: 'Air-quality sensor network, Bishkek' },
  { id: 'ECAB-AQ-02', cluster: 'air-quality', countries: both(50, 50), title: 'Joint air-quality data platform' },
  { id: 'ECAB-HE-01', cluster: 'health', countries: only('KG'), title: 'Strengthening Regional Health Security (ADB 55131-001)' },
  { id: 'ECAB-HE-02', cluster: 'health', countries: both(50, 50), title: 'Cross-border laboratory-results exchange' },
  { id: 'ECAB-CL-01', cluster: 'climate', countries: both(50, 50), title: 'Corridor climate and disaster-risk assessment' },
];

const source = (citation, confidence, date) => ({ citation, confidence, ...(date ? { date } : {}) });
const SEED_TABLE = 'docs/DOMAIN.md §5 seed table';
const illustrative = (what) => source(`${SEED_TABLE}: ${what} [ILLUSTRATIVE]`, 'illustrative');
const ALL_CLUSTERS = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'];
const ADB = { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' };

/** The programme itself: names, clusters, programme-level targets and observations, governance. */
export const ECAB_PROGRAMME_ID = 'ECAB';
const programmeSteps = [
  [
    'POST',
    '/api/v1/programmes',
    {
      programmeId: ECAB_PROGRAMME_ID,
      names: { en: 'Economic Corridor Almaty–Bishkek', ru: 'Экономический коридор Алматы–Бишкек' },
      aliases: ['ABEC', 'ABCI'],
      clusters: ALL_CLUSTERS,
      effectiveDate: '2014-11-06',
    },
  ],
  ['POST', `/api/v1/programmes/${ECAB_PROGRAMME_ID}/targets`, { kpi: 'bilateral-trade-usd', unit: 'USD', value: '3000000000', year: 2030, source: source('IGC, Dec 2024; silkway.news; silkwaytv.kz', 'unconfirmed', '2024-12-05') }],
  ['POST', `/api/v1/programmes/${ECAB_PROGRAMME_ID}/kpi-observations`, { kpi: 'bilateral-trade-usd', unit: 'USD', value: '1600000000', year: 2023, source: source('silkway.news; silkwaytv.kz', 'unconfirmed') }],
  [
    'POST',
    `/api/v1/programmes/${ECAB_PROGRAMME_ID}/kpi-observations`,
    { kpi: 'border-crossings-per-day', unit: 'people/day', value: '30000', year: 2022, source: source('development.asia: "more than 30,000 people/day" (a lower bound; the year is not stated, 2022 assumed)', 'unconfirmed') },
  ],
  [
    'POST',
    `/api/v1/programmes/${ECAB_PROGRAMME_ID}/kpi-observations`,
    { kpi: 'almaty-bishkek-trip-hours', unit: 'hours', value: '4', year: 2022, source: source('development.asia: "often more than 4 h, because of the BCPs" (the year is not stated, 2022 assumed)', 'unconfirmed') },
  ],
  [
    'POST',
    `/api/v1/programmes/${ECAB_PROGRAMME_ID}/governance-meetings`,
    {
      id: 'IGC-12',
      body: 'igc',
      meetingNumber: 12,
      date: '2024-12-05',
      place: 'Bishkek',
      decisions: [
        { decisionId: 'IGC12-ROAD-FS', text: 'ADB-grant feasibility study for the 280 km Almaty–Issyk-Kul road', kind: 'protocol' },
        { decisionId: 'IGC12-BCP-ROADMAP', text: 'Roadmap for seven joint border checkpoints', kind: 'roadmap' },
        { decisionId: 'IGC12-ITLC', text: 'Industrial Trade and Logistics Complex at Karasu / Ak-Tilek', kind: 'protocol' },
        { decisionId: 'IGC12-ALATAU', text: '"Alatau" industrial zone', kind: 'protocol' },
      ],
      source: source('trend.az, 4 Dec 2024; 24.kg, 5 Dec 2024', 'confirmed', '2024-12-05'),
    },
  ],
];

/** The reference organisations docs/DOMAIN.md gives identifiers for. */
const organisationSteps = [
  ['POST', '/api/v1/organisations', { organisationId: 'XM-DAC-46004', names: { en: 'Asian Development Bank' }, iatiOrgId: 'XM-DAC-46004', type: '40' }],
  ['POST', '/api/v1/organisations', { organisationId: 'XM-DAC-44000', names: { en: 'World Bank' }, iatiOrgId: 'XM-DAC-44000', type: '40' }],
];

/**
 * Exchange rates (US dollars per unit) of the corridor's two currencies on the value dates of the seed's
 * money, so that USD equivalents of tenge and som amounts have a rate to use. The figures are rounded
 * from memory of the official rates of the National Bank of Kazakhstan and the National Bank of the
 * Kyrgyz Republic, not read from their publications: they are recorded as illustrative, to be replaced
 * (a correction names the rate it replaces) by the official figure.
 */
const SEED_RATE_DATES = {
  '2017-12-15': { KZT: '0.002985', KGS: '0.01437' },
  '2018-06-01': { KZT: '0.002933', KGS: '0.01464' },
  '2023-01-15': { KZT: '0.002160', KGS: '0.01167' },
  '2023-03-01': { KZT: '0.002257', KGS: '0.01144' },
  '2023-06-01': { KZT: '0.002242', KGS: '0.01143' },
  '2024-03-01': { KZT: '0.002222', KGS: '0.01119' },
  '2025-03-01': { KZT: '0.002000', KGS: '0.01144' },
};
const rateSource = (bank) => source(`${bank} official rate, rounded from memory, not read from its publication [ILLUSTRATIVE]`, 'illustrative');
const exchangeRateSteps = [
  [
    'POST',
    '/api/v1/reference/exchange-rates',
    {
      rates: Object.entries(SEED_RATE_DATES).flatMap(([date, { KZT, KGS }]) => [
        { currency: 'KZT', date, usdPerUnit: KZT, source: rateSource('National Bank of Kazakhstan') },
        { currency: 'KGS', date, usdPerUnit: KGS, source: rateSource('National Bank of the Kyrgyz Republic') },
      ]),
    },
  ],
];

/** A financing agreement and its commitment, in USD, with the source of the figure. */
function financing(projectId, n, { instrument, amount, signedDate, source: why, financier = ADB, number }) {
  const agreementId = `${projectId}-F${n}`;
  const codes = { grant: ['110', 'C01'], loan: ['421', 'C01'], ta: ['110', 'D02'] }[instrument];
  return [
    [
      'POST',
      `/api/v1/projects/${projectId}/agreements`,
      {
        id: agreementId,
        agreementNumber: number ?? `${agreementId} (number not in the seed source)`,
        financier,
        instrument,
        financeType: codes[0],
        flowType: '10',
        aidType: codes[1],
        amount,
        currency: 'USD',
        signedDate,
        source: why,
      },
    ],
    ['POST', `/api/v1/agreements/${agreementId}/commitments`, { id: `${agreementId}-C1`, amount, currency: 'USD', valueDate: signedDate, source: why }],
  ];
}

/**
 * The IATI status the seed table gives, reached through the legal lifecycle. docs/DOMAIN.md gives no
 * approval, start or end dates for most projects: the ones used here are illustrative and say so.
 */
function lifecycle(projectId, status, dates = {}) {
  if (status === '1') return [];
  const approval = dates.approval ?? '2023-06-01';
  const start = dates.start ?? '2023-09-01';
  const end = dates.end ?? '2025-06-30';
  const dated = (what, date, given) => (given ? source(`${SEED_TABLE}: ${what}`, 'unconfirmed') : illustrative(`${what} ${date}`));
  const steps = [
    ['POST', `/api/v1/projects/${projectId}/approval`, { approvalDate: approval, source: dated('approval date', approval, dates.approval) }],
    ['POST', `/api/v1/projects/${projectId}/dates`, { dateType: '2', date: start, source: dated('actual start', start, dates.start) }],
    ['POST', `/api/v1/projects/${projectId}/status`, { status: '2', effectiveDate: start }],
  ];
  if (status === '3' || status === '4') steps.push(['POST', `/api/v1/projects/${projectId}/status`, { status: '3', effectiveDate: end }]);
  if (status === '4') {
    steps.push(['POST', `/api/v1/projects/${projectId}/dates`, { dateType: '4', date: end, source: dated('actual end', end, dates.end) }]);
    steps.push(['POST', `/api/v1/projects/${projectId}/status`, { status: '4', effectiveDate: end }]);
  }
  return steps;
}

/** The project's key indicator from the seed table: one outcome, its indicator, baseline and target. */
function keyIndicator(projectId, { result, indicator, unit, baseline, baselineYear, target, targetYear, why }) {
  return [
    ['POST', `/api/v1/projects/${projectId}/results`, { id: 'KEY', resultType: '2', title: result }],
    ['POST', `/api/v1/projects/${projectId}/results/KEY/indicators`, { id: 'KEY-1', title: indicator, measure: '1', ascending: true, unit }],
    ['PUT', `/api/v1/projects/${projectId}/indicators/KEY-1/baseline`, { year: baselineYear, value: baseline, source: why }],
    ['POST', `/api/v1/projects/${projectId}/indicators/KEY-1/targets`, { period: { start: `${targetYear}-01-01`, end: `${targetYear}-12-31` }, value: target }],
  ];
}

/** What the seed records for each project after its registration (docs/DOMAIN.md §5). */
export const ECAB_SEED_DETAILS = {
  'ECAB-TR-01': [
    ...lifecycle('ECAB-TR-01', '2', { approval: '2024-12-05' }),
    ...financing('ECAB-TR-01', 1, { instrument: 'grant', amount: '1500000.00', signedDate: '2025-03-01', source: illustrative('ADB grant, 1.5m, signing date') }),
    ...keyIndicator('ECAB-TR-01', { result: 'Feasibility study of the Almaty–Issyk-Kul road approved', indicator: 'Feasibility study approved', unit: 'studies', baseline: '0', baselineYear: 2024, target: '1', targetYear: 2026, why: source(`${SEED_TABLE}; inform.kz, 21 Jan 2026`, 'unconfirmed') }),
  ],
  'ECAB-TR-02': [
    ...financing('ECAB-TR-02', 1, { instrument: 'grant', amount: '24000000.00', signedDate: '2023-01-15', source: source('adb.org project 54439-001: ADF grant 24m (signing date not in the seed source)', 'unconfirmed') }),
    ...financing('ECAB-TR-02', 2, { instrument: 'loan', amount: '13000000.00', signedDate: '2023-01-15', source: source('adb.org project 54439-001: concessional loan 13m (signing date not in the seed source)', 'unconfirmed') }),
    ...keyIndicator('ECAB-TR-02', { result: 'Border crossing points rebuilt', indicator: 'BCPs built', unit: 'BCPs', baseline: '0', baselineYear: 2022, target: '3', targetYear: 2028, why: source('adb.org project 54439-001', 'unconfirmed') }),
  ],
  'ECAB-TR-03': lifecycle('ECAB-TR-03', '2', { start: '2024-01-01' }),
  'ECAB-AG-01': lifecycle('ECAB-AG-01', '2', { approval: '2023-06-09' }),
  'ECAB-AG-02': lifecycle('ECAB-AG-02', '2'),
  'ECAB-AG-03': [
    ...lifecycle('ECAB-AG-03', '4', { approval: '2017-12-15', start: '2018-01-15', end: '2018-12-31' }),
    ...financing('ECAB-AG-03', 1, { instrument: 'ta', amount: '400000.00', signedDate: '2017-12-15', source: illustrative('ADB TA, 0.4m, signing date') }),
  ],
  'ECAB-TO-01': [
    ...lifecycle('ECAB-TO-01', '3', { end: '2026-02-28' }),
    ...financing('ECAB-TO-01', 1, { instrument: 'ta', amount: '600000.00', signedDate: '2018-06-01', source: illustrative('ADB TA, 0.6m, signing date') }),
  ],
  'ECAB-TO-02': [
    ...lifecycle('ECAB-TO-02', '2'),
    ...financing('ECAB-TO-02', 1, { instrument: 'loan', amount: '25000000.00', signedDate: '2023-06-01', source: source(`${SEED_TABLE}: concessional loan 25m (signing date not in the seed source)`, 'unconfirmed') }),
    ...financing('ECAB-TO-02', 2, { instrument: 'grant', amount: '31000000.00', signedDate: '2023-06-01', source: source(`${SEED_TABLE}: ADF grant 31m (signing date not in the seed source)`, 'unconfirmed') }),
    ...keyIndicator('ECAB-TO-02', { result: 'Wastewater of the Issyk-Kul shore treated', indicator: 'Wastewater treatment capacity', unit: 'm3/day', baseline: '0', baselineYear: 2023, target: '14200', targetYear: 2029, why: source(SEED_TABLE, 'unconfirmed') }),
  ],
  'ECAB-AQ-01': [
    ...lifecycle('ECAB-AQ-01', '4', { end: '2024-12-31' }),
    ...financing('ECAB-AQ-01', 1, { instrument: 'ta', amount: '250000.00', signedDate: '2023-03-01', source: illustrative('ADB, 0.25m, signing date') }),
    ...keyIndicator('ECAB-AQ-01', { result: 'Bishkek air quality measured', indicator: 'Sensors installed', unit: 'sensors', baseline: '0', baselineYear: 2023, target: '50', targetYear: 2024, why: source('almaty-bishkek.org', 'unconfirmed') }),
  ],
  'ECAB-HE-01': [
    ...lifecycle('ECAB-HE-01', '2'),
    ...financing('ECAB-HE-01', 1, { instrument: 'grant', amount: '20000000.00', signedDate: '2023-03-01', source: source('adb.org project 55131-001: grant 20m (signing date not in the seed source)', 'unconfirmed') }),
    ...financing('ECAB-HE-01', 2, { instrument: 'loan', amount: '10000000.00', signedDate: '2023-03-01', source: source('adb.org project 55131-001: concessional loan 10m (signing date not in the seed source)', 'unconfirmed') }),
    ...keyIndicator('ECAB-HE-01', { result: 'Regional laboratories upgraded', indicator: 'Laboratories upgraded', unit: 'labs', baseline: '0', baselineYear: 2023, target: '21', targetYear: 2028, why: source('adb.org project 55131-001', 'unconfirmed') }),
  ],
  'ECAB-CL-01': [
    ...lifecycle('ECAB-CL-01', '2'),
    ...financing('ECAB-CL-01', 1, { instrument: 'ta', amount: '800000.00', signedDate: '2024-03-01', source: illustrative('ADB TA, 0.8m, signing date') }),
  ],
};

/** A W3C trace context: one trace per seed run, one span per command. */
const newTraceId = () => randomBytes(16).toString('hex');
const traceparentOf = (traceId) => `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

async function send(apiUrl, headers, [method, path, body], key, traceId) {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'seed-ecab-demo-portfolio', 'idempotency-key': key, traceparent: traceparentOf(traceId), ...headers },
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

export async function seed({ apiUrl, log = console.log, headers = {}, traceId = newTraceId() }) {
  // The programme and the organisations first: once, like the projects.
  const programme = await send(apiUrl, headers, programmeSteps[0], 'seed:programme:0', traceId);
  if (programme.status === 201) {
    await run(apiUrl, headers, programmeSteps, 'seed:programme', traceId);
    await run(apiUrl, headers, organisationSteps, 'seed:organisations', traceId);
    await run(apiUrl, headers, exchangeRateSteps, 'seed:exchange-rates', traceId);
  } else if (programme.status !== 409) {
    throw new Error(`seed: registering the programme failed with ${programme.status}: ${programme.text}`);
  }

  let registered = 0;
  let present = 0;
  let details = 0;
  for (const project of ECAB_SEED_PROJECTS) {
    const registration = await send(apiUrl, headers, ['POST', '/api/v1/projects', project], `seed:${project.id}:register`, traceId);
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
    await run(apiUrl, headers, steps, `seed:${project.id}`, traceId);
    details += steps.length;
  }
  log(
    `ECAB demo portfolio: ${registered} projects registered, ${present} already there (${ECAB_SEED_PROJECTS.length} in the seed)` +
      (registered > 0 ? `; programme, organisations and ${details} project commands (lifecycle, financing, key indicators)` : ''),
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
    else throw new SeedCredentialsError(`npm run seed needs ECAB_TOKEN, ECAB_ADMIN_PASSWORD, or ${path.relative(ROOT, ADMIN_PASSWORD_FILE)} (npm start writes it)`);
    await seed({ apiUrl, headers });
  } catch (error) {
    const reachable = error?.cause?.code !== 'ECONNREFUSED';
    console.error(`npm run seed: ${reachable ? error.message : `nothing answers at ${apiUrl} (is the platform running? npm start)`}`);
    process.exit(error instanceof SeedCredentialsError || !reachable ? 2 : 1);
  }
}
