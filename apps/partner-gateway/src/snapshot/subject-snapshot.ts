import type { IntegrationCloudEvent } from '../integration/integration-event.js';
import { PROGRAMME_SCOPE } from '../partners/partner.js';
import { addDecimal, isDecimal, negateDecimal } from './decimal.js';

/**
 * The current state of one subject a partner may see, folded from the integration events it may receive,
 * oldest first: nothing else goes in, so the snapshot shows no more than pull would have shown. Every fact
 * folded from an event marked `illustrative` is marked `illustrative: true` (a partner set to "withhold" never
 * gets those events, so never those facts).
 */
export type SubjectSnapshot = ProjectSnapshot | ProgrammeSnapshot;

interface Folded {
  /** The cursor of the last event folded into this subject. */
  lastSequence: string;
  /** That event's `time`. */
  updatedAt: string;
  /** True when any fact below came from an event marked illustrative. */
  illustrative: boolean;
}

type Mark = { illustrative?: true };

export interface MoneyTotals {
  /** Commitments and their amendments (signed), less reversals. */
  committed: string;
  cancelled: string;
  /** Funds received from the financier (IATI transaction type 1). */
  received: string;
  disbursed: string;
  /** Expenditure (IATI transaction type 4). */
  spent: string;
}

export interface AgreementSnapshot extends Mark {
  agreementId: string;
  financier: unknown;
  agreementNumber?: string;
  instrument?: string;
  signed?: { amount: string; currency: string; signedDate: string };
  effectivenessDate?: string;
  closingDate?: string;
  /** Per currency, as recorded (no conversion). */
  totals: Record<string, MoneyTotals>;
}

export interface ProjectSnapshot extends Folded {
  kind: 'project';
  subject: string;
  cluster: string;
  /** The recipient countries on the last event folded (ISO 3166-1 alpha-2). */
  countries: string[];
  registration: ({ title: unknown; countries: unknown; effectiveDate?: string } & Mark) | null;
  status: ({ code: string; stage: unknown; effectiveDate: string } & Mark) | null;
  approval: ({ approvalDate: string; stage: unknown } & Mark) | null;
  /** The latest date recorded per IATI activity date type. */
  dates: ({ dateType: string; date: string } & Mark)[];
  agreements: AgreementSnapshot[];
  contracts: ({ contractId: string; contractor: unknown; contractValue: unknown; awardDate: string } & Mark)[];
  /** Milestones achieved, or rescheduled and not yet achieved (plans stay internal). */
  milestones: ({ milestoneId: string; state: 'achieved' | 'rescheduled'; date: string; slippageDays: unknown } & Mark)[];
  /** The verified value per indicator and period. */
  verifiedActuals: ({ indicatorId: string; period: unknown; value: unknown } & Mark)[];
  /** The latest rating per period; only for partners whose audience may read ratings. */
  ratings?: ({ period: string; overall: unknown; ratings: unknown; worldBankRating?: unknown } & Mark)[];
}

export interface ProgrammeSnapshot extends Folded {
  kind: 'programme';
  subject: string;
  governanceMeetings: ({ meetingId: string; body: unknown; date: string; place: unknown; decisions: unknown } & Mark)[];
}

const BUCKET_OF_TYPE: Record<string, keyof MoneyTotals> = {
  'ecab.agreement.commitment-recorded': 'committed',
  'ecab.agreement.commitment-amended': 'committed',
  'ecab.project.commitment-recorded': 'committed',
  'ecab.agreement.funds-cancelled': 'cancelled',
  'ecab.agreement.funds-received': 'received',
  'ecab.project.disbursement-recorded': 'received',
  'ecab.agreement.disbursement-recorded': 'disbursed',
  'ecab.agreement.expenditure-recorded': 'spent',
};
/** TransactionReversed names the domain type it undoes. */
const BUCKET_OF_REVERSED: Record<string, keyof MoneyTotals> = {
  AgreementCommitmentRecorded: 'committed',
  CommitmentAmended: 'committed',
  FundsCancelled: 'cancelled',
  FundsReceived: 'received',
  AgreementDisbursementRecorded: 'disbursed',
  ExpenditureRecorded: 'spent',
};

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const mark = (event: IntegrationCloudEvent): Mark => (event.illustrative === 'true' ? { illustrative: true } : {});
/** The type without its version: a later version of a contract folds into the same fact. */
const nameOf = (type: string) => type.replace(/\.v\d+$/, '');

