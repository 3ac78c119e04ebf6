// What the seed records for the programme as a whole: its names, clusters, targets, observations and governance, the
// reference organisations, and the exchange rates the USD equivalents use.
import { DEVELOPMENT_ASIA, IGC12, source } from './seed-sources.js';
import { igc } from './seed-steps.js';

const ALL_CLUSTERS = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'];

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
