/** One stream per project holds all its milestones. */
export function milestonesStreamId(projectId: string): string {
  return `milestones-${projectId}`;
}
