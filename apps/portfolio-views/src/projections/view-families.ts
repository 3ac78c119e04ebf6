import { activityFamily } from './activity/activity.family.js';
import { agreementFamily } from './agreement/agreement.family.js';
import { performanceFamily } from './performance/performance.family.js';
import { projectFamily } from './project/project.family.js';
import type { ViewFamily } from './view-family.js';

/** Every read-table family, in the order they apply an event (the project's row first: others refer to it). */
export const VIEW_FAMILIES: readonly ViewFamily[] = [projectFamily, agreementFamily, performanceFamily, activityFamily];
