import { context } from './test-support/decision-context.js';
import { deciderSpecification } from './testing/decider-spec.js';
import { performanceReviewDecider } from './performance-review/decide.js';
import type { PerformanceReviewCommand } from './performance-review/commands.js';
import { DEFAULT_RATING_THRESHOLDS, rateDisbursement } from './performance-review/rate-disbursement.js';
import {
  command as programmeCommand,
  event as programmeEvent,
  given as givenProgramme,
  meeting,
  met,
  registered as programmeRegistered,
} from './test-support/programme-fixtures.js';
import { given as givenProject, projectRegistered } from './test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent, statusChanged } from './test-support/project-lifecycle-fixtures.js';

// A refusal of a malformed input names the input (`details.field`), so that a client can point at it. One line per
// input of the performance-review, programme and project commands.

describe('performance-review refusals name the field', () => {
  const given = deciderSpecification(performanceReviewDecider, context);
  const command = (type: PerformanceReviewCommand['type'], data: object) =>
    ({ type, data: { projectId: 'ECAB-TR-02', period: '2026-Q3', ...data } }) as PerformanceReviewCommand;
  const ratings = { outputs: 'on_track', contract_awards: 'on_track', disbursements: 'on_track', financial_management: 'on_track', safeguards: 'on_track' };
  const rated = {
    type: 'PerformanceRated',
    data: { projectId: 'ECAB-TR-02', period: '2026-Q3', effectiveDate: '2026-11-26', ratings, overall: 'on_track', thresholds: DEFAULT_RATING_THRESHOLDS },
  } as never;
  const raised = {
    type: 'IssueRaised',
    data: { projectId: 'ECAB-TR-02', period: '2026-Q3', effectiveDate: '2026-10-05', issueId: 'I-1', description: 'x' },
  } as never;
  const risk = (data: object) =>
    command('RegisterRisk', { riskId: 'R-1', description: 'Delay', likelihood: 'low', impact: 'low', mitigation: 'Phase', ...data });
  it.each([
    ['likelihood', [], risk({ likelihood: 'certain' }), 'UNKNOWN_RISK_LEVEL'],
    ['issueId', [], command('RaiseIssue', { issueId: ' ', description: 'x' }), 'IDENTIFIER_INVALID'],
    ['resolution', [raised], command('ResolveIssue', { issueId: 'I-1', resolution: ' ' }), 'REASON_REQUIRED'],
    ['correction.reason', [rated], command('RatePerformance', { ratings, overall: 'on_track', correction: { reason: ' ' } }), 'REASON_REQUIRED'],
    [
      'disbursedPct',
      [],
      command('RatePerformance', { ratings, overall: 'on_track', disbursementProgress: { disbursedPct: '101', elapsedPct: '50' } }),
      'PROGRESS_PERCENTAGE_OUT_OF_RANGE',
    ],
  ])('%s', (field, history, cmd, code) => {
    given(history).when(cmd).thenThrows(code, { field });
  });
  it('names the value a disbursement rating cannot read', () => {
    expect(() => rateDisbursement({ disbursedPct: '1', elapsedPct: 'x' })).toThrow('elapsedPct is not a decimal value: "x"');
    const thresholds = (forAttentionGapPoints: unknown, atRiskGapPoints: unknown) => ({ version: 'v', forAttentionGapPoints, atRiskGapPoints }) as never;
    expect(() => rateDisbursement({ disbursedPct: '50', elapsedPct: '50' }, thresholds(10, 'x'))).toThrow('atRiskGapPoints is not a decimal value: "x"');
    expect(() => rateDisbursement({ disbursedPct: '50', elapsedPct: '50' }, thresholds('y', 20))).toThrow('forAttentionGapPoints is not a decimal value: "y"');
  });
});

