import { z } from 'zod';

export const JOB_KINDS = ['recover', 'replay'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const instant = z.iso.datetime({ offset: true });

/** "Recover failed since T": every message of the subscription whose whole schedule failed since `since` (until `until`). */
export const recoverRequestSchema = z.strictObject({ since: instant, until: instant.optional() });
export type RecoverRequest = z.output<typeof recoverRequestSchema>;

/**
 * "Replay from position N or time T": every message of the subscription after the pull cursor N, or stored
 * since T, delivered again. A position is a cursor as pull answers it (a string of digits), or a number.
 */
export const replayRequestSchema = z.strictObject({
  fromPosition: z
    .union([
      z.string().regex(/^\d{1,18}$/, 'must be a cursor (a sequence, as pull answers it), e.g. "1200"'),
      z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    ])
    .transform(String)
    .optional(),
  fromTime: instant.optional(),
});
export type ReplayRequest = z.output<typeof replayRequestSchema>;

/** A job as the partner reads it at `GET /api/v1/subscriptions/{id}/jobs/{jobId}`. */
export interface JobView {
  id: string;
  subscriptionId: string;
  kind: JobKind;
  /** What was asked, as asked; a replay adds the positions it resolved to. */
  request: Record<string, unknown>;
  status: JobStatus;
  /** Messages the job put back in the queue; final once `staged`. */
  total: number;
  /** Of those, delivered (accepted by the sink). */
  done: number;
  /** Of those, failed again for the whole schedule, or held behind one that did. */
  failed: number;
  /** Whether every message of the job is queued (a replay queues in batches; total grows until then). */
  staged: boolean;
  /** Messages delivered per second since the job started (null before it started). */
  rate: number | null;
  /** When the job should be done at that rate (null when unknown, or finished). */
  eta: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Rate (messages/s since start, 2 decimals) and ETA of a job's progress, at `now`. */
export function rateAndEta(
  progress: { status: JobStatus; total: number; done: number; staged: boolean; startedAt: Date | null; finishedAt: Date | null },
  now: Date,
): { rate: number | null; eta: string | null } {
  if (!progress.startedAt) return { rate: null, eta: null };
  const end = progress.finishedAt ?? now;
  const seconds = Math.max(0.001, (end.getTime() - progress.startedAt.getTime()) / 1000);
  const rate = Math.round((progress.done / seconds) * 100) / 100;
  if (progress.status !== 'running' || !progress.staged || progress.done === 0) return { rate, eta: null };
  const remaining = Math.max(0, progress.total - progress.done);
  return { rate, eta: new Date(now.getTime() + (remaining / (progress.done / seconds)) * 1000).toISOString() };
}
