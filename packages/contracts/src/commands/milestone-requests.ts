import { z } from 'zod';
import { codeField, dateField, effectiveDateField, idField, pathIds, requiredText, sourceField, text } from './fields.js';

/** PlanMilestone: its route under /api/v1, path parameters and body. */
export const planMilestoneRequest = {
  path: 'projects/:projectId/milestones',
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the milestone's id within the project (e.g. SIGNING); a UUID is assigned when absent. */
      id: idField.optional(),
      category: codeField,
      title: text(500).optional(),
      baselineDate: dateField,
      source: sourceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
};

/** RescheduleMilestone: its route under /api/v1, path parameters and body. */
export const rescheduleMilestoneRequest = {
  path: 'projects/:projectId/milestones/:milestoneId/reschedule',
  params: pathIds('projectId', 'milestoneId'),
  body: z.object({ newDate: dateField, reason: requiredText(1000), effectiveDate: effectiveDateField }).strict(),
};

/** AchieveMilestone: its route under /api/v1, path parameters and body. */
export const achieveMilestoneRequest = {
  path: 'projects/:projectId/milestones/:milestoneId/achievement',
  params: pathIds('projectId', 'milestoneId'),
  body: z.object({ actualDate: dateField, source: sourceField.optional() }).strict(),
};
