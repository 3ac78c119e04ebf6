import { coded, EventLog, source } from './event-log.js';

export const REF = 'XI-TEST';
export const ROAD = 'ECAB-TR-01';
export const KARASU = 'ECAB-TR-01-KARASU';
export const UNPUBLISHED = 'ECAB-TR-02';
export const FOREIGN_PREFIX = 'ECAB-TR-03';
const ADB = { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' };

/** A published project with the minimum the ruleset asks for: a start date, a DAC sector, a participant. */
function minimalProject(log: EventLog, projectId: string, iatiIdentifier: string, extra: (log: EventLog) => void = () => undefined): void {
  log
    .project(projectId, 'ProjectRegistered', { title: `Project ${projectId}`, cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] })
    .project(projectId, 'ProjectSectorsSet', { sectors: [{ vocabulary: coded('1', 'SectorVocabulary'), code: coded('33120', 'Sector'), percentage: 100 }] })
    .project(projectId, 'ParticipantAssigned', {
      organisation: { name: 'State Revenue Committee' },
      role: coded('4', 'OrganisationRole'),
      organisationType: coded('10', 'OrganisationType'),
    })
    .project(projectId, 'ProjectDateRecorded', { dateType: coded('1', 'ActivityDateType'), date: '2024-01-01' });
  extra(log);
  log.project(projectId, 'ProjectIdentifierAssigned', { iatiIdentifier, reportingOrgRef: iatiIdentifier.split('-').slice(0, 2).join('-'), localId: projectId });
  log.project(projectId, 'ProjectPublished', { iatiIdentifier });
}

/**
 * A small portfolio that uses every part of the IATI export: the programme, a published project with
 * money (every transaction type, a reversal, a cancellation), a results framework and illustrative values,
 * a child project (hierarchy 3), an unpublished project, and one published under another organisation's ref.
 */
