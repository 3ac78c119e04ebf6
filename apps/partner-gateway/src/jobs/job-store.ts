import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rateAndEta, type JobKind, type JobStatus, type JobView } from './job.js';

interface JobRow {
  job_id: string;
  subscription_id: string;
  kind: JobKind;
  request: Record<string, unknown>;
  from_seq: string | null;
  up_to_seq: string | null;
  staged_to: string | null;
  staged: boolean;
  status: JobStatus;
  total: number;
  done: number;
  failed: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A job with what the runner needs besides what the partner sees. */
export interface JobState extends JobView {
  fromSeq: string | null;
  upToSeq: string | null;
  stagedTo: string | null;
}

/** The subscription already has a queued or running job. */
export class JobConflictError extends Error {
  constructor(readonly openJobId: string | undefined) {
    super('a job of this subscription is open');
  }
}

const SELECT = `select job_id, subscription_id, kind, request, from_seq::text as from_seq, up_to_seq::text as up_to_seq, staged_to::text as staged_to,
  staged, status, total, done, failed, error, created_at, started_at, finished_at from gateway_jobs`;

/** Messages of the job: delivered, failed (or held behind a failed message of their project), and still on their way. */
export interface JobProgress {
  done: number;
  failed: number;
  active: number;
}

/**
 * The subscriptions' jobs (gateway_jobs) and what they count of the deliveries they queued again. At most one
 * job of a subscription is open: the partial unique index refuses a second one, even from two requests at once.
 */
export class JobStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: { subscriptionId: string; kind: JobKind; request: Record<string, unknown>; fromSeq?: string; upToSeq?: string }): Promise<JobState> {
    try {
      const rows: JobRow[] = await this.dataSource.query(
        `insert into gateway_jobs (job_id, subscription_id, kind, request, from_seq, up_to_seq, staged_to) values ($1, $2, $3, $4, $5, $6, $5)
         returning job_id`,
        [randomUUID(), input.subscriptionId, input.kind, JSON.stringify(input.request), input.fromSeq ?? null, input.upToSeq ?? null],
      );
      return (await this.get(input.subscriptionId, rows[0]!.job_id))!;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new JobConflictError((await this.open(input.subscriptionId))?.id);
      throw error;
    }
  }

  async get(subscriptionId: string, jobId: string): Promise<JobState | undefined> {
    const rows: JobRow[] = await this.dataSource.query(`${SELECT} where subscription_id = $1 and job_id = $2`, [subscriptionId, jobId]);
    return rows[0] ? await this.#state(rows[0]) : undefined;
  }

  async list(subscriptionId: string): Promise<JobState[]> {
    const rows: JobRow[] = await this.dataSource.query(`${SELECT} where subscription_id = $1 order by created_at desc, job_id limit 100`, [subscriptionId]);
    return Promise.all(rows.map((row) => this.#state(row)));
  }

  /** Every queued or running job, oldest first: what the runner works on (also after a restart). */
  async openJobs(): Promise<JobState[]> {
    const rows: JobRow[] = await this.dataSource.query(`${SELECT} where status in ('queued', 'running') order by created_at, job_id`);
    return Promise.all(rows.map((row) => this.#state(row)));
  }

  async open(subscriptionId: string): Promise<JobState | undefined> {
    const rows: JobRow[] = await this.dataSource.query(`${SELECT} where subscription_id = $1 and status in ('queued', 'running')`, [subscriptionId]);
    return rows[0] ? await this.#state(rows[0]) : undefined;
  }

  async start(jobId: string): Promise<void> {
    await this.dataSource.query(
      `update gateway_jobs set status = 'running', started_at = coalesce(started_at, now()) where job_id = $1 and status = 'queued'`,
      [jobId],
    );
  }

  /** Recover: every failed message since/until goes back in the queue, attempts from zero, in one statement. */
  async stageRecover(job: JobState, since: string, until: string | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, count]: [unknown, number] = await manager.query(
        `update gateway_deliveries set status = 'pending', attempts = 0, next_attempt_at = now(), failed_at = null, delivered_at = null, job_id = $4
          where subscription_id = $1 and status = 'failed' and failed_at >= $2 and ($3::timestamptz is null or failed_at <= $3)`,
        [job.subscriptionId, since, until ?? null, job.id],
      );
      await manager.query('update gateway_jobs set total = $2, staged = true where job_id = $1', [job.id, count]);
    });
  }

  /**
   * Replay: one batch of the subscription's messages (seq, subject) back in the queue, made if the
   * subscription never had them, and the job's mark moved to `stagedTo` in the same transaction, so a restart
   * goes on after the last batch and never queues one twice.
   */
  async stageReplayBatch(job: JobState, messages: readonly { seq: string; subject: string }[], stagedTo: string, last: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (messages.length > 0) {
        await manager.query(
          `insert into gateway_deliveries (subscription_id, seq, subject, job_id) select $1, s, j, $4 from unnest($2::bigint[], $3::text[]) as t(s, j)
           on conflict (subscription_id, seq) do update
             set status = 'pending', attempts = 0, next_attempt_at = now(), failed_at = null, delivered_at = null, job_id = excluded.job_id`,
          [job.subscriptionId, messages.map((m) => m.seq), messages.map((m) => m.subject), job.id],
        );
      }
      await manager.query('update gateway_jobs set staged_to = $2, total = total + $3, staged = $4 where job_id = $1', [
        job.id,
        stagedTo,
        messages.length,
        last,
      ]);
    });
  }

  /** Counts the job's messages; a pending one behind a failed message of its project counts as failed (it waits for a recover). */
  async progress(job: Pick<JobState, 'id' | 'subscriptionId'>): Promise<JobProgress> {
    const [row]: { done: number; failed: number; active: number }[] = await this.dataSource.query(
      `select count(*) filter (where d.status = 'delivered')::int as done,
              count(*) filter (where d.status = 'failed' or (d.status = 'pending' and held.seq is not null))::int as failed,
              count(*) filter (where d.status = 'pending' and held.seq is null)::int as active
         from gateway_deliveries d
         left join lateral (select f.seq from gateway_deliveries f
                             where f.subscription_id = d.subscription_id and f.subject = d.subject and f.status = 'failed' and f.seq < d.seq limit 1) held on true
        where d.job_id = $1 and d.subscription_id = $2`,
      [job.id, job.subscriptionId],
    );
    return row ?? { done: 0, failed: 0, active: 0 };
  }

  /** Ends the job (counts frozen: a later job may queue the same messages again). */
  async finish(jobId: string, status: 'done' | 'failed', counts: { done: number; failed: number }, error: string | null): Promise<void> {
    await this.dataSource.query(
      `update gateway_jobs set status = $2, done = $3, failed = $4, error = $5, finished_at = now(), started_at = coalesce(started_at, now())
        where job_id = $1 and status in ('queued', 'running')`,
      [jobId, status, counts.done, counts.failed, error],
    );
  }

  async #state(row: JobRow): Promise<JobState> {
    const open = row.status === 'queued' || row.status === 'running';
    const counts = open ? await this.progress({ id: row.job_id, subscriptionId: row.subscription_id }) : { done: row.done, failed: row.failed };
    const { rate, eta } = rateAndEta(
      { status: row.status, total: row.total, done: counts.done, staged: row.staged, startedAt: row.started_at, finishedAt: row.finished_at },
      new Date(),
    );
    return {
      id: row.job_id,
      subscriptionId: row.subscription_id,
      kind: row.kind,
      request: row.request,
      status: row.status,
      total: row.total,
      done: counts.done,
      failed: counts.failed,
      staged: row.staged,
      rate,
      eta,
      error: row.error,
      createdAt: row.created_at.toISOString(),
      startedAt: row.started_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      fromSeq: row.from_seq,
      upToSeq: row.up_to_seq,
      stagedTo: row.staged_to,
    };
  }
}

/** What a partner is shown of a job. */
export function jobView(state: JobState): JobView {
  const { fromSeq: _from, upToSeq: _upTo, stagedTo: _staged, ...view } = state;
  return view;
}
