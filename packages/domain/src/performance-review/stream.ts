/** One stream per project and quarter, e.g. performance-ECAB-TR-02-2026-Q3. */
export function performanceReviewStreamId(projectId: string, period: string): string {
  return `performance-${projectId}-${period}`;
}
