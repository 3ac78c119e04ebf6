import type { PortfolioEvent } from '@ecab/contracts';
import type { Data } from '../iati/event-data.js';
import { codeOf } from '../iati/event-data.js';
import type { ActionFacts, AgreementFacts, IndicatorFacts, KpiFacts, MilestoneFacts, QuarterFacts } from './quarter-fact-types.js';
import type { Quarter } from './quarter.js';

const by = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
};

/** Folds the events (log order) into the facts as they stood at the end of `quarter`. */
export function quarterFacts(events: readonly PortfolioEvent[], quarter: Quarter): QuarterFacts {
  const end = quarter.end;
  const agreements = new Map<string, AgreementFacts>();
  const milestones = new Map<string, MilestoneFacts>();
  const actions = new Map<string, ActionFacts>();
  const meetings = new Map<string, { meetingId: string; body: string; date: string }>();
  const decisionMeeting = new Map<string, string>();
  const indicators = new Map<string, IndicatorFacts>();
  const resultTypes = new Map<string, string>();
  const kpis = new Map<string, KpiFacts>();
  for (const event of events) {
    const d = event.data as Data;
    const id = event.eventId;
    const agreement = () =>
      by(agreements, d.agreementId, () => ({
        agreementId: d.agreementId,
        projectId: d.projectId,
        agreementNumber: undefined,
        financier: '',
        instrument: undefined,
        currency: undefined,
        signedAmount: undefined,
        signedDate: undefined,
        effectiveDate: undefined,
        originalClosingDate: undefined,
        closingDate: undefined,
        extensions: 0,
        cancellations: [],
        events: [],
      }));
    switch (event.type) {
      case 'AgreementSigned': {
        const a = agreement();
        Object.assign(a, {
          agreementNumber: d.agreementNumber,
          financier: d.financier?.name ?? d.financier?.organisationId ?? '',
          instrument: d.instrument,
          currency: d.currency,
          signedAmount: d.amount,
          signedDate: d.signedDate,
          originalClosingDate: d.closingDate,
          closingDate: d.closingDate,
        });
        a.events.push(id);
        break;
      }
      case 'AgreementOpened': {
        const a = agreement();
        Object.assign(a, { financier: d.financier?.name ?? d.financier?.ref ?? '', currency: d.currency });
        if (d.effectiveDate <= end) a.effectiveDate = d.effectiveDate;
        a.events.push(id);
        break;
      }
      case 'AgreementDeclaredEffective':
        if (d.effectivenessDate <= end) {
          const a = agreement();
          a.effectiveDate = d.effectivenessDate;
          a.events.push(id);
        }
        break;
      case 'ClosingDateExtended':
        if (d.effectiveDate <= end) {
          const a = agreement();
          a.originalClosingDate ??= d.previousClosingDate;
          a.closingDate = d.closingDate;
          a.extensions += 1;
          a.events.push(id);
        }
        break;
      case 'FundsCancelled':
        agreement().cancellations.push({
          transactionId: d.transactionId,
          amount: d.amount,
          currency: d.currency,
          date: d.effectiveDate ?? d.valueDate,
          valueDate: d.valueDate,
          eventId: id,
        });
        break;
      case 'TransactionReversed': {
        const a = agreements.get(d.agreementId);
        const original = a?.cancellations.find((c) => c.transactionId === d.transactionId && !c.amount.startsWith('-'));
        if (a && original && d.reversedEventType === 'FundsCancelled') {
          a.cancellations.push({
            ...original,
            transactionId: `${d.transactionId}-reversal`,
            amount: `-${original.amount}`,
            date: d.effectiveDate,
            eventId: id,
          });
        }
        break;
      }
      case 'MilestonePlanned':
        milestones.set(`${d.projectId}|${d.milestoneId}`, {
          projectId: d.projectId,
          milestoneId: d.milestoneId,
          category: d.category,
          title: d.title,
          baselineDate: d.baselineDate,
          forecastDate: undefined,
          achievedDate: undefined,
          dropped: false,
          events: [id],
        });
        break;
      case 'MilestoneRescheduled':
      case 'MilestoneAchieved':
      case 'MilestoneDropped': {
        const m = milestones.get(`${d.projectId}|${d.milestoneId}`);
        if (!m || d.effectiveDate > end) break;
        if (event.type === 'MilestoneRescheduled') m.forecastDate = d.newDate;
        else if (event.type === 'MilestoneAchieved') m.achievedDate = d.actualDate;
        else m.dropped = true;
        m.events.push(id);
        break;
      }
      case 'GovernanceMeetingRecorded':
        meetings.set(d.meetingId, { meetingId: d.meetingId, body: d.bodyName ?? d.body, date: d.date });
        for (const decision of (d.decisions ?? []) as { decisionId: string }[]) decisionMeeting.set(decision.decisionId, d.meetingId);
        break;
      case 'DecisionActionAssigned': {
        const meetingId = decisionMeeting.get(d.decisionId);
        actions.set(`${d.programmeId}|${d.actionId}`, {
          programmeId: d.programmeId,
          actionId: d.actionId,
          decisionId: d.decisionId,
          meeting: meetingId === undefined ? undefined : meetings.get(meetingId),
          description: d.description,
          owner: d.owner?.name ?? d.owner?.organisationId ?? '',
          assignedOn: d.effectiveDate,
          dueDate: d.dueDate,
          completedOn: undefined,
          events: [id],
        });
        break;
      }
      case 'DecisionActionCompleted': {
        const a = actions.get(`${d.programmeId}|${d.actionId}`);
        if (a && d.completionDate <= end) {
          a.completedOn = d.completionDate;
          a.events.push(id);
        }
        break;
      }
      case 'ResultDefined':
        resultTypes.set(`${d.projectId}|${d.resultId}`, codeOf(d.resultType));
        break;
      case 'IndicatorDefined':
        indicators.set(`${d.projectId}|${d.indicatorId}`, {
          projectId: d.projectId,
          resultId: d.resultId,
          resultType: resultTypes.get(`${d.projectId}|${d.resultId}`) ?? '',
          indicatorId: d.indicatorId,
          title: d.title,
          measure: codeOf(d.measure),
          ascending: d.ascending !== false,
          unit: d.unit,
          baseline: undefined,
          targets: new Map(),
          actuals: new Map(),
          defined: id,
        });
        break;
      case 'BaselineSet':
      case 'TargetSet':
      case 'ActualReported':
      case 'ActualVerified':
      case 'ActualRejected': {
        const indicator = indicators.get(`${d.projectId}|${d.indicatorId}`);
        if (!indicator) break;
        if (event.type === 'BaselineSet') {
          indicator.baseline = { value: { year: d.year, value: d.value }, eventId: id };
          break;
        }
        const period = `${d.period.start}|${d.period.end}`;
        if (event.type === 'TargetSet') {
          indicator.targets.set(period, { value: { start: d.period.start, end: d.period.end, value: d.value }, eventId: id });
          break;
        }
        // An actual is a value of the quarter's report once its period has ended by the quarter's end.
        if (d.period.end > end) break;
        const state = event.type === 'ActualReported' ? 'reported' : event.type === 'ActualVerified' ? 'verified' : 'rejected';
        indicator.actuals.set(period, { value: { start: d.period.start, end: d.period.end, value: d.value, state }, eventId: id });
        break;
      }
      case 'ProgrammeKpiObserved':
      case 'ProgrammeTargetSet': {
        const kpi = by(kpis, d.kpi, () => ({ kpi: d.kpi, unit: d.unit, observations: [], targets: new Map() }));
        const label = d.date ?? String(d.year);
        const value = { asOf: d.date ?? `${String(d.year).padStart(4, '0')}-12-31`, label, value: d.value };
        if (event.type === 'ProgrammeTargetSet') kpi.targets.set(label, { value, eventId: id });
        else if (value.asOf <= end) kpi.observations.push({ value, eventId: id });
        break;
      }
      default:
    }
  }
  return {
    agreements: [...agreements.values()].filter((a) => a.projectId !== undefined),
    milestones: [...milestones.values()],
    actions: [...actions.values()],
    indicators: [...indicators.values()],
    kpis: [...kpis.values()],
  };
}
