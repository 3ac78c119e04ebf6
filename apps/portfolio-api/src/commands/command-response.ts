import type { CommandOutcome } from './aggregate-command-executor.js';

export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/** What every command answers: what it acted on, and where the stream now stands. */
export interface CommandResponse {
  /** The id of what the command created or changed (the project, agreement, transaction, milestone…). */
  id: string;
  /** The project the events belong to; absent for programme-wide records. */
  projectId?: string;
  streamId: string;
  /** The stream version after the command; send it back as `If-Match` to guard the next change. */
  version: number;
  /** The event types recorded, in order. */
  events: string[];
  /** For the views' `consistentWith` parameter: read your own write. */
  consistentWith: string;
  /** Only when one request wrote several streams (exchange rates of several currencies): each one, with its own token. */
  streams?: { streamId: string; version: number; consistentWith: string }[];
}

/** `<projectId>:<version>` for a project's own stream, `<streamId>@<version>` for any other stream. */
export function consistencyTokenOf(outcome: { streamId: string; projectId?: string | undefined; version: number }): string {
  if (outcome.projectId !== undefined && outcome.streamId === `project-${outcome.projectId}`) return `${outcome.projectId}:${outcome.version}`;
  return `${outcome.streamId}@${outcome.version}`;
}

/** The body plus the headers a client needs for its next command (ETag) and to read the result (Location). */
export function commandResponse(response: HeaderSink, outcome: CommandOutcome, id: string): CommandResponse {
  response.setHeader('ETag', `"${outcome.version}"`);
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  if (outcome.projectId !== undefined) response.setHeader('Location', `/api/v1/projects/${encodeURIComponent(outcome.projectId)}`);
  return {
    id,
    ...(outcome.projectId !== undefined ? { projectId: outcome.projectId } : {}),
    streamId: outcome.streamId,
    version: outcome.version,
    events: outcome.events.map((e) => e.type),
    consistentWith: consistencyTokenOf(outcome),
    ...(outcome.streams ? { streams: outcome.streams.map((s) => ({ ...s, consistentWith: consistencyTokenOf(s) })) } : {}),
  };
}
