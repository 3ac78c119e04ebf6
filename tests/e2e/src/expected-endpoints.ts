/**
 * What portfolio-api must expose, written down here by hand rather than read from the API's own command
 * table: the e2e suites walk this list, and check the API's table and its published OpenAPI document
 * against it in both directions, so an endpoint the API drops (or adds unannounced) fails a test instead
 * of silently leaving the suites. docs/COMMANDS.md counts the same 63 commands.
 */

/**
 * Who may send a command. `project`: an admin, or a program manager of the project's cluster or of every
 * cluster. `programme` (programme, organisations, exchange rates): an admin or a program manager of every
 * cluster. Nobody else: anonymous callers get 401, signed-in callers without the right 403.
 */
export type CommandCallers = 'project' | 'programme';

export interface ExpectedCommand {
  /** The command's type: the OpenAPI operationId, and the name its example is found by. */
  readonly command: string;
  readonly method: 'POST' | 'PUT';
  /** As the OpenAPI document writes it, `{param}` and all. */
  readonly path: string;
  /** 201 when the command creates something addressable, 200 for a change. */
  readonly status: 200 | 201;
  /**
   * The event types its example records, in order, when the examples are sent in this list's order on a
   * fresh project in a fresh database (the first shorthand commitment opens the project's agreement with
   * ADB; the exchange-rate example records two currencies, and nothing when they are already recorded).
   */
  readonly events: readonly string[];
  readonly callers: CommandCallers;
}

function command(callers: CommandCallers, name: string, route: string, status: 200 | 201, ...events: string[]): ExpectedCommand {
  const [method, path] = route.split(' ') as ['POST' | 'PUT', string];
  return { command: name, method, path, status, events, callers };
}
const onProject = (name: string, route: string, status: 200 | 201, ...events: string[]) => command('project', name, route, status, ...events);
const programmeWide = (name: string, route: string, status: 200 | 201, ...events: string[]) => command('programme', name, route, status, ...events);

