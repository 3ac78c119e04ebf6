import { ProblemError } from '@ecab/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import type { z } from 'zod';
import type { Sql } from '../../sql.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { ViewsReader } from '../views-reader.js';
import { projectTimelineQuery } from './project-timeline.query.js';

export interface TimelineEntry {
  eventId: string;
  streamId: string;
  version: number;
  /** The stored event type, e.g. `ProjectStatusChanged`: what happened (its data says the rest). */
  type: string;
  /** When it happened in the world (YYYY-MM-DD), when the event says. */
  effectiveDate: string | null;
  /** When the platform learned it. */
  recordedAt: string;
  /** Who recorded it (the command's user), when known. */
  actor: string | null;
  /** It corrects an earlier record (a correction with a reason, a forced status move, a reversal). */
  correction: boolean;
  /** Why: a correction's reason, the reason given with the change, or a reversal's reason code. */
  reason: string | null;
  data: Record<string, unknown>;
}

export interface TimelinePage {
  items: TimelineEntry[];
  nextCursor: string | null;
}

type Parameters = z.output<typeof projectTimelineQuery.query>;

const RECORDED_AT = `to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

@Controller('api/v1')
export class ProjectTimelineController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(projectTimelineQuery.path)
  async timeline(@Param('id') id: string, @Query() raw: unknown): Promise<TimelinePage> {
    const parameters = this.reader.parameters(projectTimelineQuery, raw);
    const after = decodeCursor(parameters.cursor, parameters.order === 'effective' ? 4 : 3, parameters.order);
    return this.reader.read(parameters, (sql) => readTimeline(sql, id, parameters, after));
  }
}

export async function readTimeline(sql: Sql, id: string, parameters: Parameters, after: (string | number)[] | null | undefined): Promise<TimelinePage> {
  const exists: unknown[] = await sql('select 1 from project_summary where project_id = $1', [id]);
  if (exists.length === 0) throw ProblemError.notFound(`No project ${id} in the portfolio view.`);
  // The key of each order, as the index project_activity_recorded / _effective holds it.
  const key =
    parameters.order === 'effective'
      ? ['effective_on', 'recorded_at', 'stream_id collate "C"', 'stream_version']
      : ['recorded_at', 'stream_id collate "C"', 'stream_version'];
  const types = parameters.order === 'effective' ? ['date', 'timestamptz', 'text', 'int'] : ['timestamptz', 'text', 'int'];
  const params: unknown[] = [id];
  let where = 'project_id = $1';
  if (after) {
    const bound = after.map((value, i) => {
      params.push(String(value));
      return `$${params.length}::${types[i] ?? 'text'}`;
    });
    where += ` and (${key.join(', ')}) > (${bound.join(', ')})`;
  }
  params.push(parameters.limit + 1);
  // The data is stored as json text; as jsonb it is answered with jsonb's key order, whatever order it was written in.
  const rows: {
    event_id: string;
    stream_id: string;
    stream_version: number;
    type: string;
    effective_date: string | null;
    effective_on: string;
    recorded_at: string;
    actor: string | null;
    correction: boolean;
    reason: string | null;
    data: Record<string, unknown>;
  }[] = await sql(
    `select event_id, stream_id, stream_version, type, to_char(effective_date, 'YYYY-MM-DD') as effective_date, to_char(effective_on, 'YYYY-MM-DD') as effective_on,
            ${RECORDED_AT} as recorded_at, actor, correction, reason, data::jsonb as data
       from project_activity where ${where}
      order by ${key.join(', ')} limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, parameters.limit);
  const last = page[page.length - 1];
  const lastKey =
    last &&
    (parameters.order === 'effective'
      ? [last.effective_on, last.recorded_at, last.stream_id, last.stream_version]
      : [last.recorded_at, last.stream_id, last.stream_version]);
  return {
    items: page.map((r) => ({
      eventId: r.event_id,
      streamId: r.stream_id,
      version: r.stream_version,
      type: r.type,
      effectiveDate: r.effective_date,
      recordedAt: new Date(r.recorded_at).toISOString(),
      actor: r.actor,
      correction: r.correction,
      reason: r.reason,
      data: r.data,
    })),
    nextCursor: rows.length > parameters.limit && lastKey ? encodeCursor(lastKey, parameters.order) : null,
  };
}
