/** The shapes of portfolio-views' answers the portal reads (the views' OpenAPI document has them all). */
export interface MoneyFigures {
  netCommitment: string | null;
  disbursed: string | null;
  undisbursed: string | null;
  disbursementRatio: number | null;
}

export interface GroupSummary {
  key: string;
  projects: number;
  ratings: Record<'on_track' | 'for_attention' | 'at_risk' | 'unrated', number>;
  usd: MoneyFigures;
  missingRates: { currency: string; date: string }[];
}

export interface GroupedSummary {
  groupBy: string;
  from: string;
  to: string;
  items: GroupSummary[];
  nextCursor: string | null;
}

export interface CurvePoint {
  plannedCumulative: string | null;
  actualCumulative: string | null;
}

export interface DisbursementCurve {
  items: { quarter: string; usd: CurvePoint }[];
  nextCursor: string | null;
}

export interface KpiPoint {
  year: number | null;
  date: string | null;
  value: string;
}

export interface ActionItem {
  actionId: string;
  description: string;
  owner: { organisationId?: string; name?: string };
  dueDate: string;
  status: 'open' | 'overdue' | 'done';
}

export interface Programme {
  id: string;
  names: Record<string, string>;
  kpis: { kpi: string; unit: string; baseline: KpiPoint | null; latest: KpiPoint | null; target: KpiPoint | null; progress: number | null }[];
  meetings: { meetingId: string; decisions: { decisionId: string; text: string; actions: ActionItem[] }[] }[];
  actionCounts: { open: number; overdue: number; done: number };
}

export interface OverdueMilestone {
  projectId: string;
  projectTitle: string | null;
  milestoneId: string;
  category: string;
  title: string | null;
  plannedDate: string;
  daysOverdue: number;
}

export interface ProjectListItem {
  id: string;
  title: string;
  cluster: string;
  countries: { code: string; percentage: number }[];
  status: string | null;
  rating: string | null;
  version: number;
  updatedAt: string;
  iatiIdentifier: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Transaction {
  eventId: string;
  kind: string;
  eventType: string;
  transactionId: string | null;
  amount: string;
  currency: string;
  valueDate: string;
}

export interface Agreement {
  agreementId: string;
  agreementNumber: string | null;
  financierRef: string | null;
  financierName: string | null;
  instrument: string | null;
  currency: string | null;
  signedAmount: string | null;
  signedOn: string | null;
  effectiveOn: string | null;
  closingOn: string | null;
  /** Commitments and amendments, cancellations apart: net commitment = committed − cancelled. */
  committed: string;
  cancelled: string;
  netCommitment: string;
  /** Funds received (IATI 1): money the financier released under the agreement. */
  disbursed: string;
  /** Onward payments: disbursements to contractors or implementers (IATI 3) and expenditures (IATI 4). */
  spent: string;
  transactions: Transaction[];
}

export interface Milestone {
  milestoneId: string;
  category: string;
  title: string | null;
  status: 'planned' | 'achieved' | 'dropped';
  baselineDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  slippageDays: number;
  overdue: boolean;
}

export interface ProjectView extends ProjectListItem {
  financing: { currency: string; committed: string; disbursed: string }[];
  agreements: Agreement[];
  contracts: {
    contractId: string;
    title: string | null;
    contractorName: string | null;
    contractValue: string | null;
    contractCurrency: string | null;
    status: string;
  }[];
  milestones: Milestone[];
  results: {
    resultId: string;
    title: string;
    indicators: {
      indicatorId: string;
      title: string;
      unit: string | null;
      target: { value: string } | null;
      actual: { value: string; verified: boolean } | null;
      progress?: number | null;
    }[];
  }[];
  ratings: { period: string; overall: string }[];
  risks: { id: string; period: string; description: string; likelihood: string; impact: string; mitigation: string }[];
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  effectiveDate: string | null;
  recordedAt: string;
  actor: string | null;
  reason?: string | null;
  correction: boolean;
}

export interface LineageItem {
  eventId: string;
  type: string;
  amount: string;
  currency: string;
  valueDate: string;
  effectiveDate: string | null;
  recordedAt: string;
  projectId: string;
}

export interface Lineage extends Page<LineageItem> {
  totals: { currency: string; amount: string }[];
}
