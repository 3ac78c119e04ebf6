/** One results framework (DMF) per project. */
export function resultsStreamId(projectId: string): string {
  return `results-${projectId}`;
}
