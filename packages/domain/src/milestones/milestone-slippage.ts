import { compareIsoDates } from '../dates/iso-date.js';
import { daysBetween } from '../dates/world-dates.js';

export interface MilestoneDates {
  readonly baselineDate: string;
  readonly forecastDate?: string | undefined;
  readonly actualDate?: string | undefined;
  readonly dropped?: boolean | undefined;
}

export interface MilestoneSlippage {
  /** Actual (or else forecast) date minus baseline date, in days; positive is late. */
  readonly slippageDays: number;
  /** The planned date has passed and the milestone is neither achieved nor dropped. */
  readonly overdue: boolean;
}

/** docs/DOMAIN.md §2 "Milestone slippage". Pure: `today` comes from the caller. */
export function milestoneSlippage(milestone: MilestoneDates, today: string): MilestoneSlippage {
  const planned = milestone.forecastDate ?? milestone.baselineDate;
  const reference = milestone.actualDate ?? planned;
  return {
    slippageDays: daysBetween(milestone.baselineDate, reference),
    overdue: milestone.actualDate === undefined && !milestone.dropped && compareIsoDates(planned, today) < 0,
  };
}