function upsert<T>(list: T[], found: (item: T) => boolean, item: T): void {
  const at = list.findIndex(found);
  if (at >= 0) list[at] = item;
  else list.push(item);
}

function newProject(first: IntegrationCloudEvent, withRatings: boolean): ProjectSnapshot {
  return {
    kind: 'project',
    subject: first.subject,
    cluster: first.cluster,
    countries: [],
    registration: null,
    status: null,
    approval: null,
    dates: [],
    agreements: [],
    contracts: [],
    milestones: [],
    verifiedActuals: [],
    ...(withRatings ? { ratings: [] } : {}),
    lastSequence: '0',
    updatedAt: first.time,
    illustrative: false,
  };
}

function agreementOf(project: ProjectSnapshot, data: Record<string, unknown>): AgreementSnapshot {
  const agreementId = str(data.agreementId) ?? `${project.subject}~${str(data.financier) ?? 'unknown'}`;
  let agreement = project.agreements.find((a) => a.agreementId === agreementId);
  if (!agreement) {
    agreement = { agreementId, financier: data.financier ?? null, totals: {} };
    project.agreements.push(agreement);
  }
  return agreement;
}

function addMoney(agreement: AgreementSnapshot, bucket: keyof MoneyTotals, amount: unknown, currency: unknown): void {
  if (!isDecimal(amount) || typeof currency !== 'string') return;
  const totals = (agreement.totals[currency] ??= { committed: '0', cancelled: '0', received: '0', disbursed: '0', spent: '0' });
  totals[bucket] = addDecimal(totals[bucket], amount);
}

function foldProject(project: ProjectSnapshot, event: IntegrationCloudEvent): void {
  const data = event.data;
  const m = mark(event);
  const name = nameOf(event.type);
  const bucket = BUCKET_OF_TYPE[name];
  if (bucket) {
    const agreement = agreementOf(project, data);
    addMoney(agreement, bucket, data.amount, data.currency);
    Object.assign(agreement, m);
    return;
  }
  switch (name) {
    case 'ecab.project.registered':
      project.registration = {
        title: data.title,
        countries: data.countries,
        ...(str(data.effectiveDate) ? { effectiveDate: str(data.effectiveDate) } : {}),
        ...m,
      };
      return;
    case 'ecab.project.status-changed':
      project.status = { code: codeOf(data.to), stage: data.stage, effectiveDate: String(data.effectiveDate), ...m };
      return;
    case 'ecab.project.approved':
      project.approval = { approvalDate: String(data.approvalDate), stage: data.stage, ...m };
      return;
    case 'ecab.project.date-recorded': {
      const dateType = codeOf(data.dateType);
      upsert(project.dates, (d) => d.dateType === dateType, { dateType, date: String(data.date), ...m });
      return;
    }
    case 'ecab.agreement.signed': {
      const agreement = agreementOf(project, data);
      Object.assign(agreement, {
        financier: data.financier,
        agreementNumber: str(data.agreementNumber),
        instrument: str(data.instrument),
        signed: { amount: String(data.amount), currency: String(data.currency), signedDate: String(data.signedDate) },
        ...(str(data.closingDate) ? { closingDate: str(data.closingDate) } : {}),
        ...m,
      });
      return;
    }
    case 'ecab.agreement.opened':
      Object.assign(agreementOf(project, data), m);
      return;
    case 'ecab.agreement.declared-effective':
      Object.assign(agreementOf(project, data), { effectivenessDate: str(data.effectivenessDate) }, m);
      return;
    case 'ecab.agreement.closing-date-extended':
      Object.assign(agreementOf(project, data), { closingDate: str(data.closingDate) }, m);
      return;
    case 'ecab.agreement.transaction-reversed': {
      const reversed = BUCKET_OF_REVERSED[String(data.reversedEventType)];
      if (reversed && isDecimal(data.amount)) {
        const agreement = agreementOf(project, data);
        addMoney(agreement, reversed, negateDecimal(data.amount), data.currency);
        Object.assign(agreement, m);
      }
      return;
    }
    case 'ecab.contract.awarded': {
      const contractId = String(data.contractId);
      const contract = { contractId, contractor: data.contractor, contractValue: data.contractValue, awardDate: String(data.awardDate), ...m };
      upsert(project.contracts, (c) => c.contractId === contractId, contract);
      return;
    }
    case 'ecab.milestone.rescheduled':
    case 'ecab.milestone.achieved': {
      const milestoneId = String(data.milestoneId);
      const achieved = name === 'ecab.milestone.achieved';
      // Once achieved, a later reschedule cannot un-achieve it.
      if (!achieved && project.milestones.some((ms) => ms.milestoneId === milestoneId && ms.state === 'achieved')) return;
      const date = String(achieved ? data.actualDate : data.newDate);
      upsert(project.milestones, (ms) => ms.milestoneId === milestoneId, {
        milestoneId,
        state: achieved ? 'achieved' : 'rescheduled',
        date,
        slippageDays: data.slippageDays,
        ...m,
      });
      return;
    }
    case 'ecab.result.actual-verified': {
      const indicatorId = String(data.indicatorId);
      const period = JSON.stringify(data.period);
      upsert(project.verifiedActuals, (a) => a.indicatorId === indicatorId && JSON.stringify(a.period) === period, {
        indicatorId,
        period: data.period,
        value: data.value,
        ...m,
      });
      return;
    }
    case 'ecab.performance.rated': {
      if (!project.ratings) return;
      const period = String(data.period);
      const rating = { period, overall: data.overall, ratings: data.ratings, ...(data.worldBankRating ? { worldBankRating: data.worldBankRating } : {}), ...m };
      upsert(project.ratings, (r) => r.period === period, rating);
      return;
    }
    default:
      // A partner-facing type this build does not fold yet still moves lastSequence: nothing is hidden, it is in pull.
      return;
  }
}

