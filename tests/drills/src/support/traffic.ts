import { authHeaders, sleep } from '@ecab/testing';

export const CLUSTERS = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'] as const;
/** Every commitment is this much and every disbursement that much: an effect applied twice shows as an exact multiple. */
export const COMMITMENT_MINOR = 100_000n; // 1000.00 USD
export const DISBURSEMENT_MINOR = 1_000n; // 10.00 USD

export type CommandKind = 'register' | 'commitment' | 'disbursement';

/** A command the API answered 201: it promised the event is stored at this version. */
export interface Acknowledged {
  projectId: string;
  /** The stream the command wrote (its answer's streamId): the project's own, or its agreement with the financier. */
  streamId: string;
  version: number;
  kind: CommandKind;
}

export type StatusCounts = Record<string, number>;

export interface TrafficOptions {
  /** Project ids are `<idPrefix>-<n>`, unique to the drill. */
  idPrefix: string;
  /** The portfolio-api instances in rotation now (round robin). */
  targets: () => string[];
  projects: number;
  workers: number;
  /** Pause of each worker between two commands. */
  pauseMs: number;
  /** Hard bounds: the traffic stops by itself after this many commands or this long. */
  maxCommands: number;
  maxDurationMs: number;
  /** Optional read traffic on portfolio-views, counted the same way. */
  readTarget?: () => string | undefined;
}

interface ProjectState {
  id: string;
  cluster: string;
  registered: boolean;
  next: 'commitment' | 'disbursement';
}

export const money = (amount: string) => ({ amount, currency: 'USD', date: '2024-06-01', financier: 'XM-DAC-46004' });

export function projectBody(id: string, cluster: string) {
  return {
    id,
    title: `Fault drill ${id}`,
    cluster,
    countries: [
      { code: 'KZ', percentage: 50 },
      { code: 'KG', percentage: 50 },
    ],
  };
}

/**
 * Commands keep arriving: `workers` loops, each owning its share of the projects (so they never race
 * each other), register each project, then alternate a commitment and a disbursement. Every answer is
 * counted per phase (the drill names the phase: before / fault / after …); every 201 is remembered.
 */
export class Traffic {
  phase = 'before';
  sent = 0;
  readonly acknowledged: Acknowledged[] = [];
  private readonly statuses = new Map<string, StatusCounts>();
  private readonly readStatuses = new Map<string, StatusCounts>();
  private readonly projects: ProjectState[];
  private stopping = false;
  private loops: Promise<void>[] = [];
  private turn = 0;
  private startedAt = 0;

  constructor(private readonly options: TrafficOptions) {
    this.projects = Array.from({ length: options.projects }, (_, n) => ({
      id: `${options.idPrefix}-${n + 1}`,
      cluster: CLUSTERS[n % CLUSTERS.length]!,
      registered: false,
      next: 'commitment',
    }));
  }

  get projectIds(): string[] {
    return this.projects.map((p) => p.id);
  }

  start(): void {
    this.startedAt = Date.now();
    for (let w = 0; w < this.options.workers; w++) {
      const own = this.projects.filter((_, n) => n % this.options.workers === w);
      this.loops.push(this.work(own));
    }
    if (this.options.readTarget) this.loops.push(this.read());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Waits (bounded) until `count` more commands were acknowledged: proof that commands keep arriving and succeed. */
  async acknowledgedMore(count: number, timeoutMs: number): Promise<boolean> {
    const target = this.acknowledged.length + count;
    const deadline = Date.now() + timeoutMs;
    while (this.acknowledged.length < target && Date.now() < deadline && !this.finished) await sleep(50);
    return this.acknowledged.length >= target;
  }

  get finished(): boolean {
    return this.stopping || this.sent >= this.options.maxCommands || Date.now() - this.startedAt > this.options.maxDurationMs;
  }

  statusCounts(phase?: string): StatusCounts {
    return merge(this.statuses, phase);
  }

  readStatusCounts(phase?: string): StatusCounts {
    return merge(this.readStatuses, phase);
  }

  private async work(own: ProjectState[]): Promise<void> {
    let index = 0;
    while (!this.finished && own.length > 0) {
      const project = own[index++ % own.length]!;
      const targets = this.options.targets();
      const base = targets[this.turn++ % Math.max(1, targets.length)];
      if (base === undefined) {
        await sleep(this.options.pauseMs);
        continue;
      }
      const kind: CommandKind = project.registered ? project.next : 'register';
      const [path, body] =
        kind === 'register'
          ? ['/api/v1/projects', projectBody(project.id, project.cluster)]
          : [`/api/v1/projects/${project.id}/${kind === 'commitment' ? 'commitments' : 'disbursements'}`, money(kind === 'commitment' ? '1000.00' : '10.00')];
      this.sent += 1;
      const answer = await send(`${base}${path}`, body);
      count(this.statuses, this.phase, answer.status); // the phase the answer came in
      if (answer.status === '201' && typeof answer.body?.['version'] === 'number') {
        this.acknowledged.push({ projectId: project.id, streamId: String(answer.body['streamId']), version: answer.body['version'], kind });
        if (kind === 'register') project.registered = true;
        else project.next = kind === 'commitment' ? 'disbursement' : 'commitment';
      } else if (kind === 'register' && answer.status === '409' && answer.body?.['code'] === 'PROJECT_ALREADY_REGISTERED') {
        project.registered = true; // an earlier attempt was stored although its answer never arrived
      }
      await sleep(this.options.pauseMs);
    }
  }

  private async read(): Promise<void> {
    let n = 0;
    while (!this.finished) {
      const base = this.options.readTarget?.();
      const registered = this.projects.filter((p) => p.registered);
      if (base !== undefined && registered.length > 0) {
        const path = n++ % 2 === 0 ? '/api/v1/portfolio/summary' : `/api/v1/projects/${registered[n % registered.length]!.id}`;
        const answer = await get(`${base}${path}`);
        count(this.readStatuses, this.phase, answer.status);
      }
      await sleep(50);
    }
  }
}

interface Answer {
  /** The HTTP status, or `network:<code>` when no answer came. */
  status: string;
  body: Record<string, unknown> | undefined;
}

async function send(url: string, body: unknown): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: String(response.status), body: parse(text) };
  } catch (error) {
    return { status: networkStatus(error), body: undefined };
  }
}

async function get(url: string): Promise<Answer> {
  try {
    const response = await fetch(url, { headers: authHeaders(), signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return { status: String(response.status), body: undefined };
  } catch (error) {
    return { status: networkStatus(error), body: undefined };
  }
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function networkStatus(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'network:timeout';
  const cause = error instanceof Error ? (error.cause as { code?: string; name?: string } | undefined) : undefined;
  return `network:${cause?.code ?? cause?.name ?? 'error'}`;
}

function count(map: Map<string, StatusCounts>, phase: string, status: string): void {
  const counts = map.get(phase) ?? {};
  counts[status] = (counts[status] ?? 0) + 1;
  map.set(phase, counts);
}

function merge(map: Map<string, StatusCounts>, phase: string | undefined): StatusCounts {
  const total: StatusCounts = {};
  for (const [name, counts] of map) {
    if (phase !== undefined && name !== phase) continue;
    for (const [status, n] of Object.entries(counts)) total[status] = (total[status] ?? 0) + n;
  }
  return total;
}

/** Statuses that are a server error other than 503 (500, 502, 504 …). */
export function serverErrorsOtherThan503(counts: StatusCounts): StatusCounts {
  return Object.fromEntries(Object.entries(counts).filter(([status]) => /^5\d\d$/.test(status) && status !== '503'));
}
