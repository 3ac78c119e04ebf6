import { ProblemError } from '@ecab/platform';
import type { VersionWaitOutcome } from '../projections/applied-version-watch.js';
import type { PortfolioProjection } from '../projections/portfolio-projection.js';

/**
 * `?consistentWith=<projectId>:<version>` (a project's own stream) or `<streamId>@<version>` (any other
 * stream, e.g. `agreement-AG-1@2`): what the caller has written and wants to read back. Every command
 * answers the token in its `consistentWith` field.
 */
export interface ConsistencyToken {
  streamId: string;
  version: number;
}

export function parseConsistencyToken(raw: string | undefined): ConsistencyToken | undefined {
  if (raw === undefined || raw === '') return undefined;
  const stream = /^([A-Za-z0-9][A-Za-z0-9._~-]{0,200})@(\d{1,9})$/.exec(raw);
  if (stream?.[1] && stream[2]) return { streamId: stream[1], version: Number(stream[2]) };
  const project = /^(.{1,64}):(\d{1,9})$/.exec(raw);
  if (!project?.[1] || !project[2]) {
    throw ProblemError.validation(
      [{ pointer: '/consistentWith', detail: 'must be <projectId>:<version> (e.g. ECAB-TR-01:3) or <streamId>@<version> (e.g. agreement-AG-1@2)' }],
      'The consistentWith parameter is malformed.',
    );
  }
  return { streamId: `project-${project[1]}`, version: Number(project[2]) };
}

/**
 * Waits until the projection has applied the version (this instance's applies wake it at once, another
 * instance's are read for every waiting reader together) and answers how it was reached; 409 naming the version it has if the bound passes.
 */
export async function waitForVersion(projection: PortfolioProjection, token: ConsistencyToken, timeoutMs: number): Promise<VersionWaitOutcome> {
  const { streamId } = token;
  const outcome = await projection.waitForVersion(streamId, token.version, timeoutMs);
  const { reached, applied } = outcome;
  if (reached) return outcome;
  throw ProblemError.conflict(`The view of ${streamId} is at version ${applied}, not yet at ${token.version}; retry shortly.`, {
    requiredVersion: token.version,
    appliedVersion: applied,
  });
}
