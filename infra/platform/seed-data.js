// The 17 seeded projects and what the seed records for each after its registration, each value with the public source
// it comes from (seed-sources.js) and the confidence that source supports; the programme is in seed-programme.js.
import { ADB_PAGES, ABEC_SITE, IGC12, ITLC_LAW, ROAD_AND_CHECKPOINTS_2026, illustrative, source } from './seed-sources.js';
import { igc, effectiveOnceStarted, financing, sourcedAmount, lifecycle, keyIndicator, achieved, whollyIllustrative, adbProjectPage } from './seed-steps.js';

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

/** What the seed records for each project after its registration, before its started projects' agreements are made effective. */
const SEED_DETAILS = {
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
    ...adbProjectPage('ECAB-TR-02', '54439-001', 'Almaty–Bishkek Economic Corridor Regional Improvement of Border Services Project', ADB_PAGES.borderServices),
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
    ...adbProjectPage('ECAB-TO-02', '55250-001', 'Issyk-Kul Environmental Management and Sustainable Tourism Development Project', ADB_PAGES.issykKul),
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
    ...adbProjectPage('ECAB-HE-01', '55131-001', 'Strengthening Regional Health Security Project', ADB_PAGES.healthSecurity),
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

/** What the seed records for each project after its registration. */
export const ECAB_SEED_DETAILS = Object.fromEntries(Object.entries(SEED_DETAILS).map(([projectId, steps]) => [projectId, effectiveOnceStarted(steps)]));
