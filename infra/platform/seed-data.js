// What the demo-portfolio seed records: the programme, the organisations, exchange rates and the 17 projects,
// each value with the public source it comes from (seed-sources.js) and the confidence that source supports.
import { ADB_PAGES, ABEC_SITE, DEVELOPMENT_ASIA, IGC12, ITLC_LAW, ROAD_AND_CHECKPOINTS_2026, illustrative, source } from './seed-sources.js';

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

const ALL_CLUSTERS = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'];
const ADB = { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' };
const igc = (what, ...citations) => source(`${what} — ${citations.join('; ')}`, 'confirmed', IGC12.date);

/** The programme itself: names, clusters, programme-level targets and observations, governance. */
export const ECAB_PROGRAMME_ID = 'ECAB';
const programme = (path, body) => ['POST', `/api/v1/programmes/${ECAB_PROGRAMME_ID}/${path}`, body];
export const programmeSteps = [
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
  programme('targets', {
    kpi: 'bilateral-trade-usd',
    unit: 'USD',
    value: '3000000000',
    year: 2030,
    source: igc('the heads of state set mutual trade of $3bn by 2030', IGC12.silkway, IGC12.kg24, IGC12.daryo),
  }),
  // Kazakhstan's Prime Minister gives $1.6bn (+26%) for 2023; Kyrgyzstan's government gave $1.317bn in Apr 2024: unconfirmed.
  programme('kpi-observations', {
    kpi: 'bilateral-trade-usd',
    unit: 'USD',
    value: '1600000000',
    year: 2023,
    source: source(`${IGC12.silkway} (KZ figure; 24.kg, 9 Apr 2024, quotes KG's $1.317bn for 2023)`, 'unconfirmed', IGC12.date),
  }),
  programme('kpi-observations', {
    kpi: 'bilateral-trade-usd-jan-sep',
    unit: 'USD',
    value: '1200000000',
    date: '2024-09-30',
    source: igc('trade in the first nine months of 2024 "surpassed $1.2bn" (a lower bound)', IGC12.daryo, IGC12.silkway),
  }),
  programme('kpi-observations', {
    kpi: 'bilateral-trade-growth-jan-sep-pct',
    unit: '%',
    value: '1.6',
    date: '2024-09-30',
    source: igc('first nine months of 2024 against the same period of 2023', IGC12.daryo),
  }),
  programme('kpi-observations', {
    kpi: 'border-crossings-per-day',
    unit: 'people/day',
    value: '30000',
    year: 2022,
    source: source(`${DEVELOPMENT_ASIA}: "more than 30,000 people/day" (a lower bound; the year is not stated, 2022 assumed)`, 'unconfirmed'),
  }),
  programme('kpi-observations', {
    kpi: 'almaty-bishkek-trip-hours',
    unit: 'hours',
    value: '4',
    year: 2022,
    source: source(`${DEVELOPMENT_ASIA}: "often more than 4 h, because of the BCPs" (the year is not stated, 2022 assumed)`, 'unconfirmed'),
  }),
  programme('governance-meetings', {
    id: 'IGC-12',
    body: 'igc',
    meetingNumber: 12,
    date: IGC12.date,
    place: 'Bishkek',
    decisions: [
      {
        decisionId: 'IGC12-ROAD-FS',
        text: 'ADB-grant feasibility study of the 280 km road Almaty – Uzynagash – Kastek – Mikhailovka – Cholpon-Ata',
        kind: 'protocol',
      },
      {
        decisionId: 'IGC12-BCP-ROADMAP',
        text: 'Roadmap for seven joint road checkpoints; Kazakhstan to introduce automated control and inspection systems at them',
        kind: 'roadmap',
      },
      { decisionId: 'IGC12-ITLC', text: 'Industrial Trade and Logistics Complex at Karasu / Ak-Tilek: land plots allocated', kind: 'protocol' },
      { decisionId: 'IGC12-ALATAU', text: '"Alatau" regional industrial zone, Zhambyl region', kind: 'protocol' },
      { decisionId: 'IGC12-AGRI-ROADMAP', text: 'Roadmap to increase mutual supplies of agricultural products, signed', kind: 'roadmap' },
      { decisionId: 'IGC12-TOURISM-MOU', text: 'Memorandum of cooperation in tourism, signed', kind: 'memorandum' },
      {
        decisionId: 'IGC12-ISSYK-KUL-RESORTS',
        text: "Agreement reached on settling Kazakhstan's ownership rights to resort and recreational facilities in the Issyk-Kul region",
        kind: 'other',
      },
    ],
    source: igc('12th Intergovernmental Council, Bishkek', IGC12.trend, IGC12.daryo, IGC12.silkway, IGC12.kg24),
  }),
];

/** The reference organisations with IATI identifiers (IATI organisation registry, DAC channel codes). */
export const organisationSteps = [
  ['POST', '/api/v1/organisations', { organisationId: 'XM-DAC-46004', names: { en: 'Asian Development Bank' }, iatiOrgId: 'XM-DAC-46004', type: '40' }],
  ['POST', '/api/v1/organisations', { organisationId: 'XM-DAC-44000', names: { en: 'World Bank' }, iatiOrgId: 'XM-DAC-44000', type: '40' }],
];

/**
 * Exchange rates (US dollars per unit) of the corridor's two currencies on the value dates of the seed's
 * money, so that USD equivalents of tenge and som amounts have a rate to use. Rounded from memory of the
 * official rates of the National Bank of Kazakhstan and the National Bank of the Kyrgyz Republic, not read
 * from their publications: illustrative, to be replaced (a correction names the rate it replaces).
 */
const SEED_RATE_DATES = {
  '2017-12-15': { KZT: '0.002985', KGS: '0.01437' },
  '2018-06-01': { KZT: '0.002933', KGS: '0.01464' },
  '2023-01-15': { KZT: '0.002160', KGS: '0.01167' },
  '2023-03-01': { KZT: '0.002257', KGS: '0.01144' },
  '2023-06-01': { KZT: '0.002242', KGS: '0.01143' },
  '2024-09-01': { KZT: '0.002083', KGS: '0.01176' },
  '2025-03-01': { KZT: '0.002000', KGS: '0.01144' },
};
const rateSource = (bank) => source(`${bank} official rate, rounded from memory, not read from its publication [ILLUSTRATIVE]`, 'illustrative');
export const exchangeRateSteps = [
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
        agreementNumber: number ?? `${agreementId} (number not published)`,
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
/** An agreement whose amount a source gives but whose signing date none does: the record is illustrative. */
const sourcedAmount = (what, citation) =>
  source(`${what} (${citation}); the signing date is not published, the seed's is made up [ILLUSTRATIVE]`, 'illustrative');

/**
 * The IATI status reached through the legal lifecycle: approval, then the actual start (never before the
 * approval nor before the project's first agreement is signed), then the status. A date without a source
 * is illustrative and says so.
 */
function lifecycle(projectId, status, dates = {}) {
  if (status === '1') return [];
  const { approval = '2023-06-01', start = '2023-09-01', end = '2025-06-30' } = dates;
  const dated = (what, date, given) => given ?? illustrative(`${what} ${date}`);
  const steps = [];
  if (approval)
    steps.push(['POST', `/api/v1/projects/${projectId}/approval`, { approvalDate: approval, source: dated('approval date', approval, dates.approvalSource) }]);
  steps.push(['POST', `/api/v1/projects/${projectId}/dates`, { dateType: '2', date: start, source: dated('actual start', start, dates.startSource) }]);
  steps.push(['POST', `/api/v1/projects/${projectId}/status`, { status: '2', effectiveDate: start }]);
  if (status === '3' || status === '4') steps.push(['POST', `/api/v1/projects/${projectId}/status`, { status: '3', effectiveDate: end }]);
  if (status === '4') {
    steps.push(['POST', `/api/v1/projects/${projectId}/dates`, { dateType: '4', date: end, source: dated('actual end', end, dates.endSource) }]);
    steps.push(['POST', `/api/v1/projects/${projectId}/status`, { status: '4', effectiveDate: end }]);
  }
  return steps;
}

/**
 * The project's key indicator: one outcome, its indicator, baseline and target. `definedOn` dates the
 * framework (by default the day it is seeded); a project that has ended takes nothing new after its end,
 * so its framework is dated to its approval, when a design and monitoring framework is agreed.
 */
function keyIndicator(projectId, { result, indicator, unit, baseline, baselineYear, target, targetYear, why, definedOn }) {
  const dated = definedOn ? { effectiveDate: definedOn } : {};
  return [
    ['POST', `/api/v1/projects/${projectId}/results`, { id: 'KEY', resultType: '2', title: result, ...dated }],
    ['POST', `/api/v1/projects/${projectId}/results/KEY/indicators`, { id: 'KEY-1', title: indicator, measure: '1', ascending: true, unit, ...dated }],
    ['PUT', `/api/v1/projects/${projectId}/indicators/KEY-1/baseline`, { year: baselineYear, value: baseline, source: why, ...dated }],
    [
      'POST',
      `/api/v1/projects/${projectId}/indicators/KEY-1/targets`,
      { period: { start: `${targetYear}-01-01`, end: `${targetYear}-12-31` }, value: target, ...dated },
    ],
  ];
}

/** A milestone that happened: planned on the date it was achieved, with its source. */
function achieved(projectId, id, { category, title, date, why }) {
  return [
    ['POST', `/api/v1/projects/${projectId}/milestones`, { id, category, ...(title ? { title } : {}), baselineDate: date, source: why }],
    ['POST', `/api/v1/projects/${projectId}/milestones/${id}/achievement`, { actualDate: date, source: why }],
  ];
}

/** A project no public source describes: its first recorded fact says so (RegisterProject takes no source). */
const whollyIllustrative = (projectId) => [
  [
    'POST',
    `/api/v1/projects/${projectId}/dates`,
    { dateType: '1', date: '2027-01-01', source: illustrative('the whole project and its planned start 2027-01-01') },
  ],
];

/** What the seed records for each project after its registration. */
export const ECAB_SEED_DETAILS = {
  'ECAB-TR-01': [
    ...lifecycle('ECAB-TR-01', '2', {
      approval: IGC12.date,
      approvalSource: igc('the governments decide to start the feasibility study, ADB grant', IGC12.trend, IGC12.silkway),
      start: '2025-06-01',
    }),
    ...financing('ECAB-TR-01', 1, {
      instrument: 'grant',
      amount: '1500000.00',
      signedDate: '2025-03-01',
      source: illustrative('ADB grant of $1.5m for the feasibility study, signed 2025-03-01 (the IGC names an ADB grant, not its amount or date)'),
    }),
    ...keyIndicator('ECAB-TR-01', {
      result: 'Feasibility study of the Almaty–Issyk-Kul road approved',
      indicator: 'Feasibility study approved',
      unit: 'studies',
      baseline: '0',
      baselineYear: 2024,
      target: '1',
      targetYear: 2026,
      why: source(ROAD_AND_CHECKPOINTS_2026, 'unconfirmed', '2026-01-21'),
    }),
  ],
  'ECAB-TR-02': [
    ...financing('ECAB-TR-02', 1, {
      instrument: 'grant',
      amount: '24000000.00',
      signedDate: '2023-01-15',
      source: sourcedAmount('ADF grant $24m', ADB_PAGES.borderServices),
    }),
    ...financing('ECAB-TR-02', 2, {
      instrument: 'loan',
      amount: '13000000.00',
      signedDate: '2023-01-15',
      source: sourcedAmount('concessional loan $13m', ADB_PAGES.borderServices),
    }),
    ...keyIndicator('ECAB-TR-02', {
      result: 'Border crossing points rebuilt',
      indicator: 'BCPs built',
      unit: 'BCPs',
      baseline: '0',
      baselineYear: 2022,
      target: '3',
      targetYear: 2028,
      why: source(`${ADB_PAGES.borderServices}: 3 BCPs (the target year is not given)`, 'confirmed'),
    }),
  ],
  'ECAB-TR-03': lifecycle('ECAB-TR-03', '2', {
    start: '2024-01-01',
    startSource: source(`${ROAD_AND_CHECKPOINTS_2026} (start of the roadmap's period)`, 'unconfirmed', '2026-01-21'),
  }),
  'ECAB-AG-01': [
    ...achieved('ECAB-AG-01', 'AGREEMENT', {
      category: 'signing',
      title: 'Intergovernmental agreement on the complex signed in Astana',
      date: '2023-06-09',
      why: source(ITLC_LAW, 'confirmed', '2024-09-18'),
    }),
    ...lifecycle('ECAB-AG-01', '2', {
      approval: '2024-09-18',
      approvalSource: source(`${ITLC_LAW} (Kazakhstan's ratification)`, 'confirmed', '2024-09-18'),
      start: '2025-03-01',
    }),
    ...achieved('ECAB-AG-01', 'LAND', {
      category: 'other',
      title: 'Land plots allocated for the complex',
      date: IGC12.date,
      why: igc('land plots allocated, reported at the council (the allocation date itself is not given)', IGC12.daryo, IGC12.silkway),
    }),
  ],
  'ECAB-AG-02': lifecycle('ECAB-AG-02', '2'),
  'ECAB-AG-03': [
    ...lifecycle('ECAB-AG-03', '4', { approval: '2017-12-15', start: '2018-01-15', end: '2018-12-31' }),
    ...financing('ECAB-AG-03', 1, {
      instrument: 'ta',
      amount: '400000.00',
      signedDate: '2017-12-15',
      source: illustrative('ADB TA of $0.4m, signed 2017-12-15'),
    }),
  ],
  'ECAB-AG-04': achieved('ECAB-AG-04', 'ROADMAP', {
    category: 'signing',
    title: 'Roadmap to increase mutual supplies of agricultural products signed',
    date: IGC12.date,
    why: igc('signed at the council', IGC12.trend),
  }),
  'ECAB-TO-01': [
    ...lifecycle('ECAB-TO-01', '3', { approval: '2018-06-01', start: '2018-09-01', end: '2026-02-28' }),
    ...financing('ECAB-TO-01', 1, {
      instrument: 'ta',
      amount: '600000.00',
      signedDate: '2018-06-01',
      source: illustrative('ADB TA of $0.6m, signed 2018-06-01'),
    }),
  ],
  'ECAB-TO-02': [
    ...lifecycle('ECAB-TO-02', '2', {
      approval: '2024-06-24',
      approvalSource: source(`${ADB_PAGES.issykKulNews} (the date of the news; ADB's board date may be earlier)`, 'unconfirmed', '2024-06-24'),
      start: '2025-03-01',
    }),
    ...financing('ECAB-TO-02', 1, {
      instrument: 'loan',
      amount: '25000000.00',
      signedDate: '2024-09-01',
      source: sourcedAmount('concessional loan $25m', `${ADB_PAGES.issykKul}; ${ADB_PAGES.issykKulNews}`),
    }),
    ...financing('ECAB-TO-02', 2, {
      instrument: 'grant',
      amount: '31000000.00',
      signedDate: '2024-09-01',
      source: sourcedAmount('ADF grant $31m', `${ADB_PAGES.issykKul}; ${ADB_PAGES.issykKulNews}`),
    }),
    ...keyIndicator('ECAB-TO-02', {
      result: 'Wastewater of the Issyk-Kul shore treated',
      indicator: 'Wastewater treatment capacity',
      unit: 'm3/day',
      baseline: '0',
      baselineYear: 2023,
      target: '14200',
      targetYear: 2029,
      why: source(ADB_PAGES.issykKulCapacity, 'confirmed', '2024-12-04'),
    }),
  ],
  'ECAB-AQ-01': [
    ...lifecycle('ECAB-AQ-01', '4', { approval: '2023-01-15', end: '2024-12-31' }),
    ...financing('ECAB-AQ-01', 1, {
      instrument: 'ta',
      amount: '250000.00',
      signedDate: '2023-03-01',
      source: illustrative('ADB financing of $0.25m, signed 2023-03-01'),
    }),
    ...keyIndicator('ECAB-AQ-01', {
      result: 'Bishkek air quality measured',
      indicator: 'Sensors installed',
      unit: 'sensors',
      baseline: '0',
      baselineYear: 2023,
      target: '50',
      targetYear: 2024,
      why: source(ABEC_SITE, 'unconfirmed'),
      definedOn: '2023-01-15',
    }),
  ],
  'ECAB-AQ-02': whollyIllustrative('ECAB-AQ-02'),
  'ECAB-HE-01': [
    ...lifecycle('ECAB-HE-01', '2', { approval: '2022-09-13', approvalSource: source(ADB_PAGES.healthSecurity, 'confirmed') }),
    ...financing('ECAB-HE-01', 1, {
      instrument: 'grant',
      amount: '20000000.00',
      signedDate: '2023-03-01',
      source: sourcedAmount('grant $20m', `${ADB_PAGES.healthSecurity}; ${ADB_PAGES.healthSecurityNews}`),
    }),
    ...financing('ECAB-HE-01', 2, {
      instrument: 'loan',
      amount: '10000000.00',
      signedDate: '2023-03-01',
      source: sourcedAmount('concessional loan $10m', `${ADB_PAGES.healthSecurity}; ${ADB_PAGES.healthSecurityNews}`),
    }),
    ...keyIndicator('ECAB-HE-01', {
      result: 'Regional laboratories upgraded',
      indicator: 'Laboratories upgraded',
      unit: 'labs',
      baseline: '0',
      baselineYear: 2023,
      target: '21',
      targetYear: 2028,
      why: source(`${ADB_PAGES.healthSecurityNews} (the target year is not given)`, 'confirmed'),
    }),
  ],
  'ECAB-HE-02': whollyIllustrative('ECAB-HE-02'),
  'ECAB-CL-01': [
    // Wholly illustrative: its first recorded fact, the approval, carries an illustrative source.
    ...lifecycle('ECAB-CL-01', '2'),
    ...financing('ECAB-CL-01', 1, {
      instrument: 'ta',
      amount: '800000.00',
      signedDate: '2023-06-01',
      source: illustrative('ADB TA of $0.8m, signed 2023-06-01'),
    }),
  ],
};
