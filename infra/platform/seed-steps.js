// The builders of the seed's requests: a financing agreement, a project's life cycle, its key indicator, a milestone
// that happened. Each returns [method, path, body] steps for seed.js to send.
import { IGC12, illustrative, source } from './seed-sources.js';

/** The Asian Development Bank, the financier of most seeded agreements. */
export const ADB = { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' };
/** A fact the report of the 12th Intergovernmental Council confirms, with the other sources that say the same. */
export const igc = (what, ...citations) => source(`${what} — ${citations.join('; ')}`, 'confirmed', IGC12.date);

/** A financing agreement and its commitment, in USD, with the source of the figure. */
export function financing(projectId, n, { instrument, amount, signedDate, source: why, financier = ADB, number }) {
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
export const sourcedAmount = (what, citation) =>
  source(`${what} (${citation}); the signing date is not published, the seed's is made up [ILLUSTRATIVE]`, 'illustrative');

/**
 * The IATI status reached through the legal lifecycle: approval, then the actual start (never before the
 * approval nor before the project's first agreement is signed), then the status. A date without a source
 * is illustrative and says so.
 */
export function lifecycle(projectId, status, dates = {}) {
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
export function keyIndicator(projectId, { result, indicator, unit, baseline, baselineYear, target, targetYear, why, definedOn }) {
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
export function achieved(projectId, id, { category, title, date, why }) {
  return [
    ['POST', `/api/v1/projects/${projectId}/milestones`, { id, category, ...(title ? { title } : {}), baselineDate: date, source: why }],
    ['POST', `/api/v1/projects/${projectId}/milestones/${id}/achievement`, { actualDate: date, source: why }],
  ];
}

/** A project no public source describes: its first recorded fact says so (RegisterProject takes no source). */
export const whollyIllustrative = (projectId) => [
  [
    'POST',
    `/api/v1/projects/${projectId}/dates`,
    { dateType: '1', date: '2027-01-01', source: illustrative('the whole project and its planned start 2027-01-01') },
  ],
];

/**
 * A project that has started (status 2) works under effective agreements: each agreement it signed is declared
 * effective on the later of its signing and the project's actual start. No public source gives these dates, so
 * they are illustrative and say so.
 */
export function effectiveOnceStarted(steps) {
  const started = steps.find(([method, path, body]) => method === 'POST' && path.endsWith('/status') && body.status === '2');
  if (!started) return steps;
  const start = started[2].effectiveDate;
  return steps.flatMap((step) => {
    const [method, path, body] = step;
    if (method !== 'POST' || !/^\/api\/v1\/projects\/[^/]+\/agreements$/.test(path)) return [step];
    const date = body.signedDate > start ? body.signedDate : start;
    const why = illustrative(`effectiveness of ${body.id} on ${date}, the later of its signing and the project's actual start`);
    return [step, ['POST', `/api/v1/agreements/${body.id}/effectiveness`, { effectivenessDate: date, source: why }]];
  });
}

/**
 * The project's page on adb.org as an IATI document link (DocumentCategory A12, activity web page). The page is
 * its own public source; no budget is seeded from it, as ADB's pages give the financing's total, not a budget per
 * period of at most a year.
 */
export function adbProjectPage(projectId, adbProjectNumber, title, citation) {
  return [
    [
      'POST',
      `/api/v1/projects/${projectId}/document-links`,
      {
        id: 'ADB-PROJECT-PAGE',
        url: `https://www.adb.org/projects/${adbProjectNumber}/main`,
        format: 'text/html',
        title: { en: `ADB project ${adbProjectNumber}: ${title}` },
        category: 'A12',
        language: 'en',
        source: source(citation, 'confirmed'),
      },
    ],
  ];
}
