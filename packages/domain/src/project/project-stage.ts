import type { ActivityStatusCode } from '../code-lists/iati-code-lists.js';

/** The portfolio's coarse life stage, shown next to the IATI status; approval moves it without moving the status. */
export const PROJECT_STAGES = ['pipeline', 'approved', 'implementation', 'completed', 'closed'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/**
 * The stage after moving to `status`: 2 implementation, 3 completed, 4 closed; back to 1 (only by
 * correction) it is pipeline or approved; cancelled (5) and suspended (6) keep the stage reached.
 */
export function stageAfterStatus(status: ActivityStatusCode, current: ProjectStage, approved: boolean): ProjectStage {
  switch (status) {
    case '1':
      return approved ? 'approved' : 'pipeline';
    case '2':
      return 'implementation';
    case '3':
      return 'completed';
    case '4':
      return 'closed';
    case '5':
    case '6':
      return current;
  }
}
