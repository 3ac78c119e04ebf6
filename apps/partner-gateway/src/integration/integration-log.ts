import type { PortfolioEvent } from '@ecab/contracts';
import { EventEmitter } from 'node:events';
import type { DataSource, EntityManager } from 'typeorm';
import { grantedEventTypes, isEntitled, type Partner } from '../partners/partner.js';
import { countriesSetBy, toIntegrationEvent, type IntegrationCloudEvent, type IntegrationEvent } from './integration-event.js';

/** One event of the log as partners read it. */
export interface LoggedEvent {
  seq: string;
  cloudEvent: IntegrationCloudEvent;
}

interface LogRow {
  seq: string;
  cloudevent: IntegrationCloudEvent;
  type: string;
  cluster: string;
  countries: string[];
  illustrative: boolean;
}

/**
 * The gateway's outbox of integration events (table gateway_integration_events), in the order they were
 * stored: `seq` is the pull cursor and the webhook order. Storing a batch is idempotent by event id (Kafka
 * delivers at least once); the projects' recipient countries it needs are kept beside it (gateway_projects).
 */
export class IntegrationLog {
  readonly #appended = new EventEmitter();
  /** Appends stored by this process so far: a reader takes it before it reads, and waits only if none came since. */
  #appends = 0;

  constructor(private readonly dataSource: DataSource) {
    this.#appended.setMaxListeners(0);
  }

