import { activityFamily } from './activity/activity.family.js';
import { agreementFamily } from './agreement/agreement.family.js';
import { contractPackageFamily } from './contract-package/contract-package.family.js';
import { milestonesFamily } from './milestones/milestones.family.js';
import { performanceReviewFamily } from './performance-review/performance-review.family.js';
import { programmeFamily } from './programme/programme.family.js';
import { projectFamily } from './project/project.family.js';
import { referenceFamily } from './reference/reference.family.js';
import { resultsFamily } from './results/results.family.js';
import type { ViewFamily } from './view-family.js';

/** Every read-table family, in the order they apply an event (the project's row first: others refer to it; the activity last). */
export const VIEW_FAMILIES: readonly ViewFamily[] = [
  projectFamily,
  agreementFamily,
  contractPackageFamily,
  referenceFamily,
  performanceReviewFamily,
  milestonesFamily,
  resultsFamily,
  programmeFamily,
  activityFamily,
];
