import type { MilestoneEvent } from './events.js';
import type { MilestoneCategory } from './milestone-category.js';

export interface Milestone {
  readonly category: MilestoneCategory;
  readonly baselineDate: string;
  /** The current planned date: the baseline until rescheduled. */
  readonly forecastDate: string;
  readonly actualDate: string | undefined;
  readonly dropped: boolean;
}

export interface MilestonesState {
  readonly milestones: ReadonlyMap<string, Milestone>;
}

export function initialMilestonesState(): MilestonesState {
  return { milestones: new Map() };
}

export function evolveMilestones(state: MilestonesState, event: MilestoneEvent): MilestonesState {
  const { milestoneId } = event.data;
  const current = state.milestones.get(milestoneId);
  const put = (milestone: Milestone) => ({ milestones: new Map(state.milestones).set(milestoneId, milestone) });
  switch (event.type) {
    case 'MilestonePlanned':
      return put({
        category: event.data.category,
        baselineDate: event.data.baselineDate,
        forecastDate: event.data.baselineDate,
        actualDate: undefined,
        dropped: false,
      });
    case 'MilestoneRescheduled':
      return current ? put({ ...current, forecastDate: event.data.newDate }) : state;
    case 'MilestoneAchieved':
      return current ? put({ ...current, actualDate: event.data.actualDate }) : state;
    case 'MilestoneDropped':
      return current ? put({ ...current, dropped: true }) : state;
  }
}
