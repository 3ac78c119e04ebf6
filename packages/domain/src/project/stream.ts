/** The event-store stream that holds one project's events. */
export function projectStreamId(projectId: string): string {
  return `project-${projectId}`;
}