/** Every command, in the order their examples build on each other (a project's life, then the programme's records). */
export const EXPECTED_COMMANDS: readonly ExpectedCommand[] = [
  onProject('RegisterProject', 'POST /api/v1/projects', 201, 'ProjectRegistered'),
  onProject('RecordCommitment', 'POST /api/v1/projects/{projectId}/commitments', 201, 'AgreementOpened', 'AgreementCommitmentRecorded'),
  onProject('RecordDisbursement', 'POST /api/v1/projects/{projectId}/disbursements', 201, 'FundsReceived'),
  onProject('AssignIatiIdentifier', 'PUT /api/v1/projects/{projectId}/iati-identifier', 200, 'ProjectIdentifierAssigned'),
  onProject('PublishProject', 'POST /api/v1/projects/{projectId}/publication', 200, 'ProjectPublished'),
  onProject('AddOtherIdentifier', 'POST /api/v1/projects/{projectId}/other-identifiers', 201, 'OtherIdentifierAdded'),
  onProject('SetProjectTitles', 'PUT /api/v1/projects/{projectId}/titles', 200, 'ProjectTitlesSet'),
  onProject('SetSectors', 'PUT /api/v1/projects/{projectId}/sectors', 200, 'ProjectSectorsSet'),
  onProject('SetPolicyMarkers', 'PUT /api/v1/projects/{projectId}/policy-markers', 200, 'PolicyMarkersSet'),
  onProject('SetRecipientCountries', 'PUT /api/v1/projects/{projectId}/recipient-countries', 200, 'RecipientCountriesSet'),
  onProject('AddLocation', 'POST /api/v1/projects/{projectId}/locations', 201, 'LocationAdded'),
  onProject('AssignParticipant', 'POST /api/v1/projects/{projectId}/participants', 201, 'ParticipantAssigned'),
  onProject('LinkRelatedActivity', 'POST /api/v1/projects/{projectId}/related-activities', 201, 'RelatedActivityLinked'),
  onProject('RecordBudget', 'POST /api/v1/projects/{projectId}/budgets', 201, 'BudgetRecorded'),
  onProject('AddDocumentLink', 'POST /api/v1/projects/{projectId}/document-links', 201, 'DocumentLinkAdded'),
  onProject('ApproveProject', 'POST /api/v1/projects/{projectId}/approval', 200, 'ProjectApproved'),
  onProject('RecordProjectDate', 'POST /api/v1/projects/{projectId}/dates', 200, 'ProjectDateRecorded'),
  onProject('ChangeProjectStatus', 'POST /api/v1/projects/{projectId}/status', 200, 'ProjectStatusChanged'),
  onProject('SuspendProject', 'POST /api/v1/projects/{projectId}/suspension', 200, 'ProjectStatusChanged'),
  onProject('ResumeProject', 'POST /api/v1/projects/{projectId}/resumption', 200, 'ProjectStatusChanged'),
  onProject('CloseProject', 'POST /api/v1/projects/{projectId}/closure', 200, 'ProjectStatusChanged'),
  onProject('CancelProject', 'POST /api/v1/projects/{projectId}/cancellation', 200, 'ProjectStatusChanged'),
  onProject('SignAgreement', 'POST /api/v1/projects/{projectId}/agreements', 201, 'AgreementSigned'),
  onProject('DeclareAgreementEffective', 'POST /api/v1/agreements/{agreementId}/effectiveness', 200, 'AgreementDeclaredEffective'),
  onProject('RecordAgreementCommitment', 'POST /api/v1/agreements/{agreementId}/commitments', 201, 'AgreementCommitmentRecorded'),
  onProject('AmendCommitment', 'POST /api/v1/agreements/{agreementId}/commitment-amendments', 201, 'CommitmentAmended'),
  onProject('CancelFunds', 'POST /api/v1/agreements/{agreementId}/cancellations', 201, 'FundsCancelled'),
  onProject('ExtendClosingDate', 'PUT /api/v1/agreements/{agreementId}/closing-date', 200, 'ClosingDateExtended'),
  onProject('SchedulePlannedDisbursement', 'POST /api/v1/agreements/{agreementId}/planned-disbursements', 201, 'PlannedDisbursementScheduled'),
  onProject('RecordFundsReceived', 'POST /api/v1/agreements/{agreementId}/funds-received', 201, 'FundsReceived'),
  onProject('RecordAgreementDisbursement', 'POST /api/v1/agreements/{agreementId}/disbursements', 201, 'AgreementDisbursementRecorded'),
  onProject('RecordExpenditure', 'POST /api/v1/agreements/{agreementId}/expenditures', 201, 'ExpenditureRecorded'),
  onProject('ReverseTransaction', 'POST /api/v1/agreements/{agreementId}/transactions/{transactionId}/reversal', 200, 'TransactionReversed'),
  onProject('PlanProcurementPackage', 'POST /api/v1/projects/{projectId}/contract-packages', 201, 'ProcurementPackagePlanned'),
  onProject('AwardContract', 'POST /api/v1/contract-packages/{contractId}/award', 200, 'ContractAwarded'),
  onProject('ApproveContractVariation', 'POST /api/v1/contract-packages/{contractId}/variations', 201, 'ContractVariationApproved'),
  onProject('CompleteContract', 'POST /api/v1/contract-packages/{contractId}/completion', 200, 'ContractCompleted'),
  onProject('TerminateContract', 'POST /api/v1/contract-packages/{contractId}/termination', 200, 'ContractTerminated'),
  onProject('PlanMilestone', 'POST /api/v1/projects/{projectId}/milestones', 201, 'MilestonePlanned'),
  onProject('RescheduleMilestone', 'POST /api/v1/projects/{projectId}/milestones/{milestoneId}/reschedule', 200, 'MilestoneRescheduled'),
  onProject('AchieveMilestone', 'POST /api/v1/projects/{projectId}/milestones/{milestoneId}/achievement', 200, 'MilestoneAchieved'),
  onProject('DropMilestone', 'POST /api/v1/projects/{projectId}/milestones/{milestoneId}/drop', 200, 'MilestoneDropped'),
  onProject('RatePerformance', 'POST /api/v1/projects/{projectId}/performance-reviews/{period}/ratings', 201, 'PerformanceRated'),
  onProject('RaiseIssue', 'POST /api/v1/projects/{projectId}/performance-reviews/{period}/issues', 201, 'IssueRaised'),
  onProject('ResolveIssue', 'POST /api/v1/projects/{projectId}/performance-reviews/{period}/issues/{issueId}/resolution', 200, 'IssueResolved'),
  onProject('RegisterRisk', 'POST /api/v1/projects/{projectId}/performance-reviews/{period}/risks', 201, 'RiskRegistered'),
  onProject('DefineResult', 'POST /api/v1/projects/{projectId}/results', 201, 'ResultDefined'),
  onProject('DefineIndicator', 'POST /api/v1/projects/{projectId}/results/{resultId}/indicators', 201, 'IndicatorDefined'),
  onProject('SetBaseline', 'PUT /api/v1/projects/{projectId}/indicators/{indicatorId}/baseline', 200, 'BaselineSet'),
  onProject('SetTarget', 'POST /api/v1/projects/{projectId}/indicators/{indicatorId}/targets', 200, 'TargetSet'),
  onProject('ReportActual', 'POST /api/v1/projects/{projectId}/indicators/{indicatorId}/actuals', 200, 'ActualReported'),
  onProject('VerifyActual', 'POST /api/v1/projects/{projectId}/indicators/{indicatorId}/actuals/verification', 200, 'ActualVerified'),
  onProject('RejectActual', 'POST /api/v1/projects/{projectId}/indicators/{indicatorId}/actuals/rejection', 200, 'ActualRejected'),
  programmeWide('RegisterProgramme', 'POST /api/v1/programmes', 201, 'ProgrammeRegistered'),
  programmeWide('SetProgrammeTarget', 'POST /api/v1/programmes/{programmeId}/targets', 200, 'ProgrammeTargetSet'),
  programmeWide('ObserveProgrammeKpi', 'POST /api/v1/programmes/{programmeId}/kpi-observations', 200, 'ProgrammeKpiObserved'),
  programmeWide('RecordGovernanceMeeting', 'POST /api/v1/programmes/{programmeId}/governance-meetings', 201, 'GovernanceMeetingRecorded'),
  programmeWide('AssignDecisionAction', 'POST /api/v1/programmes/{programmeId}/decisions/{decisionId}/actions', 201, 'DecisionActionAssigned'),
  programmeWide('CompleteDecisionAction', 'POST /api/v1/programmes/{programmeId}/actions/{actionId}/completion', 200, 'DecisionActionCompleted'),
  programmeWide('RegisterOrganisation', 'POST /api/v1/organisations', 201, 'OrganisationRegistered'),
  programmeWide('RenameOrganisation', 'PUT /api/v1/organisations/{organisationId}/names', 200, 'OrganisationRenamed'),
  programmeWide('MergeOrganisation', 'POST /api/v1/organisations/{organisationId}/merger', 200, 'OrganisationMerged'),
  programmeWide('RecordExchangeRates', 'POST /api/v1/reference/exchange-rates', 201, 'ExchangeRateRecorded', 'ExchangeRateRecorded'),
];

