import type { PortfolioEvent } from '@ecab/contracts';

/** A logger that says nothing, for consumers under test. */
export const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Version `version` of a tourism project's stream: registered at 1, a commitment after. */
export function projectEvent(projectId: string, version: number): PortfolioEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
    type: version === 1 ? 'ProjectRegistered' : 'CommitmentRecorded',
    schemaVersion: 1,
    streamId: `project-${projectId}`,
    streamVersion: version,
    subject: projectId,
    cluster: 'tourism',
    time: new Date().toISOString(),
    data: { projectId, n: version },
  };
}