  async append(batch: readonly PortfolioEvent[]): Promise<void> {
    if (batch.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      // One writer at a time: a sequence taken inside the lock commits before the next one is taken, so a
      // reader never sees seq 11 before seq 10 and skips 10 with its cursor (Kafka partitions apply in parallel).
      await manager.query('select pg_advisory_xact_lock(hashtext($1))', ['gateway_integration_events']);
      const countries = await this.#projectCountries(manager, batch);
      const integration: IntegrationEvent[] = [];
      for (const event of batch) {
        const set = countriesSetBy(event);
        if (set) {
          countries.set(event.subject, set);
          await manager.query(
            `insert into gateway_projects (project_id, cluster, countries) values ($1, $2, $3)
             on conflict (project_id) do update set cluster = excluded.cluster, countries = excluded.countries`,
            [event.subject, event.cluster ?? null, set],
          );
        }
        const mapped = toIntegrationEvent(event, countries.get(event.subject) ?? []);
        if (mapped) integration.push(mapped);
      }
      if (integration.length === 0) return;
      await manager.query(
        `insert into gateway_integration_events (event_id, position, type, subject, cluster, countries, illustrative, cloudevent)
         select e.event_id, e.position, e.type, e.subject, e.cluster, string_to_array(e.countries, ','), e.illustrative, e.cloudevent
           from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::jsonb[])
                with ordinality as e(event_id, position, type, subject, cluster, countries, illustrative, cloudevent, n)
          order by e.n
         on conflict (event_id) do nothing`,
        [
          integration.map((e) => e.eventId),
          integration.map((e) => e.position ?? null),
          integration.map((e) => e.scope.type),
          integration.map((e) => e.cloudEvent.subject),
          integration.map((e) => e.scope.cluster),
          integration.map((e) => e.scope.countries.join(',')),
          integration.map((e) => e.scope.illustrative),
          integration.map((e) => JSON.stringify(e.cloudEvent)),
        ],
      );
    });
    this.#appends += 1;
    this.#appended.emit('appended');
  }

  /**
   * The next events after `after` that the partner is entitled to, in order, at most `limit`; also says
   * how far the scan reached (`scannedTo`), so a reader skips what it may not see.
   */
  async readEntitled(partner: Partner, after: string, limit: number): Promise<{ events: LoggedEvent[]; scannedTo: string }> {
    const head = await this.head();
    const entitled = entitledCondition(partner, 4);
    // The table's seq, not the text alias: as text, 10 sorts before 2.
    const rows: LogRow[] = await this.dataSource.query(
      `select seq::text as seq, cloudevent, type, cluster, countries, illustrative from gateway_integration_events
        where seq > $1 and seq <= $2 and ${entitled.sql} order by gateway_integration_events.seq limit $3`,
      [after, head, limit, ...entitled.params],
    );
    const events = toLogged(partner, rows);
    const scannedTo = rows.length === limit ? rows.at(-1)!.seq : head;
    return { events, scannedTo: BigInt(scannedTo) > BigInt(after) ? scannedTo : after };
  }

  /** The subjects (projects, and the programme) with an event the partner may see up to `upTo`, after `afterSubject`, in order. */
  async entitledSubjects(partner: Partner, upTo: string, afterSubject: string, limit: number): Promise<string[]> {
    const entitled = entitledCondition(partner, 4);
    const rows: { subject: string }[] = await this.dataSource.query(
      `select distinct subject from gateway_integration_events
        where seq <= $1 and subject > $2 and ${entitled.sql} order by subject limit $3`,
      [upTo, afterSubject, limit, ...entitled.params],
    );
    return rows.map((row) => row.subject);
  }

  /** Every event of these subjects the partner may see up to `upTo`, in log order. */
  async readEntitledOfSubjects(partner: Partner, subjects: readonly string[], upTo: string): Promise<LoggedEvent[]> {
    const entitled = entitledCondition(partner, 3);
    const rows: LogRow[] = await this.dataSource.query(
      `select seq::text as seq, cloudevent, type, cluster, countries, illustrative from gateway_integration_events
        where subject = any($1) and seq <= $2 and ${entitled.sql} order by gateway_integration_events.seq`,
      [subjects, upTo, ...entitled.params],
    );
    return toLogged(partner, rows);
  }

  /** The position just before the first event stored at or after `time` (the head when there is none): "replay from time T". */
  async positionBefore(time: Date): Promise<string> {
    const [row]: { seq: string | null }[] = await this.dataSource.query(
      'select (min(seq) - 1)::text as seq from gateway_integration_events where stored_at >= $1',
      [time],
    );
    return row?.seq ?? (await this.head());
  }

  /** The highest sequence stored, "0" when empty. */
  async head(): Promise<string> {
    const [row]: { seq: string }[] = await this.dataSource.query('select coalesce(max(seq), 0)::text as seq from gateway_integration_events');
    return row?.seq ?? '0';
  }

  /** A mark of the appends stored by this process so far, for waitForAppend: take it before reading the log. */
  get appendMark(): number {
    return this.#appends;
  }

  /**
   * Resolves when a batch was appended, or after `ms`, or on abort. With `since` (a mark taken before the caller
   * read), at once if a batch was appended after the mark: an append between the read and the wait is not missed.
   * At once, too, when `signal` was aborted before the call.
   */
  waitForAppend(ms: number, signal?: AbortSignal, since?: number): Promise<void> {
    return new Promise((resolve) => {
      // Something was stored after the caller's read began: it has not seen it, so no wait.
      if ((since !== undefined && since !== this.#appends) || signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.#appended.off('appended', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#appended.once('appended', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async #projectCountries(manager: EntityManager, batch: readonly PortfolioEvent[]): Promise<Map<string, string[]>> {
    const subjects = [...new Set(batch.map((event) => event.subject))];
    const rows: { project_id: string; countries: string[] }[] = await manager.query(
      'select project_id, countries from gateway_projects where project_id = any($1)',
      [subjects],
    );
    return new Map(rows.map((row) => [row.project_id, row.countries]));
  }
}

/** The entitlement rule in SQL, its parameters numbered from `first`. */
function entitledCondition(partner: Partner, first: number): { sql: string; params: unknown[] } {
  const { entitlements } = partner;
  const [clusters, countries, types, illustrative] = [first, first + 1, first + 2, first + 3].map((n) => `$${n}`);
  return {
    sql: `cluster = any(${clusters}) and (cluster = 'programme' or countries && ${countries}) and type = any(${types}) and (not illustrative or ${illustrative})`,
    params: [entitlements.clusters, entitlements.countries, grantedEventTypes(entitlements), partner.illustrative === 'mark'],
  };
}

function toLogged(partner: Partner, rows: readonly LogRow[]): LoggedEvent[] {
  return (
    rows
      // The SQL is the rule; isEntitled is the same rule in code, so a drift between them withholds rather than leaks.
      .filter((row) => isEntitled(partner, { type: row.type, cluster: row.cluster, countries: row.countries, illustrative: row.illustrative }))
      .map((row) => ({ seq: row.seq, cloudEvent: { ...row.cloudevent, sequence: row.seq } }))
  );
}