/** Who may call one of the API's other operations: anyone, any signed-in user, or an admin only. */
export type OperationCallers = 'anyone' | 'signed-in' | 'admin';

export interface ExpectedOperation {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly status: 200 | 201 | 204;
  readonly callers: OperationCallers;
}

function operation(route: string, status: 200 | 201 | 204, callers: OperationCallers): ExpectedOperation {
  const [method, path] = route.split(' ') as [ExpectedOperation['method'], string];
  return { method, path, status, callers };
}

/** The API's operations that are not commands: probes, documents, sign-in, accounts and the relay's parked events. */
export const EXPECTED_OTHER_OPERATIONS: readonly ExpectedOperation[] = [
  operation('GET /health', 200, 'anyone'),
  operation('GET /metrics', 200, 'anyone'),
  operation('GET /api/asyncapi.json', 200, 'anyone'),
  operation('GET /.well-known/jwks.json', 200, 'anyone'),
  operation('POST /api/v1/auth/token', 200, 'anyone'),
  operation('POST /api/v1/me/password', 204, 'signed-in'),
  operation('GET /api/v1/admin/parked-messages', 200, 'admin'),
  operation('GET /api/v1/admin/parked-messages/skipped', 200, 'admin'),
  operation('POST /api/v1/admin/parked-messages/{project}/retry', 200, 'admin'),
  operation('DELETE /api/v1/admin/parked-messages/{id}', 204, 'admin'),
  operation('POST /api/v1/admin/users', 201, 'admin'),
  operation('GET /api/v1/admin/users', 200, 'admin'),
  operation('GET /api/v1/admin/users/{username}', 200, 'admin'),
  operation('PATCH /api/v1/admin/users/{username}', 200, 'admin'),
  operation('POST /api/v1/admin/users/{username}/disable', 200, 'admin'),
  operation('POST /api/v1/admin/users/{username}/enable', 200, 'admin'),
  operation('POST /api/v1/admin/users/{username}/password', 200, 'admin'),
  operation('GET /api/v1/admin/users/{username}/audit', 200, 'admin'),
];

export function expectedCommand(name: string): ExpectedCommand {
  const found = EXPECTED_COMMANDS.find((c) => c.command === name);
  if (!found) throw new Error(`${name} is not in the expected command list`);
  return found;
}