function codeOf(coded: unknown): string {
  return coded && typeof coded === 'object' && typeof (coded as { code?: unknown }).code === 'string' ? (coded as { code: string }).code : String(coded);
}

function foldProgramme(programme: ProgrammeSnapshot, event: IntegrationCloudEvent): void {
  if (nameOf(event.type) !== 'ecab.programme.governance-meeting-recorded') return;
  const data = event.data;
  const meetingId = String(data.meetingId);
  upsert(programme.governanceMeetings, (g) => g.meetingId === meetingId, {
    meetingId,
    body: data.body,
    ...(data.bodyName !== undefined ? { bodyName: data.bodyName } : {}),
    ...(data.meetingNumber !== undefined ? { meetingNumber: data.meetingNumber } : {}),
    date: String(data.date),
    place: data.place,
    decisions: data.decisions,
    ...mark(event),
  });
}

/**
 * Folds one subject's events (oldest first, all of the same subject) into its snapshot. `withRatings`: the
 * partner's audience may read ratings (the field is left out otherwise).
 */
export function foldSubject(events: readonly IntegrationCloudEvent[], withRatings: boolean): SubjectSnapshot | undefined {
  const first = events[0];
  if (!first) return undefined;
  const snapshot: SubjectSnapshot =
    first.cluster === PROGRAMME_SCOPE
      ? { kind: 'programme', subject: first.subject, governanceMeetings: [], lastSequence: '0', updatedAt: first.time, illustrative: false }
      : newProject(first, withRatings);
  for (const event of events) {
    if (snapshot.kind === 'project') {
      foldProject(snapshot, event);
      snapshot.countries = event.countries ? event.countries.split(',') : [];
    } else {
      foldProgramme(snapshot, event);
    }
    snapshot.lastSequence = event.sequence ?? snapshot.lastSequence;
    snapshot.updatedAt = event.time;
    if (event.illustrative === 'true') snapshot.illustrative = true;
  }
  return snapshot;
}
