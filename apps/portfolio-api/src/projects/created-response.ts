export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

export interface CreatedResponse {
  /** The id of what the command created (the project, commitment or disbursement). */
  id: string;
  projectId: string;
  /** The project's stream version after the command. */
  version: number;
}

/** The id of what a command created, as its first event names it (the same on a replayed answer). */
export function createdIdOf(outcome: { projectId: string; events: readonly { data: object }[] }): string {
  const data = (outcome.events[0]?.data ?? {}) as Record<string, unknown>;
  for (const field of ['commitmentId', 'disbursementId']) if (typeof data[field] === 'string') return data[field];
  return outcome.projectId;
}

/** 201 body plus the headers a client needs for its next command (ETag) and to read the result. */
export function created(response: HeaderSink, outcome: { projectId: string; version: number; replayed: boolean; events: readonly { data: object }[] }): CreatedResponse {
  const { projectId, version } = outcome;
  const id = createdIdOf(outcome);
  response.setHeader('ETag', `"${version}"`);
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  response.setHeader('Location', `/api/v1/projects/${encodeURIComponent(projectId)}`);
  return { id, projectId, version };
}