export function ecabPortfolio(): EventLog {
  const log = new EventLog();
  log
    .add('ProgrammeRegistered', 'programme-ECAB', 'ECAB', {
      programmeId: 'ECAB',
      effectiveDate: '2014-11-06',
      names: { en: 'Economic Corridor Almaty–Bishkek', ru: 'Экономический коридор Алматы–Бишкек' },
      aliases: ['ABEC'],
      clusters: ['transport', 'tourism'],
    })
    .add('OrganisationRegistered', 'organisation-XM-DAC-46004', 'XM-DAC-46004', {
      organisationId: 'XM-DAC-46004',
      effectiveDate: '1966-12-19',
      names: { en: 'Asian Development Bank' },
      iatiOrgId: 'XM-DAC-46004',
      type: coded('40', 'OrganisationType'),
    });

  const p = (type: string, data: Record<string, unknown>) => log.project(ROAD, type, data);
  p('ProjectRegistered', {
    title: 'Almaty–Issyk-Kul road: feasibility study',
    cluster: 'transport',
    countries: [
      { code: 'KZ', percentage: 59.4 },
      { code: 'KG', percentage: 40.6 },
    ],
  });
  p('ProjectTitlesSet', { titles: { en: 'Almaty–Issyk-Kul road: feasibility study', ru: 'Дорога Алматы – Иссык-Куль: ТЭО' } });
  p('ProjectSectorsSet', {
    sectors: [
      { vocabulary: coded('1', 'SectorVocabulary'), code: coded('21020', 'Sector'), percentage: 80 },
      { vocabulary: coded('1', 'SectorVocabulary'), code: coded('33210', 'Sector'), percentage: 20 },
    ],
  });
  p('ParticipantAssigned', {
    organisation: { name: 'Ministry of Transport of the Republic of Kazakhstan' },
    role: coded('2', 'OrganisationRole'),
    organisationType: coded('10', 'OrganisationType'),
  });
  p('PolicyMarkersSet', { markers: [{ marker: coded('7', 'PolicyMarker'), significance: coded('1', 'PolicySignificance') }] });
  p('LocationAdded', { locationId: 'CHOLPON-ATA', name: 'Cholpon-Ata', point: { latitude: 42.6497, longitude: 77.0858 } });
  const budget = (budgetId: string, type: string, status: string, start: string, end: string, amount: string, extra: Record<string, unknown> = {}) =>
    p('BudgetRecorded', {
      budgetId,
      budgetType: coded(type, 'BudgetType'),
      budgetStatus: coded(status, 'BudgetStatus'),
      period: { start, end },
      amount,
      currency: 'USD',
      valueDate: start,
      ...extra,
    });
  budget('B-2025', '1', '2', '2025-01-01', '2025-12-31', '1200000.00', { source: source('confirmed') });
  budget('B-2025-R', '2', '2', '2025-01-01', '2025-12-31', '1350000.00', { valueDate: '2025-07-01' });
  budget('B-2026', '1', '1', '2026-01-01', '2026-12-31', '300000.00', { source: source('illustrative') });
  p('DocumentLinkAdded', {
    documentId: 'ADB-PAGE',
    url: 'https://www.adb.org/projects/54439-001/main',
    format: 'text/html',
    title: { en: 'ADB project page 54439-001', ru: 'Страница проекта АБР' },
    category: coded('A12', 'DocumentCategory'),
    language: coded('en', 'Language'),
    documentDate: '2024-06-24',
    source: source('confirmed'),
  });
  p('DocumentLinkAdded', {
    documentId: 'DEMO-REPORT',
    url: 'https://example.org/demo-report.pdf',
    format: 'application/pdf',
    title: { en: 'Demo appraisal' },
    category: coded('A01', 'DocumentCategory'),
    source: source('illustrative'),
  });
  p('ProjectDateRecorded', { dateType: coded('1', 'ActivityDateType'), date: '2025-01-15', source: source('confirmed') });
  p('ProjectDateRecorded', { dateType: coded('2', 'ActivityDateType'), date: '2025-02-01', source: source('illustrative') });
  p('ProjectDateRecorded', { dateType: coded('3', 'ActivityDateType'), date: '2026-11-30' });
  p('ProjectStatusChanged', { from: coded('1', 'ActivityStatus'), to: coded('2', 'ActivityStatus'), stage: 'implementation' });

  const F1 = `${ROAD}-F1`;
  log.agreement(ROAD, F1, 'AgreementSigned', {
    effectiveDate: '2025-03-01',
    agreementNumber: 'G9999',
    financier: ADB,
    instrument: 'grant',
    financeType: coded('110', 'FinanceType'),
    flowType: coded('10', 'FlowType'),
    aidType: coded('C01', 'AidType'),
    amount: '1500000.00',
    currency: 'USD',
    signedDate: '2025-03-01',
    providerActivityId: 'XM-DAC-46004-54439-001',
    source: source('unconfirmed'),
  });
  log
    .money(ROAD, F1, 'AgreementCommitmentRecorded', 'C1', '11', '1500000.00', '2025-03-01')
    .money(ROAD, F1, 'FundsReceived', 'R1', '1', '450000.00', '2025-05-20')
    .money(ROAD, F1, 'AgreementDisbursementRecorded', 'D1', '3', '100000.00', '2025-06-01', { receiver: { name: 'Road Consultants LLP' } })
    .money(ROAD, F1, 'ExpenditureRecorded', 'E1', '4', '50000.00', '2025-06-15')
    .money(ROAD, F1, 'ExpenditureRecorded', 'E2', '4', '20000.00', '2025-06-20', { source: source('illustrative') })
    .agreement(ROAD, F1, 'TransactionReversed', {
      effectiveDate: '2025-07-01',
      transactionId: 'D1',
      reversedEventType: 'AgreementDisbursementRecorded',
      amount: '100000.00',
      currency: 'USD',
      reasonCode: 'DATA_ENTRY_ERROR',
      source: source('confirmed'),
    })
    .money(ROAD, F1, 'FundsCancelled', 'X1', '11', '200000.00', '2025-08-01', { reason: 'savings' })
    .agreement(ROAD, F1, 'PlannedDisbursementScheduled', {
      effectiveDate: '2025-09-01',
      plannedDisbursementId: 'PD1',
      period: { start: '2026-01-01', end: '2026-12-31' },
      amount: '300000.00',
      currency: 'USD',
    });

  const r = (type: string, data: Record<string, unknown>) => log.results(ROAD, type, data);
  r('ResultDefined', { resultId: 'KEY', resultType: coded('2', 'ResultType'), title: 'Feasibility study approved' });
  r('IndicatorDefined', {
    resultId: 'KEY',
    indicatorId: 'KEY-1',
    title: 'Feasibility studies approved',
    measure: coded('1', 'IndicatorMeasure'),
    ascending: true,
    unit: 'studies',
  });
  r('BaselineSet', { indicatorId: 'KEY-1', year: 2024, value: '0', source: source('confirmed') });
  r('TargetSet', { indicatorId: 'KEY-1', period: { start: '2026-01-01', end: '2026-12-31' }, value: '1' });
  r('IndicatorDefined', {
    resultId: 'KEY',
    indicatorId: 'KEY-2',
    title: 'Design traffic',
    measure: coded('1', 'IndicatorMeasure'),
    ascending: true,
    unit: 'vehicles/day',
  });
  r('BaselineSet', { indicatorId: 'KEY-2', year: 2024, value: '300', source: source('illustrative') });
  r('TargetSet', { indicatorId: 'KEY-2', period: { start: '2027-01-01', end: '2027-12-31' }, value: '2000', source: source('illustrative') });
  r('ActualReported', { indicatorId: 'KEY-1', period: { start: '2025-01-01', end: '2025-12-31' }, value: '0', source: source('confirmed') });
  r('ActualVerified', { indicatorId: 'KEY-1', period: { start: '2025-01-01', end: '2025-12-31' }, value: '0' });

  p('ProjectIdentifierAssigned', { iatiIdentifier: `${REF}-${ROAD}`, reportingOrgRef: REF, localId: ROAD });
  p('ProjectPublished', { iatiIdentifier: `${REF}-${ROAD}` });
  // After publication: descriptive changes stay internal until the next publication; verified actuals go out at once.
  p('ProjectTitlesSet', { titles: { en: 'Draft title not yet published' } });
  p('DocumentLinkAdded', {
    documentId: 'DRAFT-DOC',
    url: 'https://example.org/draft-document-not-yet-published',
    format: 'text/html',
    title: { en: 'Draft document not yet published' },
    category: coded('A02', 'DocumentCategory'),
  });
  r('ResultDefined', { resultId: 'DRAFT', resultType: coded('1', 'ResultType'), title: 'Draft result not yet published' });
  r('ActualReported', { indicatorId: 'KEY-1', period: { start: '2026-01-01', end: '2026-12-31' }, value: '1', source: source('confirmed') });
  r('ActualVerified', { indicatorId: 'KEY-1', period: { start: '2026-01-01', end: '2026-12-31' }, value: '1' });

  minimalProject(log, KARASU, `${REF}-${KARASU}`, (l) =>
    l.project(KARASU, 'RelatedActivityLinked', { relatedActivityId: ROAD, relationType: coded('1', 'RelatedActivityType'), checkpoint: 'Karasu' }),
  );
  log.project(UNPUBLISHED, 'ProjectRegistered', { title: 'Not yet published', cluster: 'transport', countries: [{ code: 'KG', percentage: 100 }] });
  minimalProject(log, FOREIGN_PREFIX, `XI-OTHER-${FOREIGN_PREFIX}`);
  return log;
}
