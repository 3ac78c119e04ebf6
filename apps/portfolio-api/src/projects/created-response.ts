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

/** 201 body plus the headers a client needs for its next command (ETag) and to read the result. */
export function created(response: HeaderSink, id: string, projectId: string, version: number): CreatedResponse {
  response.setHeader('ETag', `"${version}"`);
  response.setHeader('Location', `/api/v1/projects/${encodeURIComponent(projectId)}`);
  return { id, projectId, version };
}