describe('programme refusals name the field', () => {
  const igc = { citation: 'IGC', confidence: 'confirmed' };
  const kpi = (type: 'SetProgrammeTarget' | 'ObserveProgrammeKpi', data: object) =>
    programmeCommand(type, { kpi: 'trade', unit: 'USD', value: '1', source: igc, ...data });
  const owner = { name: 'Ministry' };
  const assign = (data: object) =>
    programmeCommand('AssignDecisionAction', {
      decisionId: 'IGC12-D1',
      actionId: 'A-1',
      description: 'd',
      owner,
      dueDate: '2025-06-30',
      effectiveDate: '2024-12-10',
      ...data,
    });
  const assigned = programmeEvent('DecisionActionAssigned', {
    effectiveDate: '2024-12-10',
    decisionId: 'IGC12-D1',
    actionId: 'A-1',
    description: 'd',
    owner,
    dueDate: '2025-06-30',
  });
  it.each([
    ['value', [programmeRegistered], kpi('SetProgrammeTarget', { value: 'x', year: 2030 }), 'VALUE_NOT_DECIMAL'],
    ['date', [programmeRegistered], kpi('SetProgrammeTarget', { date: '2030-02-30' }), 'DATE_INVALID'],
    ['date', [programmeRegistered], kpi('ObserveProgrammeKpi', { date: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['decisionId', [programmeRegistered], meeting({ decisions: [{ decisionId: ' ', text: 'x', kind: 'other' }] }), 'IDENTIFIER_INVALID'],
    ['meetingId', [programmeRegistered], meeting({ meetingId: '' }), 'IDENTIFIER_INVALID'],
    ['date', [programmeRegistered], meeting({ date: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['actionId', [programmeRegistered, met], assign({ actionId: ' ' }), 'IDENTIFIER_INVALID'],
    ['owner', [programmeRegistered, met], assign({ owner: {} }), 'ORGANISATION_REFERENCE_REQUIRED'],
    ['dueDate', [programmeRegistered, met], assign({ dueDate: '2025-02-30' }), 'DATE_INVALID'],
    [
      'completionDate',
      [programmeRegistered, met, assigned],
      programmeCommand('CompleteDecisionAction', { actionId: 'A-1', completionDate: '2026-11-27' }),
      'ACTUAL_DATE_IN_FUTURE',
    ],
  ])('%s', (field, history, cmd, code) => {
    givenProgramme(history).when(cmd).thenThrows(code, { field });
  });
  it('keeps the place of a meeting trimmed', () => {
    givenProgramme([programmeRegistered])
      .when(meeting({ place: ' Bishkek ' }))
      .then([met]);
  });
});

describe('project refusals name the field', () => {
  const registered = projectRegistered();
  const published = [
    registered,
    projectEvent('ProjectIdentifierAssigned', { iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01', reportingOrgRef: 'XI-IATI-ECAB', localId: 'ECAB-TR-01' }),
    projectEvent('ProjectPublished', { iatiIdentifier: 'XI-IATI-ECAB-ECAB-TR-01' }),
  ];
  it.each([
    ['approvalDate', [registered], projectCommand('ApproveProject', { approvalDate: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    [
      'approvedBy',
      [registered],
      projectCommand('ApproveProject', { approvalDate: '2025-10-01', approvedBy: { name: ' ' } }),
      'ORGANISATION_REFERENCE_REQUIRED',
    ],
    ['organisation', [registered], projectCommand('AssignParticipant', { organisation: {}, role: '1' } as never), 'ORGANISATION_REFERENCE_REQUIRED'],
    ['role', [registered], projectCommand('AssignParticipant', { organisation: { name: 'X' }, role: '9' } as never), 'CODE_NOT_IN_LIST'],
    [
      'organisationType',
      [registered],
      projectCommand('AssignParticipant', { organisation: { name: 'X' }, role: '1', organisationType: '1' } as never),
      'CODE_NOT_IN_LIST',
    ],
    ['dateType', [registered], projectCommand('RecordProjectDate', { dateType: '5', date: '2025-01-01' }), 'CODE_NOT_IN_LIST'],
    ['date', [registered], projectCommand('RecordProjectDate', { dateType: '1', date: '2025-02-29' }), 'DATE_INVALID'],
    ['date', [registered], projectCommand('RecordProjectDate', { dateType: '2', date: '2026-11-27' }), 'ACTUAL_DATE_IN_FUTURE'],
    ['ref', [registered], projectCommand('AddOtherIdentifier', { ref: ' ', identifierType: 'A9' }), 'IDENTIFIER_INVALID'],
    ['owner', [registered], projectCommand('AddOtherIdentifier', { ref: 'X', identifierType: 'A9', owner: { name: ' ' } }), 'ORGANISATION_REFERENCE_REQUIRED'],
    [
      'correction.reason',
      published,
      projectCommand('AssignIatiIdentifier', { reportingOrgRef: 'XI-IATI-ECAB', localId: 'TR-01', correction: { reason: ' ' } }),
      'REASON_REQUIRED',
    ],
    ['status', [registered], projectCommand('ChangeProjectStatus', { status: '7' }), 'CODE_NOT_IN_LIST'],
    [
      'correction.reason',
      [registered, statusChanged('1', '5', 'pipeline')],
      projectCommand('ChangeProjectStatus', { status: '1', correction: { reason: '' } }),
      'REASON_REQUIRED',
    ],
  ])('%s', (field, history, cmd, code) => {
    givenProject(history).when(cmd).thenThrows(code, { field });
  });
  it('keeps who approved, a trimmed identifier kind and a trimmed status reason, after any other event', () => {
    const approvedBy = { organisationId: 'XM-DAC-46004' };
    const titled = projectEvent('ProjectTitlesSet', { titles: { en: 'Road' } });
    givenProject([registered, titled])
      .when(projectCommand('ApproveProject', { approvalDate: '2025-10-01', approvedBy }))
      .then([projectEvent('ProjectApproved', { approvalDate: '2025-10-01', stage: 'approved', effectiveDate: '2025-10-01', approvedBy })]);
    givenProject([registered])
      .when(projectCommand('AddOtherIdentifier', { ref: '54439-001', identifierType: 'B9', kind: ' adb-project ' }))
      .then([projectEvent('OtherIdentifierAdded', { ref: '54439-001', identifierType: coded('OtherIdentifierType', 'B9'), kind: 'adb-project' })]);
    givenProject([registered])
      .when(projectCommand('ChangeProjectStatus', { status: '5', reason: ' Dropped by the IGC ' }))
      .then([statusChanged('1', '5', 'pipeline', { reason: 'Dropped by the IGC' })]);
  });
});
