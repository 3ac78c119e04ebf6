import type { Cluster } from '../cluster/cluster.js';
import type { ActivityDateTypeCode, ActivityStatusCode } from '../code-lists/iati-code-lists.js';
import type { DatePeriod } from '../dates/date-period.js';
import { organisationKey } from '../organisation-reference/organisation-reference.js';
import type { ProjectEvent } from './events.js';
import type { ProjectStage } from './project-stage.js';

export interface UnregisteredProject {
  readonly exists: false;
}

export interface RegisteredProject {
  readonly exists: true;
  readonly projectId: string;
  readonly cluster: Cluster;
  /** IATI ActivityStatus; a newly registered project is in the pipeline (1). */
  readonly status: ActivityStatusCode;
  readonly stage: ProjectStage;
  /** The effective date of the change to closed (4) or cancelled (5); undefined while the project goes on. */
  readonly endedOn: string | undefined;
  readonly approved: boolean;
  readonly iatiIdentifier: string | undefined;
  /** Once published the IATI identifier is frozen; only a correction replaces it. */
  readonly published: boolean;
  /** `<type>:<ref>` of every other-identifier. */
  readonly otherIdentifiers: ReadonlySet<string>;
  readonly dates: Readonly<Partial<Record<ActivityDateTypeCode, string>>>;
  readonly locationIds: ReadonlySet<string>;
  /** `<role>:<organisation key>` of every participant. */
  readonly participants: ReadonlySet<string>;
  /** Related activity id → IATI relation type. */
  readonly relatedActivities: ReadonlyMap<string, string>;
  readonly checkpointsWithChild: ReadonlySet<string>;
  /** Budget id → its IATI BudgetType and period (budgets of one type may not overlap). */
  readonly budgets: ReadonlyMap<string, { readonly budgetType: string; readonly period: DatePeriod }>;
  readonly documentIds: ReadonlySet<string>;
}

/** Closed (4) and cancelled (5): the project has ended, and records after that date are refused (records-after-end.ts). */
const ENDED_STATUSES: ReadonlySet<ActivityStatusCode> = new Set(['4', '5']);

/** Only what the rules need; read models are built elsewhere. */
export type ProjectState = UnregisteredProject | RegisteredProject;

export function initialProjectState(): ProjectState {
  return { exists: false };
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered':
      return {
        exists: true,
        projectId: event.data.projectId,
        cluster: event.data.cluster,
        status: '1',
        stage: 'pipeline',
        endedOn: undefined,
        approved: false,
        iatiIdentifier: undefined,
        published: false,
        otherIdentifiers: new Set(),
        dates: {},
        locationIds: new Set(),
        participants: new Set(),
        relatedActivities: new Map(),
        checkpointsWithChild: new Set(),
        budgets: new Map(),
        documentIds: new Set(),
      };
    case 'CommitmentRecorded':
    // Stryker disable next-line ConditionalExpression: equivalent: without this case the event falls through to evolveRegisteredProject, which ignores it too
    case 'DisbursementRecorded':
      // Money of before agreements: it counts on the project's shorthand agreement (evolveAgreementWithProjectMoney), not here.
      return state;
    default:
      return state.exists ? evolveRegisteredProject(state, event) : state;
  }
}

/** Events that describe a project that exists; read models keep the descriptive data, the state only what rules need. */
function evolveRegisteredProject(state: RegisteredProject, event: ProjectEvent): RegisteredProject {
  switch (event.type) {
    case 'ProjectIdentifierAssigned':
      return { ...state, iatiIdentifier: event.data.iatiIdentifier };
    case 'ProjectPublished':
      return { ...state, published: true };
    case 'OtherIdentifierAdded':
      return { ...state, otherIdentifiers: new Set(state.otherIdentifiers).add(`${event.data.identifierType.code}:${event.data.ref}`) };
    case 'ProjectDateRecorded':
      return { ...state, dates: { ...state.dates, [event.data.dateType.code]: event.data.date } };
    case 'ProjectApproved':
      return { ...state, approved: true, stage: event.data.stage };
    case 'ProjectStatusChanged':
      return {
        ...state,
        status: event.data.to.code,
        stage: event.data.stage,
        endedOn: ENDED_STATUSES.has(event.data.to.code) ? event.data.effectiveDate : undefined,
      };
    case 'LocationAdded':
      return { ...state, locationIds: new Set(state.locationIds).add(event.data.locationId) };
    case 'ParticipantAssigned':
      return { ...state, participants: new Set(state.participants).add(`${event.data.role.code}:${organisationKey(event.data.organisation)}`) };
    case 'RelatedActivityLinked': {
      const { relatedActivityId, relationType, checkpoint } = event.data;
      return {
        ...state,
        relatedActivities: new Map(state.relatedActivities).set(relatedActivityId, relationType.code),
        // Stryker disable next-line ConditionalExpression: equivalent: an undefined entry is never looked up, checkpoints are checked as trimmed strings
        checkpointsWithChild: checkpoint === undefined ? state.checkpointsWithChild : new Set(state.checkpointsWithChild).add(checkpoint),
      };
    }
    case 'BudgetRecorded':
      return { ...state, budgets: new Map(state.budgets).set(event.data.budgetId, { budgetType: event.data.budgetType.code, period: event.data.period }) };
    case 'DocumentLinkAdded':
      return { ...state, documentIds: new Set(state.documentIds).add(event.data.documentId) };
    default:
      return state;
  }
}
